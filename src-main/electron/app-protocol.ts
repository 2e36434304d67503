import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import type { Protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** True for our own origin only: `app://bundle`, no port, no user info. */
export function isAppBundleUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Links the user may open in their browser; never file:, javascript:, custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  const protocol = parseUrl(url)?.protocol;
  return protocol === 'http:' || protocol === 'https:';
}

/**
 * Maps an `app://bundle/...` URL to a file inside `rendererDir`, or undefined when it must not be
 * served. Works on the raw path rather than `URL.pathname`, because the URL parser silently
 * collapses `..` and `%2e%2e`: a request that tries to climb out is refused, not "fixed".
 */
export function resolveBundlePath(rendererDir: string, requestUrl: string): string | undefined {
  if (!isAppBundleUrl(requestUrl)) return undefined;
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i.exec(requestUrl)?.[1] ?? '';
  const segments = rawPath === '' || rawPath === '/' ? ['index.html'] : decodeSegments(rawPath);
  if (!segments) return undefined;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return file;
}

function decodeSegments(rawPath: string): string[] | undefined {
  if (!rawPath.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // Empty segments (`//etc`), dot segments, encoded separators and drive letters (`C:`) could
    // all point outside the folder on some platform; control characters are dropped by URL parsers
    // and could hide a `..`. None of them occurs in a Vite build.
    if (segment === '' || segment === '.' || segment === '..' || hasUnsafeCharacter(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

function hasUnsafeCharacter(segment: string): boolean {
  for (const char of segment) {
    if (char === '/' || char === '\\' || char === ':' || char.charCodeAt(0) < 0x20) return true;
  }
  return false;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export type ReadFile = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

// readFile's Buffer always owns a plain ArrayBuffer; its type only says "maybe shared".
const readBundleFile: ReadFile = (file) => fs.promises.readFile(file) as Promise<Uint8Array<ArrayBuffer>>;

/** The `app:` protocol handler: GET/HEAD of bundle files only, every answer carrying the CSP. */
export function createBundleHandler(
  rendererDir: string,
  readFile: ReadFile = readBundleFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveBundlePath(rendererDir, request.url);
    if (!file) return plain(404, 'Not found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: securityHeaders(contentTypeFor(file)),
    });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** Must run before `app` is ready: privileges cannot be granted to a scheme afterwards. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createBundleHandler(rendererDir));
}
