import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../../src-main/app-context';
import type { ConnectionTestResult } from '../../../src-shared/contract/connection-test';
import type { PreviewResult } from '../../../src-shared/contract/api';
import { mysqlDriver } from '../../../src-main/drivers/mysql/mysql-driver';
import {
  createStoredCodeFixture,
  dropStoredCodeFixture,
  generalLogFile,
  serverFileExists,
  type Login,
  type StoredCodeFixture,
  type WriterName,
} from '../../support/stored-code-fixtures';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

/**
 * Issue 10, item 5: on MariaDB a stored function wrote a server file during a preview, because a
 * READ ONLY transaction does not stop INTO OUTFILE (nor SET GLOBAL). Everything goes through
 * query.preview as a user sends it, with the statement guard in front, against the real server.
 * The fixture first proves, as the administrator, that each side effect really happens here.
 */
let fixture: StoredCodeFixture;
let context: AppContext;
let dir: TempDir;
const systems = new Map<string, number>();

beforeAll(async () => {
  fixture = await createStoredCodeFixture();
  dir = makeTempDir();
  context = createAppContext({ dataDir: dir.path, seedDemo: false });
});
afterAll(async () => {
  context?.close();
  dir?.remove();
  await dropStoredCodeFixture(fixture);
});

async function systemFor(login: Login): Promise<number> {
  const known = systems.get(login.connection.user);
  if (known !== undefined) return known;
  const created = await context.dispatch('systems.create', {
    name: `stored code ${login.connection.user}`,
    connection: login.connection,
    password: login.password,
  });
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.value as { id: number }).id;
  systems.set(login.connection.user, id);
  return id;
}

async function preview(login: Login, sql: string) {
  return context.dispatch('query.preview', { systemId: await systemFor(login), sql });
}

async function expectRefused(login: Login, sql: string, says: RegExp): Promise<string> {
  const result = await preview(login, sql);
  expect(result.ok, sql).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('QUERY_FAILED');
  expect(result.error.message).toMatch(says);
  // Says why and what to do, not only that it failed.
  expect(result.error.message).toMatch(/read-only transaction/);
  return result.error.message;
}

describe('a preview on MariaDB that would run a stored function', () => {
  it('proves first that the server lets such a function act inside READ ONLY', () => {
    // Without this, "no file appeared" below would prove nothing.
    expect(fixture.settingChangesWork, 'SET GLOBAL in a function is the side effect that is always there').toBe(true);
    if (!fixture.fileWritesWork) console.warn('secure_file_priv forbids INTO OUTFILE here: only the refusal is shown');
  });

  const fileCases: [WriterName, string][] = [
    ['f_outfile', 'SELECT f_outfile() AS wrote'],
    ['f_dumpfile', 'SELECT id FROM t WHERE f_dumpfile() = 1'],
    ['f_calls_procedure', 'SELECT `f_calls_procedure` ( ) AS wrote'],
    ['f_invoker', 'SELECT /* the caller holds FILE */ f_invoker()'],
  ];
  it.each(fileCases)('refuses %s for a login with FILE, naming it, and no file appears', async (name, sql) => {
    const message = await expectRefused(fixture.filer, sql, new RegExp(`\`${fixture.database}\`\\.\`${name}\``));
    expect(message).toMatch(/write what the function computes into the query itself/);
    expect(await serverFileExists(fixture, fixture.files[name])).toBe(false);
  });

  it('refuses a function that changes a server setting, and the setting stays', async () => {
    const before = await generalLogFile(fixture.admin);
    await expectRefused(fixture.filer, 'SELECT f_setting()', /`f_setting`/);
    expect(await generalLogFile(fixture.admin)).toBe(before);
    expect(before).not.toBe(fixture.settingSentinel);
  });

  it('refuses a view that runs a writing function, for a login without FILE that cannot see the function', async () => {
    await expectRefused(fixture.viewer, 'SELECT * FROM v_outfile', /inside a view it reads/);
    expect(await serverFileExists(fixture, fixture.files.f_in_view)).toBe(false);
  });

  it('refuses a harmless stored function too: its body is not visible to check', async () => {
    await expectRefused(fixture.filer, 'SELECT f_plain(id) FROM t', /`f_plain`/);
  });

  it('refuses the same in a full read (validation, export), before a row is read', async () => {
    const session = await mysqlDriver.connect(fixture.filer.connection, fixture.filer.password, { timeoutMs: 5_000 });
    try {
      const thrown = await session.stream('SELECT f_outfile()', { batchSize: 10, timeoutMs: 5_000 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(mysqlDriver.classify(thrown, fixture.filer.connection).message).toMatch(/`f_outfile`/);
    } finally {
      await session.close();
    }
    expect(await serverFileExists(fixture, fixture.files.f_outfile)).toBe(false);
  });
});

describe('plain queries of the same logins', () => {
  const plain: [string, string, unknown[][]][] = [
    [
      'a table',
      'SELECT id, label FROM t ORDER BY id',
      [
        [1, 'one'],
        [2, 'two'],
      ],
    ],
    [
      'a view without functions',
      'SELECT id, label FROM v_plain ORDER BY id',
      [
        [1, 'ONE'],
        [2, 'TWO'],
      ],
    ],
    [
      'built-in functions',
      "SELECT count(*) AS n, concat('a', 'b') AS c, date_format('2024-03-31', '%Y') AS y FROM t",
      [['2', 'ab', '2024']],
    ],
  ];
  for (const who of ['filer', 'viewer'] as const) {
    it.each(plain)(`preview %s for the ${who}`, async (_what, sql, rows) => {
      const result = await preview(fixture[who], sql);
      if (!result.ok) throw new Error(`${sql}: ${result.error.message}`);
      expect((result.value as PreviewResult).rows.map((row) => row.map(String))).toEqual(
        rows.map((row) => row.map(String)),
      );
    });
  }
});

describe('Test connection', () => {
  async function test(login: Login): Promise<ConnectionTestResult> {
    const result = await context.dispatch('connections.test', {
      connection: login.connection,
      password: login.password,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ConnectionTestResult;
  }

  it('warns about FILE, SUPER and EXECUTE in words an admin understands', async () => {
    const result = await test(fixture.filer);
    expect(result.ok).toBe(true);
    const warnings = result.warnings.join('\n');
    expect(warnings).toMatch(/FILE on \*\.\*, which lets a query read and write files on the database server/);
    expect(warnings).toMatch(/SUPER on \*\.\*, which lets it change server settings/);
    expect(warnings).toMatch(/EXECUTE on `acd_sc_\w+`\.\*, which lets it run stored procedures and functions/);
    expect(warnings).toMatch(/a SELECT-only login is safer/);
  });

  it('gives no warning for a login that may only read', async () => {
    expect((await test(fixture.viewer)).warnings).toEqual([]);
  });
});
