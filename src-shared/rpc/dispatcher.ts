import { api, isMethod, type Method, type OutputOf, type ParsedInputOf } from '../contract/api';
import { formatIssues, issuesFromZod, ServiceError, type Result } from './result';

/**
 * What a handler knows of the call besides its input. `signal` aborts when the caller is gone (a
 * closed browser tab, a reloaded window, Ctrl+C in the CLI): long operations stop on the server
 * then, instead of running on for nobody.
 */
export interface CallContext {
  signal: AbortSignal;
}

export type Handlers = {
  [M in Method]: (input: ParsedInputOf<M>, call: CallContext) => OutputOf<M> | Promise<OutputOf<M>>;
};

export type Dispatch = (method: string, input: unknown, call?: Partial<CallContext>) => Promise<Result<unknown>>;

/** The signal of a caller that never goes away (tests, in-process callers). */
const NEVER_ABORTED = new AbortController().signal;

export interface DispatcherOptions {
  /** Called for unexpected exceptions (bugs), never for ServiceErrors. Must not log secrets. */
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The single entry point of every transport: parse the input with the contract, call the
 * handler, and wrap whatever happens in a Result. Nothing a caller sends can throw through it.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, input, call) => {
    if (typeof method !== 'string' || !isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method)}".` } };
    }
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return { ok: false, error: { code: 'INVALID_INPUT', message: formatIssues(issues), issues } };
    }
    try {
      const handler = handlers[method] as (input: unknown, call: CallContext) => unknown;
      const value = await handler(parsed.data, { signal: call?.signal ?? NEVER_ABORTED });
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
