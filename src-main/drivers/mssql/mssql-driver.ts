import { Connection, type ConnectionConfiguration } from 'tedious';
import type { DbSession, DriverModule } from '../db-session';
import { scrubText } from '../shared/scrub-secret';
import type { ErrorFact } from './error-facts';
import { classifyMssqlError } from './mssql-classify';
import { MssqlConnectError, MssqlUnencryptedError, SsrpLookupError } from './mssql-errors';
import { sessionFor } from './mssql-session';
import { MssqlConfigError, targetOf, tlsChoiceOf, type MssqlConnection, type TlsChoice } from './mssql-target';
import { DEFAULT_SSRP_TIMEOUT_MS, resolveInstancePort, SQL_BROWSER_PORT } from './ssrp-client';

export type { MssqlConnection } from './mssql-target';

export interface MssqlDriverOptions {
  /** The SQL Server Browser's UDP port; only tests change it. */
  browserPort?: number;
}

/** Tedious needs some time even when the Browser used most of the budget. */
const MIN_CONNECT_MS = 500;
const CANCEL_TIMEOUT_MS = 1000;

export function createMssqlDriver(driverOptions: MssqlDriverOptions = {}): DriverModule<MssqlConnection> {
  return {
    async connect(connection, password, options): Promise<DbSession> {
      const started = Date.now();
      const target = targetOf(connection);
      let port: number;
      if (target.port === undefined) {
        // Two Browser attempts take at most half of the budget, so the TCP connect keeps the rest.
        const attemptMs = Math.max(100, Math.min(DEFAULT_SSRP_TIMEOUT_MS, Math.floor(options.timeoutMs / 4)));
        const browser = await resolveInstancePort(target.host, target.instance, {
          port: driverOptions.browserPort ?? SQL_BROWSER_PORT,
          timeoutMs: attemptMs,
          retries: 1,
        });
        if (!browser.ok) {
          throw new SsrpLookupError(browser.reason, target.host, target.instance, browser.knownInstances);
        }
        port = browser.port;
      } else {
        port = target.port;
      }
      const timeoutMs = Math.max(MIN_CONNECT_MS, options.timeoutMs - (Date.now() - started));
      const tls = tlsChoiceOf(connection);
      const tedious = createConnection(configFor(connection, tls, target.host, port, password, timeoutMs), password);
      let encrypted = false;
      const onSecure = (): void => {
        encrypted = true;
      };
      const serverErrors: ErrorFact[] = [];
      const onServerError = (token: { number: number; message: string }): void => {
        serverErrors.push({ code: undefined, number: token.number, message: token.message });
      };
      tedious.on('secure', onSecure);
      tedious.on('errorMessage', onServerError);
      try {
        await new Promise<void>((resolve, reject) => tedious.connect((error) => (error ? reject(error) : resolve())));
      } catch (error) {
        throw new MssqlConnectError(error, serverErrors, target.host, port, target.instance, timeoutMs, password);
      } finally {
        // Only the login's messages matter here; a long session must not keep collecting them.
        tedious.removeListener('secure', onSecure);
        tedious.removeListener('errorMessage', onServerError);
      }
      if (tls.encrypt && !encrypted) {
        tedious.close();
        throw new MssqlUnencryptedError(target.host, port, target.instance);
      }
      return sessionFor(tedious, password);
    },

    classify: classifyMssqlError,
  };
}

export const mssqlDriver: DriverModule<MssqlConnection> = createMssqlDriver();

/** Tedious validates its configuration by throwing; that is a setting to fix, not a crash. */
function createConnection(config: ConnectionConfiguration, password: string | undefined): Connection {
  try {
    return new Connection(config);
  } catch (error) {
    throw new MssqlConfigError(`The SQL Server settings are not valid: ${scrubText(String(error), password)}`);
  }
}

function configFor(
  connection: MssqlConnection,
  tls: TlsChoice,
  host: string,
  port: number,
  password: string | undefined,
  timeoutMs: number,
): ConnectionConfiguration {
  return {
    server: host,
    authentication: { type: 'default', options: { userName: connection.user, password: password ?? '' } },
    options: {
      port,
      database: connection.database,
      appName: 'ACD Link Studio',
      encrypt: tls.encrypt,
      trustServerCertificate: tls.trustServerCertificate,
      connectTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      // A timed-out request is cancelled with a TDS attention, which a live server acknowledges at
      // once; tedious's default wait of 5 s for that would stretch a dead server's timeout.
      cancelTimeout: CANCEL_TIMEOUT_MS,
      // Tedious retries "transient" login errors, and it counts 4060 (unknown database) as one:
      // a test connection must report it at once instead of three retries later.
      maxRetriesOnTransientErrors: 0,
      // Naive DATETIME values come back with their wall-clock digits in the Date's UTC fields
      // (see mssql-values.ts); local time would shift them on this computer's DST changes.
      useUTC: true,
    },
  };
}
