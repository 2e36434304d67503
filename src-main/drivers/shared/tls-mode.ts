/**
 * The TLS choice of a host/port connection. The stored connection shapes have no TLS field yet
 * (issue 3 asks for one); until they do, a connection without it connects without TLS, which is
 * what the drivers did before. `require` encrypts without checking the certificate; `verify`
 * also checks the chain and the host name.
 */
export type TlsMode = 'disable' | 'require' | 'verify';

const MODES: readonly TlsMode[] = ['disable', 'require', 'verify'];

/** Reads an optional `tls` field without widening the connection types. */
export function readTlsMode(connection: object): TlsMode {
  const value: unknown = 'tls' in connection ? connection.tls : undefined;
  return MODES.find((mode) => mode === value) ?? 'disable';
}

/** TLS options for the mode, or false for a plain connection: the subset pg and mysql2 both take. */
export function nodeTlsOptions(mode: TlsMode): { rejectUnauthorized: boolean } | false {
  if (mode === 'disable') return false;
  return { rejectUnauthorized: mode === 'verify' };
}
