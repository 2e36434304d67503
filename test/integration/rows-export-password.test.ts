import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGING_FOLDER } from '../../src-main/transfer/export-staging';
import { cliHome } from '../support/cli-transfer-workspace';
import {
  CANARY_PASSWORD,
  ensurePostgresTestDatabase,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
} from '../support/databases';
import { filesContainingSecret } from '../support/files';
import { adminSetup } from '../support/pg-fixtures';
import { useTempDirs } from '../support/temp-dir';

// The login's password stored in the data, exported through the CLI (`acd-link export`, the
// rows.export service, the driver process): the file holds every value as the database returned
// it, the summary warns where a value is exactly the password, and no output or log shows it.

const tempDir = useTempDirs('acd-rows-password-');
const TABLE = 'password_values_v1';
const VALUES: [number, string, string | null][] = [
  [1, `Queue ${CANARY_PASSWORD} north`, CANARY_PASSWORD],
  [2, `Queue ${CANARY_PASSWORD} north`, `see ${CANARY_PASSWORD}`],
  // A second name for the queue: a warning whose message quotes both names.
  [3, `Queue ${CANARY_PASSWORD} south`, null],
];

beforeAll(async () => {
  await ensurePostgresTestDatabase();
  await adminSetup(async (client) => {
    await client.query(
      `CREATE TABLE IF NOT EXISTS public.${TABLE} (id integer PRIMARY KEY, queue_name text, note text)`,
    );
    await client.query('BEGIN');
    await client.query(`DELETE FROM public.${TABLE}`);
    for (const row of VALUES) await client.query(`INSERT INTO public.${TABLE} VALUES ($1, $2, $3)`, row);
    await client.query('COMMIT');
    await client.query(`GRANT SELECT ON public.${TABLE} TO ${READER_LOGIN}`);
  });
});

// The password is in the table, not in the query, so the stored SQL does not hold it either.
const SQL = `SELECT 'Q1' AS queueidentifier, queue_name AS queuename,
    timestamp '2024-06-03 08:00:00' + id * interval '15 minutes' AS "timestamp",
    5 AS offered, 4 AS answered, 100 AS handlingtime, note
  FROM public.${TABLE} ORDER BY id`;

describe('acd-link export of rows that hold the connection password (PostgreSQL)', () => {
  it('writes the values unchanged, warns where one is the password, and shows it nowhere else', async () => {
    const dir = tempDir();
    const out = tempDir();
    const home = await cliHome(dir, { demo: false });
    const added = await home.run(
      [
        'systems',
        'add',
        '--name',
        'CMS',
        '--kind',
        'postgres',
        '--host',
        PG_ENDPOINT.host,
        '--port',
        String(PG_ENDPOINT.port),
        '--database',
        TEST_DATABASE,
        '--user',
        READER_LOGIN,
        '--password-env',
        'ACD_TEST_PW',
        '--time-zone',
        'Europe/Paris',
      ],
      { ACD_TEST_PW: CANARY_PASSWORD },
    );
    expect(added.code, added.stderr).toBe(0);
    const sqlFile = out.join('rows.sql');
    fs.writeFileSync(sqlFile, SQL);
    const integration = ['--system', 'CMS', '--name', 'Rows', '--import-type', 'interval', '--sql', sqlFile];
    expect((await home.run(['integrations', 'add', ...integration])).code).toBe(0);

    // --include-invalid: which rows are valid plays no part here (and so does the date of the run).
    const rows = ['export', '--integration', 'Rows', '--include-invalid'];
    const csv = await home.run([...rows, '--format', 'csv', '--out', out.join('rows.csv')]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/: 3 row\(s\)\n$/);
    expect(csv.stderr).toBe(
      'warning: 1 value in column "note" is exactly the connection\'s password. The export writes data ' +
        'unchanged, as the database returned it: leave such a column out of the query before passing the file on.\n',
    );
    const records = parse(fs.readFileSync(out.join('rows.csv')), { columns: true }) as Record<string, string>[];
    expect(records.map((record) => [record.queuename, record.note])).toEqual(
      VALUES.map(([, name, note]) => [name, note ?? '']),
    );
    expect(records.map((record) => record.timestamp_utc)).toEqual([
      '2024-06-03T06:15:00.000Z',
      '2024-06-03T06:30:00.000Z',
      '2024-06-03T06:45:00.000Z',
    ]);

    // JSON Lines carries the contract's columns: the queue names unchanged, no note, no warning.
    const jsonl = await home.run([...rows, '--format', 'jsonl', '--out', out.join('rows.jsonl'), '--json']);
    expect(jsonl.code, jsonl.stderr).toBe(0);
    expect(JSON.parse(jsonl.stdout)).toMatchObject({ rowsWritten: 3, notes: [] });
    const names = fs
      .readFileSync(out.join('rows.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { queueName: string }).queueName);
    expect(names).toEqual(VALUES.map(([, name]) => name));

    // Outputs and logs never show it; of the data folder, only the staged copies of the exports hold it.
    expect(home.allOutput()).not.toContain(CANARY_PASSWORD);
    const holders = filesContainingSecret(dir.path, CANARY_PASSWORD).map((file) => path.relative(dir.path, file));
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.every((file) => file.startsWith(`${STAGING_FOLDER}${path.sep}`))).toBe(true);
    expect(fs.readdirSync(dir.join('logs')).length).toBeGreaterThan(0);
  }, 120_000);
});
