import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { WEBSOCKET_MAX_MESSAGE_BYTES } from '../../src-shared/contract/transfer';
import type { Dispatch } from '../../src-shared/rpc/dispatcher';
import type { EventHub } from '../../src-shared/rpc/memory-transport';
import { serveSocket } from './socket-session';
import { contentTypeFor, resolveStaticFile } from './static-files';

export interface WebHostOptions {
  dispatch: Dispatch;
  hub: EventHub;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one per start otherwise. */
  token?: string;
  /** Finished exports by download id (`GET /downloads/<id>?token=…`); absent: no downloads. */
  downloads?: (downloadId: string) => { path: string; fileName: string };
  /** A browser connection that failed and was closed, with the reason (for the log). */
  onSocketError?: (reason: string) => void;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Web mode: the renderer bundle and the RPC endpoint on loopback only. A random token guards the
 * socket; Host and Origin are checked so another site in the browser (DNS rebinding, CSRF) cannot
 * reach the services even when it guesses the port.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer bundle is missing in ${rendererDir}; run "npm run build" first.`);
  }
  let port = 0;
  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);

  const server = http.createServer((request, response) => {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const requestUrl = new URL(request.url ?? '/', `http://${HOST}`);
    const urlPath = requestUrl.pathname;
    if (urlPath.startsWith(DOWNLOADS_PREFIX)) {
      serveDownload(request, response, requestUrl, token, options.downloads);
      return;
    }
    const file = resolveStaticFile(rendererDir, urlPath);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypeFor(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (request.method === 'HEAD') response.end();
    else fs.createReadStream(file).pipe(response);
  });

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: WEBSOCKET_MAX_MESSAGE_BYTES,
  });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    const origin = request.headers.origin;
    const hostOk = allowedHosts().has(request.headers.host ?? '');
    const originOk = origin === undefined || allowedHosts().has(origin.replace(/^http:\/\//, ''));
    const tokenOk = safeEqual(url.searchParams.get('token') ?? '', token);
    if (url.pathname !== '/rpc' || !hostOk || !originOk || !tokenOk) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const DOWNLOADS_PREFIX = '/downloads/';

/**
 * A finished export as a file download. The token is checked as for the socket, because a
 * download can hold a whole workspace's configuration.
 */
function serveDownload(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  token: string,
  downloads: WebHostOptions['downloads'],
): void {
  if (!safeEqual(url.searchParams.get('token') ?? '', token)) {
    response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
    return;
  }
  let file: { path: string; fileName: string };
  try {
    if (!downloads) throw new Error('no downloads');
    file = downloads(decodeURIComponent(url.pathname.slice(DOWNLOADS_PREFIX.length)));
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('This export is no longer available.');
    return;
  }
  const size = fs.statSync(file.path).size;
  response.writeHead(200, {
    // Always a download, never rendered: a hand-off sheet is HTML built from user text.
    'content-type': 'application/octet-stream',
    'content-disposition': contentDisposition(file.fileName),
    'content-length': String(size),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  if (request.method === 'HEAD') response.end();
  else fs.createReadStream(file.path).pipe(response);
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
