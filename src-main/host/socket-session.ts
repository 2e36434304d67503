import type { WebSocket } from 'ws';
import type { Dispatch } from '../../src-shared/rpc/dispatcher';
import type { EventHub } from '../../src-shared/rpc/memory-transport';
import { parseClientMessage, type ClientMessage } from './wire';

/**
 * Limits of one browser connection. A page makes a handful of calls at a time; a client that sends
 * thousands, or never reads its answers, gets slowed down (its socket is not read while its queue
 * is full) instead of taking the server's memory or its event loop from every other window.
 */
export const SOCKET_LIMITS = {
  /** Calls of one socket running at once (a preview waits on its driver process meanwhile). */
  concurrentCalls: 4,
  /** Calls waiting beyond those; the socket is not read while this many wait. */
  queuedCalls: 32,
  /** Answers not yet taken by the client, in bytes: no new call starts above this. */
  unsentAnswerBytes: 16 * 1024 * 1024,
  /** How often a socket blocked on unsent answers looks again. */
  drainPollMs: 25,
} as const;

export interface SocketSessionOptions {
  dispatch: Dispatch;
  hub: EventHub;
  /** A socket that failed (a frame over the limit, invalid UTF-8, a bad opcode): why, for the log. */
  onSocketError?: (reason: string) => void;
}

/**
 * One WebSocket's calls: answered in order of arrival, at most a few at a time, each started in
 * a task of its own so a long synchronous call (a big tree) lets other sockets and HTTP in between.
 * When the socket closes, every call it started is told through its abort signal, so a preview
 * of a closed tab stops on the server instead of running on for nobody.
 */
export function serveSocket(ws: WebSocket, options: SocketSessionOptions): void {
  const gone = new AbortController();
  const queue: ClientMessage[] = [];
  let running = 0;
  let drainTimer: NodeJS.Timeout | undefined;

  const send = (message: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = options.hub.subscribe((name, payload) => send({ event: name, payload }));

  const pump = () => {
    if (gone.signal.aborted) return;
    if (ws.bufferedAmount > SOCKET_LIMITS.unsentAnswerBytes) {
      drainTimer ??= setTimeout(() => {
        drainTimer = undefined;
        pump();
      }, SOCKET_LIMITS.drainPollMs);
      return;
    }
    while (running < SOCKET_LIMITS.concurrentCalls && queue.length > 0) {
      const message = queue.shift() as ClientMessage;
      running += 1;
      setImmediate(() => void run(message));
    }
    if (ws.isPaused && queue.length < SOCKET_LIMITS.queuedCalls / 2) ws.resume();
  };

  const run = async (message: ClientMessage) => {
    try {
      if (gone.signal.aborted) return;
      const result = await options.dispatch(message.method, message.input, { signal: gone.signal });
      send({ id: message.id, result });
    } finally {
      running -= 1;
      pump();
    }
  };

  ws.on('message', (data, isBinary) => {
    const message = parseClientMessage(isBinary ? undefined : data.toString());
    if (!message.ok) {
      send({ id: null, result: { ok: false, error: { code: 'INVALID_INPUT', message: message.message } } });
      return;
    }
    queue.push(message);
    if (queue.length >= SOCKET_LIMITS.queuedCalls) ws.pause();
    pump();
  });
  // Without this listener a bad frame would be an uncaught 'error' and end the whole server. ws
  // closes the socket itself (1009 too big, 1007 invalid UTF-8, 1002 protocol error); this one
  // connection ends, the page reconnects, every other connection goes on.
  ws.on('error', (error) => options.onSocketError?.(error.message));
  ws.on('close', () => {
    unsubscribe();
    queue.length = 0;
    if (drainTimer) clearTimeout(drainTimer);
    gone.abort();
  });
}
