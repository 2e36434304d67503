import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli';
import {
  CANARY_PASSWORD,
  MYSQL_ENDPOINT,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
  WRITER_LOGIN,
  closedPort,
  ensureMysqlTestDatabase,
  ensurePostgresTestDatabase,
} from '../support/databases';
import { useTempDirs } from '../support/temp-dir';

// `acd-link test-connection` against the real local servers, through the real driver process.
const tempDir = useTempDirs();

function connectionFile(content: unknown): string {
  const file = tempDir().join('connection.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function testConnection(content: unknown, env: NodeJS.ProcessEnv = {}, extra: string[] = []) {
  const run = await runCliCaptured(['test-connection', '--connection', connectionFile(content), '--json', ...extra], {
    ACD_LINK_HOME: tempDir().path,
    ...env,
  });
  expect(run.stdout + run.stderr).not.toContain(CANARY_PASSWORD);
  return { ...run, result: run.code === 2 ? undefined : JSON.parse(run.stdout) };
}

beforeAll(async () => {
  await ensurePostgresTestDatabase();
  await ensureMysqlTestDatabase();
});

describe('acd-link test-connection', () => {
  it('exits 0 for a working PostgreSQL login read from passwordEnv, and reports its version', async () => {
    const { code, result } = await testConnection(
      { kind: 'postgres', ...PG_ENDPOINT, database: TEST_DATABASE, user: READER_LOGIN, passwordEnv: 'ACD_TEST_PW' },
      { ACD_TEST_PW: CANARY_PASSWORD },
    );
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, category: 'OK' });
    expect(result.serverVersion).toMatch(/PostgreSQL 1\d/);
    expect(result.warnings).toEqual([]);
  });

  it('warns that a MariaDB writer login can change data', async () => {
    const { code, result } = await testConnection({
      kind: 'mysql',
      ...MYSQL_ENDPOINT,
      database: TEST_DATABASE,
      user: WRITER_LOGIN,
      password: CANARY_PASSWORD,
    });
    expect(code).toBe(0);
    expect(result.warnings.join(' ')).toContain('SELECT-only login');
  });

  it('exits 1 with AUTH for a wrong password and UNREACHABLE for a closed port', async () => {
    const wrong = await testConnection({
      kind: 'mysql',
      ...MYSQL_ENDPOINT,
      database: TEST_DATABASE,
      user: READER_LOGIN,
      password: `${CANARY_PASSWORD}-wrong`,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.result.category).toBe('AUTH');
    const closed = await testConnection({
      kind: 'postgres',
      host: '127.0.0.1',
      port: await closedPort(),
      database: 'x',
      user: 'y',
    });
    expect(closed.code).toBe(1);
    expect(closed.result.category).toBe('UNREACHABLE');
  });

  it('exits 2 with a message naming the problem for bad connection files', async () => {
    const cases: [unknown, string][] = [
      ['{ not json', 'is not valid JSON'],
      [[1, 2], 'must hold a JSON object'],
      [{ kind: 'oracle', host: 'x' }, 'kind must be one of'],
      [{ kind: 'postgres', database: 'd', user: 'u' }, 'host'],
      [{ kind: 'postgres', host: 'h', port: 70000, database: 'd', user: 'u' }, 'port'],
      [{ kind: 'odbc', connectionString: `DSN=x;PWD=${CANARY_PASSWORD};` }, 'password field'],
      [{ kind: 'sqlite', file: 'a.db', passwordEnv: 'ACD_UNSET_VARIABLE_9' }, 'ACD_UNSET_VARIABLE_9'],
      [{ kind: 'sqlite', file: 'a.db', password: 'a', passwordEnv: 'B' }, 'not both'],
    ];
    for (const [content, message] of cases) {
      const run = await testConnection(content);
      expect(run.code, JSON.stringify(content)).toBe(2);
      expect(run.stderr).toContain(message);
    }
    const missing = await runCliCaptured(['test-connection', '--connection', tempDir().join('nope.json')], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the connection file');
    const badTimeout = await testConnection({ kind: 'sqlite', file: 'a.db' }, {}, ['--timeout-ms', '5']);
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr).toContain('at least 500 ms');
  });
});
