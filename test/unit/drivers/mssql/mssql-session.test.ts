// Limitation: there is no SQL Server on our build machines. These tests log in to a minimal TDS
// double (support/tds-double.ts) that accepts the login and answers queries with canned NVARCHAR
// results, so they prove the session's plumbing (login, encryption choice, requests, timeouts,
// close) with real tedious, not the catalogue SQL: that SQL runs only against a real server.
import { afterEach, describe, expect, it } from 'vitest';
import type { DbSession } from '../../../../src-main/drivers/db-session';
import { createMssqlDriver, type MssqlConnection } from '../../../../src-main/drivers/mssql/mssql-driver';
import { useTempDirs } from '../../../support/temp-dir';
import { hasOpenssl, selfSignedCertificate } from './support/certificates';
import { startTdsDouble, type TdsBehaviour, type TdsDouble } from './support/tds-double';
import { errorToken, done, resultSet } from './support/tds-tokens';

const CANARY = 'Canary-Pw-7f3a9';
const driver = createMssqlDriver();
const tempDir = useTempDirs('acd-mssql-');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const VERSION = 'Microsoft SQL Server 2019 (RTM) - 15.0.2000.5 (X64) \n\tSep 24 2019 13:48:23\n\tCopyright (C) 2019';

/** Canned answers, recognised by a word of the driver's catalogue SQL. */
function answer(sql: string): Buffer | undefined {
  if (sql.includes('@@VERSION')) return resultSet(['', ''], [[VERSION, '15.0.2000.5']]);
  if (sql.includes('sys.schemas')) return resultSet(['name'], [['dbo'], ['cms']]);
  if (sql.includes('INFORMATION_SCHEMA.TABLES')) {
    return resultSet(
      ['s', 'n', 't'],
      [
        ['dbo', 'hagent', 'BASE TABLE'],
        ['dbo', 'v_queue', 'VIEW'],
      ],
    );
  }
  if (sql.includes('no_such_table'))
    return Buffer.concat([errorToken(208, `Invalid object name '${CANARY}'.`), done(0x02)]);
  return undefined;
}

async function open(
  behaviour: Partial<TdsBehaviour>,
  patch: object,
): Promise<{ server: TdsDouble; session: DbSession }> {
  const server = await startTdsDouble({ loginErrors: [], answer, ...behaviour });
  cleanups.push(() => server.close());
  const connection = {
    kind: 'mssql',
    host: 'localhost',
    port: server.port,
    database: 'cms',
    user: 'reader',
    encrypt: true,
    trustServerCertificate: false,
    ...patch,
  };
  const session = await driver.connect(connection as MssqlConnection, CANARY, { timeoutMs: 1500 });
  cleanups.unshift(() => session.close());
  return { server, session };
}

describe('a session on a server that accepted the login', () => {
  it('reports the version, lists schemas and tables, and closes', async () => {
    const { server, session } = await open({}, { encrypt: false });
    expect(await session.serverVersion()).toBe('Microsoft SQL Server 2019 (RTM) - 15.0.2000.5 (X64)');
    expect(await session.listSchemas()).toEqual(['dbo', 'cms']);
    expect(await session.listTables('dbo')).toEqual([
      { schema: 'dbo', name: 'hagent', type: 'table' },
      { schema: 'dbo', name: 'v_queue', type: 'view' },
    ]);
    expect(server.logins()).toBe(1);
    await session.close();
    await session.close();
  });

  it('queues requests that are made at the same time (tedious runs one at a time)', async () => {
    const { session } = await open({}, { encrypt: false });
    const [version, schemas] = await Promise.all([session.serverVersion(), session.listSchemas()]);
    expect(version).toMatch(/^Microsoft SQL Server 2019/);
    expect(schemas).toEqual(['dbo', 'cms']);
  });

  it('turns a request the server never answers into TIMEOUT after the timeout and 1 s to cancel', async () => {
    const { session } = await open({}, { encrypt: false });
    const started = Date.now();
    const error = await session.listColumns('dbo', 'anything').catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(1500 + 1000 + 500);
    const connection = {
      kind: 'mssql',
      host: 'localhost',
      database: 'cms',
      user: 'reader',
      encrypt: true,
      trustServerCertificate: false,
    } as const;
    expect(driver.classify(error, connection)).toMatchObject({
      category: 'TIMEOUT',
      message: expect.stringMatching(/did not finish a request in time/),
    });
  });

  it('scrubs the password from server error texts', async () => {
    const { session } = await open({}, { encrypt: false });
    const error = await session.listColumns('dbo', 'no_such_table').catch((caught: unknown) => caught);
    expect(String(error)).toContain("Invalid object name '***'");
    expect((error as Error).stack).not.toContain(CANARY);
    const connection = {
      kind: 'mssql',
      host: 'localhost',
      database: 'cms',
      user: 'reader',
      encrypt: true,
      trustServerCertificate: false,
    } as const;
    expect(driver.classify(error, connection).message).not.toContain(CANARY);
  });
});

describe('encryption', () => {
  it('refuses to go on in clear text when the server declines encryption and Encrypt is on', async () => {
    const server = await startTdsDouble({ loginErrors: [], answer });
    cleanups.push(() => server.close());
    const connection: MssqlConnection = {
      kind: 'mssql',
      host: 'localhost',
      port: server.port,
      database: 'cms',
      user: 'reader',
      encrypt: true,
      trustServerCertificate: false,
    };
    const error = await driver.connect(connection, CANARY, { timeoutMs: 1500 }).catch((caught: unknown) => caught);
    const result = driver.classify(error, connection);
    expect(result.category).toBe('TLS');
    expect(result.message).toMatch(/did not encrypt the connection/);
    expect(server.requests).toEqual([]);
  });

  it.skipIf(!hasOpenssl())('with "trust server certificate", logs in and queries over TLS', async () => {
    const { session } = await open({ tls: selfSignedCertificate(tempDir().path) }, { trustServerCertificate: true });
    expect(await session.serverVersion()).toMatch(/^Microsoft SQL Server 2019/);
  });
});
