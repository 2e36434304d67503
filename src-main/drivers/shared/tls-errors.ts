import type { ClassifiedError } from '../db-session';
import { errorAndCauses, errorMessage, firstCode, firstLine } from './error-fields';

// Node's OpenSSL verification codes that mean "the certificate is not trusted for this host".
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** TLS failures of Node's `tls` module and of the JavaScript drivers on top of it. */
export function classifyTlsError(error: unknown): ClassifiedError | undefined {
  const code = firstCode(error) ?? '';
  const text = errorAndCauses(error).map(errorMessage).join(' ');
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return {
      category: 'TLS',
      message:
        `The server's TLS certificate is not trusted (${code}): install the CA certificate that signed it, ` +
        'or use the server name the certificate was issued for.',
    };
  }
  if (code === 'HANDSHAKE_NO_SSL_SUPPORT' || /does not support (SSL|secure)/i.test(text)) {
    return {
      category: 'TLS',
      message:
        'The server does not accept TLS connections: turn TLS off for this connection, or enable TLS on the server.',
    };
  }
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /\b(SSL|TLS)\b/.test(text)) {
    return { category: 'TLS', message: `The TLS handshake failed: ${firstLine(text)}` };
  }
  return undefined;
}
