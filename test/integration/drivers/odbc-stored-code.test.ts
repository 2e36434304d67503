import odbc from 'odbc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../../src-main/app-context';
import { isMariadb } from '../../../src-main/drivers/mysql/mysql-stored-code';
import { odbcSqlRunner } from '../../../src-main/drivers/odbc/odbc-stored-code';
import { connectString } from '../../../src-main/drivers/odbc/odbc-target';
import type { PreviewResult } from '../../../src-shared/contract/api';
import type { ConnectionTestResult } from '../../../src-shared/contract/connection-test';
import type { Connection } from '../../../src-shared/contract/model';
import {
  createStoredCodeFixture,
  dropStoredCodeFixture,
  generalLogFile,
  odbcConnectionOf,
  serverFileExists,
  type Login,
  type StoredCodeFixture,
  type WriterName,
} from '../../support/stored-code-fixtures';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

/**
 * The stored-function hole of MySQL/MariaDB (see mysql-stored-code.test.ts) through the other
 * door: a generic ODBC connection to the same MariaDB, through the real MariaDB Connector/ODBC and
 * unixODBC. A preview of `SELECT f_outfile()` over ODBC once wrote its file. Everything goes
 * through the services as a user sends it (statement guard, driver process, classifier), and the
 * fixture first proves, as the administrator, that each side effect really happens here.
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

/** One saved system per login and kind, so the ODBC one can be compared with the native one. */
async function systemFor(login: Login, connection: Connection): Promise<number> {
  const key = `${connection.kind} ${login.connection.user}`;
  const known = systems.get(key);
  if (known !== undefined) return known;
  const created = await context.dispatch('systems.create', {
    name: `stored code ${key}`,
    connection,
    password: login.password,
  });
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.value as { id: number }).id;
  systems.set(key, id);
  return id;
}

async function preview(login: Login, sql: string, native = false) {
  const connection = native ? login.connection : odbcConnectionOf(login);
  return context.dispatch('query.preview', { systemId: await systemFor(login, connection), sql });
}

async function validate(login: Login, sql: string) {
  return context.dispatch('query.validate', {
    systemId: await systemFor(login, odbcConnectionOf(login)),
    sql,
    runId: `odbc-stored-code-${sql.length}`,
    validation: { importType: 'interval', intervalMinutes: 15, ruleSet: 'wfm-2024-05' },
  });
}

function refusal(result: Awaited<ReturnType<typeof preview>>, sql: string, says: RegExp): string {
  expect(result.ok, `${sql} ran through ODBC`).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('QUERY_FAILED');
  expect(result.error.message).toMatch(says);
  // Says why and what to do, not only that it failed.
  expect(result.error.message).toMatch(/read-only transaction/);
  return result.error.message;
}

describe('an ODBC preview on MariaDB that would run a stored function', () => {
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
    const pattern = new RegExp(`\`${fixture.database}\`\\.\`${name}\``);
    const message = refusal(await preview(fixture.filer, sql), sql, pattern);
    expect(message).toMatch(/write what the function computes into the query itself/);
    expect(await serverFileExists(fixture, fixture.files[name])).toBe(false);
  });

  it('refuses a function that changes a server setting, and the setting stays', async () => {
    const before = await generalLogFile(fixture.admin);
    refusal(await preview(fixture.filer, 'SELECT f_setting()'), 'SELECT f_setting()', /`f_setting`/);
    expect(await generalLogFile(fixture.admin)).toBe(before);
    expect(before).not.toBe(fixture.settingSentinel);
  });

  it('refuses a view that runs a writing function, for a login that cannot see the function', async () => {
    const sql = 'SELECT * FROM v_outfile';
    refusal(await preview(fixture.viewer, sql), sql, /inside a view it reads/);
    expect(await serverFileExists(fixture, fixture.files.f_in_view)).toBe(false);
  });

  it('says exactly what the native MySQL/MariaDB connection says', async () => {
    for (const [login, sql] of [
      [fixture.filer, 'SELECT f_plain(id) FROM t'],
      [fixture.viewer, 'SELECT * FROM v_outfile'],
    ] as const) {
      const viaOdbc = await preview(login, sql);
      const native = await preview(login, sql, true);
      expect(viaOdbc.ok || native.ok, sql).toBe(false);
      if (!viaOdbc.ok && !native.ok) expect(viaOdbc.error.message).toBe(native.error.message);
    }
  });
});

describe('which server the check takes for MariaDB', () => {
  it('is still MariaDB when its version string was made up, for a login without global privileges', async () => {
    const { connectionString } = odbcConnectionOf(fixture.viewer);
    const conn = await odbc.connect(connectString(connectionString, fixture.viewer.password));
    try {
      // A server started with version=8.0.30 answers VERSION() so; Aria's settings still tell.
      expect(await isMariadb(odbcSqlRunner(conn), '8.0.30')).toBe(true);
    } finally {
      await conn.close();
    }
  });
});

describe('an ODBC full validation on MariaDB that would run a stored function', () => {
  it.each([
    ['filer', 'SELECT f_outfile() AS wrote', 'f_outfile', /`f_outfile`/],
    ['viewer', 'SELECT * FROM v_outfile', 'f_in_view', /inside a view it reads/],
  ] as const)('is refused for the %s before a row is read, and no file appears', async (who, sql, file, says) => {
    const result = await validate(fixture[who], sql);
    refusal(result, sql, says);
    expect(await serverFileExists(fixture, fixture.files[file])).toBe(false);
  });
});

/** count(*) is a BIGINT, which crosses the transport tagged as `{ $bigint }`. */
function text(cell: PreviewResult['rows'][number][number]): string {
  return typeof cell === 'object' && cell !== null && '$bigint' in cell ? cell.$bigint : String(cell);
}

describe('plain ODBC queries of the same logins', () => {
  const plain: [string, string, string[][]][] = [
    [
      'a table',
      'SELECT id, label FROM t ORDER BY id',
      [
        ['1', 'one'],
        ['2', 'two'],
      ],
    ],
    [
      'a view without functions',
      'SELECT id, label FROM v_plain ORDER BY id',
      [
        ['1', 'ONE'],
        ['2', 'TWO'],
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
      expect((result.value as PreviewResult).rows.map((row) => row.map(text))).toEqual(rows);
    });
  }

  it('validates a plain query in full', async () => {
    const result = await validate(fixture.viewer, 'SELECT id, label FROM t ORDER BY id');
    if (!result.ok) throw new Error(result.error.message);
    expect((result.value as { rowsRead: number }).rowsRead).toBe(2);
  });
});

describe('Test connection through ODBC', () => {
  async function test(login: Login): Promise<ConnectionTestResult> {
    const result = await context.dispatch('connections.test', {
      connection: odbcConnectionOf(login),
      password: login.password,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ConnectionTestResult;
  }

  it('warns about FILE, SUPER and EXECUTE as the native connection does', async () => {
    const result = await test(fixture.filer);
    expect(result.ok).toBe(true);
    const warnings = result.warnings.join('\n');
    expect(warnings).toMatch(/FILE on \*\.\*, which lets a query read and write files on the database server/);
    expect(warnings).toMatch(/SUPER on \*\.\*, which lets it change server settings/);
    expect(warnings).toMatch(/EXECUTE on `acd_sc_\w+`\.\*, which lets it run stored procedures and functions/);
  });

  it('gives no warning for a login that may only read', async () => {
    expect((await test(fixture.viewer)).warnings).toEqual([]);
  });
});
