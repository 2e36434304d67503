import { afterAll, describe, expect, it } from 'vitest';
import { CANARY_PASSWORD, closedPort, TEST_COLUMNS, TEST_TABLE, TEST_VIEW } from '../../support/databases';
import { expectFailure, openSession, timings } from './driver-attempts';
import { driverTargets, MISSING_DATABASE, type Login } from './driver-targets';

/**
 * One list of cases, run for every target: pg and mysql2 natively, and psqlODBC, MariaDB ODBC
 * and SQLite ODBC through unixODBC. The "silent port → TIMEOUT" and "driver process killed"
 * cases need the driver process and live with it.
 */

afterAll(() => {
  // The measured answer times, kept in the test log for the record.
  console.table(timings.map(({ message: _message, ...timing }) => timing));
  if (process.env.ACD_SHOW_DRIVER_MESSAGES)
    for (const timing of timings) console.log(`${timing.category}: ${timing.message}`);
});

for (const target of driverTargets()) {
  describe(target.name, () => {
    // Every case awaits the setup itself (not a beforeAll, which would leave the cases "skipped"),
    // so a server that is down fails each case with the message saying how to start it.
    const ready = memoize(() => target.setUp());
    const serverCase = (name: string, body: () => Promise<void>) =>
      it(name, async () => {
        await ready();
        await body();
      });
    afterAll(() => target.tearDown());

    serverCase('connects and reports the server version', async () => {
      const session = await openSession(target.login('reader'));
      try {
        expect(await session.serverVersion()).toMatch(target.versionPattern);
      } finally {
        await session.close();
      }
    });

    const { wrongPassword, passwordCheck, closedPort: atClosedPort, scopedLoginUnknownDatabase } = target;
    if (wrongPassword !== undefined) {
      serverCase('answers a wrong password with AUTH', async () => {
        if (passwordCheck !== undefined) expect(await passwordCheck.probe(), passwordCheck.hint).toBe(true);
        const result = await expectFailure(wrongPassword(), 'AUTH', {
          target: target.name,
          scenario: 'wrong password',
        });
        expect(result.message).toMatch(/password/i);
      });
    }

    serverCase('answers an unknown database with DATABASE_NOT_FOUND', async () => {
      const result = await expectFailure(target.unknownDatabase(), 'DATABASE_NOT_FOUND', {
        target: target.name,
        scenario: 'unknown database',
      });
      if (target.namespace !== null) expect(result.message).toContain(MISSING_DATABASE);
    });

    if (scopedLoginUnknownDatabase !== undefined) {
      serverCase(
        'answers an unknown database for a login with table grants only with AUTH, saying it may not exist',
        async () => {
          const result = await expectFailure(scopedLoginUnknownDatabase(), 'AUTH', {
            target: target.name,
            scenario: 'unknown database, table-scoped login',
          });
          expect(result.message).toContain(MISSING_DATABASE);
          expect(result.message).toMatch(/does not exist/);
        },
      );
    }

    if (atClosedPort !== undefined) {
      serverCase('answers a closed port with UNREACHABLE', async () => {
        const port = await closedPort();
        const result = await expectFailure(atClosedPort(port), 'UNREACHABLE', {
          target: target.name,
          scenario: 'closed port',
        });
        expect(result.message).toContain(String(port));
      });
    }

    for (const login of ['writer', 'reader'] as Login[]) {
      serverCase(`reports the ${login} login's write access as ${target.writeAccess[login]}`, async () => {
        const session = await openSession(target.login(login));
        try {
          const access = await session.writeAccess();
          expect(access.state).toBe(target.writeAccess[login]);
          if (access.state !== 'read-only') expect(access.detail.length).toBeGreaterThan(10);
          if (access.state === 'can-write') expect(access.detail).toMatch(/INSERT|UPDATE|DELETE/);
        } finally {
          await session.close();
        }
      });
    }

    serverCase(`finds ${TEST_TABLE}, its view and its columns in the schema browser`, async () => {
      const session = await openSession(target.login('reader'));
      try {
        if (target.namespace !== null) expect(await session.listSchemas()).toContain(target.namespace);
        for (const schema of [target.namespace, null]) {
          const tables = await session.listTables(schema);
          expect(tables).toContainEqual({ schema: target.namespace, name: TEST_TABLE, type: 'table' });
          expect(tables).toContainEqual({ schema: target.namespace, name: TEST_VIEW, type: 'view' });
        }
        const columns = await session.listColumns(target.namespace, TEST_TABLE);
        expect(columns.map((column) => column.name)).toEqual(TEST_COLUMNS);
        expect(columns.find((column) => column.name === 'queue_id')?.nullable).toBe(false);
        expect(columns.find((column) => column.name === 'handling_time')?.nullable).toBe(true);
        expect(columns.every((column) => column.type.length > 0)).toBe(true);
        expect(await session.listColumns(null, TEST_TABLE)).toEqual(columns);
      } finally {
        await session.close();
      }
    });
  });
}

describe('odbc driver manager', () => {
  it('answers a driver that is not installed with DRIVER_MISSING, naming it', async () => {
    const result = await expectFailure(
      {
        connection: { kind: 'odbc', connectionString: 'DRIVER={No Such Driver 9};SERVER=db;' },
        password: CANARY_PASSWORD,
      },
      'DRIVER_MISSING',
      { target: 'odbc', scenario: 'missing driver' },
    );
    expect(result.message).toContain('No Such Driver 9');
    expect(result.message).toContain('odbcinst -q -d');
  });

  it('answers an unknown DSN with BAD_CONFIG, naming it', async () => {
    const result = await expectFailure(
      { connection: { kind: 'odbc', connectionString: 'DSN=acd_no_such_dsn;' }, password: CANARY_PASSWORD },
      'BAD_CONFIG',
      { target: 'odbc', scenario: 'unknown DSN' },
    );
    expect(result.message).toContain('acd_no_such_dsn');
    expect(result.message).toContain('odbcinst -q -s');
  });

  it('refuses a connection string that does not parse with BAD_CONFIG, before the driver manager sees it', async () => {
    const result = await expectFailure(
      { connection: { kind: 'odbc', connectionString: 'DRIVER={SQLite3;Database=x' }, password: CANARY_PASSWORD },
      'BAD_CONFIG',
      { target: 'odbc', scenario: 'broken connection string' },
    );
    expect(result.message).toContain('connection string');
  });
});

function memoize<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}
