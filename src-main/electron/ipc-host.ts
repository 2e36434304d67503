import type { Dispatch } from '../../src-shared/rpc/dispatcher';
import type { EventHub } from '../../src-shared/rpc/memory-transport';
import type { Result } from '../../src-shared/rpc/result';
import { isAppBundleUrl } from './app-protocol';

/** The only two channels; src-preload/preload.ts repeats them because it cannot import Node code. */
export const RPC_CHANNEL = 'rpc';
export const RPC_EVENT_CHANNEL = 'rpc:event';

/** Structural slices of Electron's types, so tests can pass plain objects. */
export interface SenderFrameLike {
  readonly url: string;
}
/** The window that called: its calls are aborted when it goes away or loads another page. */
export interface SenderLike {
  once(event: 'destroyed' | 'did-start-loading' | 'render-process-gone', listener: () => void): unknown;
}
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null | undefined;
  readonly sender?: SenderLike;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}
export interface EventTargetWebContents {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface IpcHostOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  /** Decides by the sending frame's URL; defaults to "our own app://bundle origin only". */
  isTrustedSender?: (frameUrl: string) => boolean;
  /** For the log: refused senders and dispatch failures (which the dispatcher should prevent). */
  onError?: (message: string, error?: unknown) => void;
}

/**
 * Serves the contract on one `invoke` channel. Every answer is a Result, never a throw: Electron
 * would keep only the message of a thrown error. Returns a function that removes the handler.
 */
export function registerIpcHost(options: IpcHostOptions): () => void {
  const isTrustedSender = options.isTrustedSender ?? isAppBundleUrl;
  options.ipcMain.handle(RPC_CHANNEL, async (event, method, input): Promise<Result<unknown>> => {
    const frameUrl = senderFrameUrl(event);
    if (frameUrl === undefined || !isTrustedSender(frameUrl)) {
      options.onError?.(`refused an IPC call from ${frameUrl ?? 'an unknown frame'}`);
      return {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'This window is not allowed to call ACD Link Studio.' },
      };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'The method name must be a string.' } };
    }
    try {
      return await options.dispatch(method, input, { signal: callerSignal(event.sender) });
    } catch (error) {
      options.onError?.(`IPC dispatch of ${method} failed`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Internal error in ${method}. See the log for details.` },
      };
    }
  });
  return () => options.ipcMain.removeHandler(RPC_CHANNEL);
}

const callers = new WeakMap<SenderLike, AbortController>();

/**
 * Aborts when the calling window is closed, reloaded or its renderer crashes: a preview it started
 * then stops on the database server instead of running on for a page that no longer waits.
 */
function callerSignal(sender: SenderLike | undefined): AbortSignal | undefined {
  if (!sender) return undefined;
  let gone = callers.get(sender);
  if (!gone || gone.signal.aborted) {
    const controller = new AbortController();
    callers.set(sender, controller);
    const abort = () => controller.abort();
    for (const event of ['destroyed', 'did-start-loading', 'render-process-gone'] as const) sender.once(event, abort);
    gone = controller;
  }
  return gone.signal;
}

function senderFrameUrl(event: InvokeEventLike): string | undefined {
  try {
    // senderFrame is null once the frame navigated away or was destroyed, and reading a disposed
    // frame's properties throws; either way the caller is no longer a frame we can vouch for.
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

/** Pushes server events to one window; returns the unsubscribe to call when the window closes. */
export function forwardEvents(hub: EventHub, webContents: EventTargetWebContents): () => void {
  return hub.subscribe((name, payload) => {
    if (webContents.isDestroyed()) return;
    try {
      webContents.send(RPC_EVENT_CHANNEL, name, payload);
    } catch {
      // The hub emits synchronously inside a service call; a window closing mid-send must not
      // turn that call into a failure.
    }
  });
}
