import http from 'node:http';
import WebSocket, { type ClientOptions } from 'ws';

export type WireMessage =
  | { id: number | null; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }
  | { event: string; payload: unknown };

/** A connected test client that buffers every frame and lets a test wait for a matching one. */
export interface TestSocket {
  readonly socket: WebSocket;
  readonly received: WireMessage[];
  next(predicate: (message: WireMessage) => boolean, what: string): Promise<WireMessage>;
  call(id: number, method: string, input: unknown): Promise<WireMessage>;
  close(): Promise<void>;
}

export function connectSocket(url: string, options: ClientOptions = {}): Promise<TestSocket> {
  const socket = new WebSocket(url, options);
  const received: WireMessage[] = [];
  const waiters: { predicate: (message: WireMessage) => boolean; resolve: (message: WireMessage) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as WireMessage;
    received.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const client: TestSocket = {
    socket,
    received,
    next: (predicate, what) =>
      new Promise((resolve, reject) => {
        const already = received.find(predicate);
        if (already) return resolve(already);
        const onClose = () => reject(new Error(`the socket closed while waiting for ${what}`));
        socket.once('close', onClose);
        waiters.push({
          predicate,
          resolve: (message) => {
            socket.off('close', onClose);
            resolve(message);
          },
        });
      }),
    call: (id, method, input) => {
      socket.send(JSON.stringify({ id, method, input }));
      return client.next((message) => 'id' in message && message.id === id, `the answer to ${method} #${id}`);
    },
    close: () =>
      new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`unexpected response ${response.statusCode ?? '?'}`));
      response.resume();
    });
  });
}

/** Tries to open a socket and reports how the server refused it (the HTTP status), or 'open'. */
export function upgradeOutcome(url: string, options: ClientOptions = {}): Promise<number | 'open' | 'error'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, options);
    socket.once('open', () => {
      socket.terminate();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 'error');
      response.resume();
      socket.terminate();
    });
    socket.once('error', () => resolve('error'));
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET with the path sent exactly as given (fetch would normalise "/../"). */
export function rawGet(
  port: number,
  requestPath: string,
  headers: http.OutgoingHttpHeaders = {},
  host = '127.0.0.1',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host, port, path: requestPath, method: 'GET', headers, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}
