import type { RpcError } from '../../src-shared/rpc/result';

export interface FormErrors {
  fields: Record<string, string>;
  /** A message that belongs to no field (a lost connection, an internal error). */
  summary?: string;
}

/**
 * Splits a service error into messages per field path. When every message has a field, the
 * form shows them there and only points at them in its summary; raw paths never reach users.
 */
export function toFormErrors(error: RpcError): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) fields[issue.path] ??= issue.message;
  return Object.keys(fields).length > 0 ? { fields } : { fields, summary: error.message };
}

export const noErrors: FormErrors = { fields: {} };

export const hasErrors = (errors: FormErrors) => errors.summary !== undefined || Object.keys(errors.fields).length > 0;

/** The form without the error of one field: shown until the user edits that field. */
export function withoutFieldError(errors: FormErrors, ...paths: string[]): FormErrors {
  if (!paths.some((path) => path in errors.fields)) return errors;
  const fields = Object.fromEntries(Object.entries(errors.fields).filter(([path]) => !paths.includes(path)));
  return { ...errors, fields };
}
