import type { TLS_MODES } from '../../../src-shared/contract/model';

export type TlsMode = (typeof TLS_MODES)[number];

/**
 * TLS options for a connection's mode, or false for plain TCP: the subset pg and mysql2 both take.
 * `require` encrypts without checking the certificate (what libpq's sslmode=require does);
 * `verify` also checks the chain and the host name.
 */
export function nodeTlsOptions(mode: TlsMode): { rejectUnauthorized: boolean } | false {
  if (mode === 'disable') return false;
  return { rejectUnauthorized: mode === 'verify' };
}
