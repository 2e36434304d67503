import type { Transport } from '../../src-shared/rpc/client';
import type { Result } from '../../src-shared/rpc/result';

const TOKEN_KEY = 'acd-link-token';

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

/** RPC over one WebSocket, reconnecting when the host restarts; calls never hang on a dead socket. */
export function createWebSocketTransport(token: string): Transport {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'TRANSPORT', message } });
    pending.clear();
  };

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${window.location.host}/rpc?token=${encodeURIComponent(token)}`);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('connection failed'));
      ws.onclose = () => {
        socket = undefined;
        opened = undefined;
        failAll('The connection to ACD Link Studio was lost. Is "npm run web" still running?');
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
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return {
          ok: false,
          error: {
            code: 'TRANSPORT',
            message: 'Cannot reach ACD Link Studio. Start it with "npm run web" and open the URL it prints.',
          },
        };
      }
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      });
    },
    onEvent: (listener) => {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}
