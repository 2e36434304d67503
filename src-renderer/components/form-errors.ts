import type { RpcError } from '../../src-shared/rpc/result';

export interface FormErrors {
  fields: Record<string, string>;
  summary?: string;
}

/** Splits a service error into messages per field path and one summary line for the form. */
export function toFormErrors(error: RpcError): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) fields[issue.path] ??= issue.message;
  return { fields, summary: error.message };
}

export const noErrors: FormErrors = { fields: {} };
