import { z } from 'zod';

/** Error codes the UI and CLI can act on; the message is for people, the code is for code. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'STORE_ERROR',
  'QUERY_FAILED',
  'QUERY_REFUSED',
  'CANCELLED',
  'CONNECTION_FAILED',
  'NOT_SUPPORTED',
  'TRANSPORT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const rpcErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** For INVALID_INPUT and CONFLICT: which field is wrong, so a form can mark it. */
  issues: z.array(fieldIssueSchema).optional(),
});
export type RpcError = z.infer<typeof rpcErrorSchema>;

/**
 * Every call answers with a value or an error as data: Electron keeps only `message` of a thrown
 * error across `invoke`, and expected failures (a duplicate name) are not exceptional.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Thrown inside services for expected failures; the dispatcher turns it into an error result. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
