import { WEBSOCKET_MAX_MESSAGE_BYTES } from '../../src-shared/contract/transfer';
import type { ConnectionStatus, Transport } from '../../src-shared/rpc/client';
import type { ErrorCode, Result } from '../../src-shared/rpc/result';

const TOKEN_KEY = 'acd-link-token';
/** Waits between reconnection attempts: quick at first, then every few seconds. */
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/**
 * The web-mode token arrives once in the URL; it is moved to sessionStorage and removed from the
 * address bar so it does not end up in screenshots, history or a bookmark.
 */
export function takeToken(): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storedToken();
}

/** The token kept for this tab: besides the WebSocket, downloads of exports need it. */
export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

type Pending = (result: Result<unknown>) => void;

/** UTF-8 size, counted only when the text could be near the limit (a character is 1–3 bytes). */
const utf8Bytes = (text: string) =>
  text.length * 3 <= WEBSOCKET_MAX_MESSAGE_BYTES ? text.length : new TextEncoder().encode(text).length;

const failure = (code: ErrorCode, message: string): Result<unknown> => ({ ok: false, error: { code, message } });

/**
 * RPC over one WebSocket. Calls never hang on a dead socket: they fail at once with a message.
 * A lost socket (the host restarted, a bad frame closed it) is reopened by itself, and the page
 * is told (`onStatus`), so it can say so and reload what it shows; typed text stays in the page.
 */
export function createWebSocketTransport(token: string): Transport {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;
  let lost = false;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (status: ConnectionStatus) => statusListeners.forEach((listener) => listener(status));
  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve(failure('TRANSPORT', message));
    pending.clear();
  };

  const reconnectSoon = () => {
    if (retry !== undefined) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 4000;
    attempt += 1;
    retry = setTimeout(() => {
      retry = undefined;
      void connect().catch(reconnectSoon);
    }, delay);
  };

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${window.location.host}/rpc?token=${encodeURIComponent(token)}`);
      ws.onopen = () => {
        socket = ws;
        attempt = 0;
        if (lost) {
          lost = false;
          setStatus('reconnected');
        }
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('connection failed'));
      ws.onclose = () => {
        const wasOpen = socket === ws;
        socket = undefined;
        opened = undefined;
        failAll(
          'The connection to ACD Link Studio was lost while this was running; it reconnects by itself. ' +
            'Try again in a moment. Is "npm run web" still running?',
        );
        if (wasOpen) {
          lost = true;
          setStatus('reconnecting');
        }
        if (lost) reconnectSoon();
      };
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as
          { id: number; result: Result<unknown> } | { event: string; payload: unknown };
        if ('event' in message) listeners.forEach((listener) => listener(message.event, message.payload));
        else {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        }
      };
    });
    opened.catch(() => {
      opened = undefined;
    });
    return opened;
  };

  return {
    invoke: async (method, input) => {
      const id = nextId++;
      const text = JSON.stringify({ id, method, input });
      // The host closes a socket on a message over its limit; say what is too big instead.
      if (utf8Bytes(text) > WEBSOCKET_MAX_MESSAGE_BYTES) {
        const megabytes = Math.round(WEBSOCKET_MAX_MESSAGE_BYTES / 1024 / 1024);
        return failure(
          'INVALID_INPUT',
          `This request is too large to send (more than ${megabytes} MB). Nothing was sent.`,
        );
      }
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return failure(
          'TRANSPORT',
          lost
            ? 'ACD Link Studio cannot be reached right now; it reconnects by itself. Try again in a moment.'
            : 'Cannot reach ACD Link Studio. Start it with "npm run web" and open the URL it prints.',
        );
      }
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        ws.send(text);
      });
    },
    onEvent: (listener) => {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
