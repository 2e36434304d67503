import type mysql from 'mysql2/promise';
import type { Connection } from '../../../src-shared/contract/model';
import { nodeTlsOptions } from '../shared/tls-mode';

export type MysqlConnection = Extract<Connection, { kind: 'mysql' }>;

/**
 * mysql2 settings for one session. Dates and timestamps stay text (`dateStrings`): a DATETIME has
 * no zone, and the product interprets it in the integration's time zone, not the driver
 * machine's. BIGINT and DECIMAL stay strings so no digit is lost. One statement per call, always.
 */
export function mysqlConnectionOptions(
  connection: MysqlConnection,
  password: string | undefined,
  timeoutMs: number,
): mysql.ConnectionOptions {
  const tls = nodeTlsOptions(connection.tls);
  return {
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: password ?? '',
    database: connection.database === '' ? undefined : connection.database,
    connectTimeout: timeoutMs,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
    enableKeepAlive: true,
    connectAttributes: { program_name: 'ACD Link Studio' },
    ...(tls === false ? {} : { ssl: tls }),
  };
}
