import { api, isMethod, type Method, type OutputOf, type ParsedInputOf } from '../contract/api';
import { formatIssues, issuesFromZod, ServiceError, type Result } from './result';

export type Handlers = { [M in Method]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> };

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Called for unexpected exceptions (bugs), never for ServiceErrors. Must not log secrets. */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The single entry point of every transport: parse the input with the contract, call the
 * handler, and wrap whatever happens in a Result. Nothing a caller sends can throw through it.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method)}".` } };
    }
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return { ok: false, error: { code: 'INVALID_INPUT', message: formatIssues(issues), issues } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ServiceError) {
        return {
          ok: false,
          error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
        };
      }
      options.onInternalError?.(method, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Internal error in ${method}. See the log for details.` },
      };
    }
  };
}
