import type pg from 'pg';
import type { Connection } from '../../../src-shared/contract/model';
import { nodeTlsOptions } from '../shared/tls-mode';
import { textDateTypes } from './pg-text-types';

export type PostgresConnection = Extract<Connection, { kind: 'postgres' }>;

export const APPLICATION_NAME = 'ACD Link Studio';

/**
 * The pg client settings for one session. The server-side statement_timeout stops the work on
 * the server; query_timeout is the client's backstop one second later, for a server that does
 * not even answer the cancel.
 */
export function postgresClientConfig(
  connection: PostgresConnection,
  password: string | undefined,
  timeoutMs: number,
): pg.ClientConfig {
  const tls = nodeTlsOptions(connection.tls);
  return {
    host: connection.host,
    port: connection.port,
    // An empty name would make pg fall back to PGDATABASE or the user name; the server's own
    // default (the user name) is what psql does too.
    database: connection.database === '' ? undefined : connection.database,
    user: connection.user,
    password: password ?? '',
    ssl: tls,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1_000,
    // Without keepalive a connection through a NAT that drops idle flows hangs instead of failing.
    keepAlive: true,
    application_name: APPLICATION_NAME,
    // ISO output is what the text date parsers expect, whatever the server's default DateStyle.
    options: '-c DateStyle=ISO',
    types: textDateTypes,
  };
}
