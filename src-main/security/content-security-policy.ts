/**
 * The one CSP of the renderer, sent by the web-mode host and by Electron's app:// protocol.
 * `style-src 'unsafe-inline'` is required by Monaco; everything else is our own bundle only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
