import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANARY_PASSWORD } from '../support/databases';
import { finished, REPO_ROOT, useChildProcesses } from '../support/child-process';
import { ensureNodeBuild } from '../support/node-build';
import { useTempDirs } from '../support/temp-dir';
import { useWriterDatabases } from '../support/writer-databases';
import { writerTargets } from '../support/writer-targets';

// A query must not outlive whoever asked for it: a CLI stopped with Ctrl+C, SIGTERM or kill -9
// leaves no statement running on the server and no driver process behind.
const databases = useWriterDatabases();
const tempDir = useTempDirs('acd-caller-gone-');
const spawnChild = useChildProcesses();
const CLI = path.join(REPO_ROOT, 'bin', 'acd-link.cjs');
const PASSWORD_ENV = 'ACD_CALLER_GONE_PW';

type Server = 'pg' | 'mysql';
/** A 300-second query, marked so this test finds exactly its own statement on the server. */
function sleepingQuery(server: Server, marker: string): string {
  const sleep = server === 'pg' ? 'pg_sleep(300)' : 'SLEEP(300)';
  const from = server === 'pg' ? `FROM ${sleep}` : '';
  const select = server === 'pg' ? `(SELECT 1 ${from})` : sleep;
  return `SELECT '${marker}' AS queueidentifier, 'q' AS queuename, '2026-01-05 10:00:00' AS timestamp, ${select} AS offered, 1 AS answered, 1 AS handlingtime`;
}

/** The server's statements that carry the marker, other than the query asking. */
async function runningWith(server: Server, marker: string): Promise<number> {
  if (server === 'pg') {
    const result = await databases.pgAdmin.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()',
      [`%${marker}%`],
    );
    return (result.rows[0] as { n: number }).n;
  }
  const [rows] = await databases.mysqlAdmin.query(
    "SELECT count(*) AS n FROM information_schema.processlist WHERE info LIKE ? AND id <> CONNECTION_ID() AND command <> 'Sleep'",
    [`%${marker}%`],
  );
  return Number((rows as { n: number }[])[0]?.n ?? 0);
}

/** Pids of driver processes whose command line names this test's data folder. */
function driverProcessesOf(home: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return environ.includes(`ACD_LINK_HOME=${home}`) && /driver-process\.cjs|driver-child\.ts/.test(cmdline);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function startValidate(server: Server) {
  const dir = tempDir();
  const marker = `caller-gone-${crypto.randomBytes(6).toString('hex')}`;
  const connection = { ...writerTargets('')[server].connection, passwordEnv: PASSWORD_ENV };
  fs.writeFileSync(dir.join('connection.json'), JSON.stringify(connection));
  fs.writeFileSync(dir.join('query.sql'), sleepingQuery(server, marker));
  const home = dir.join('home');
  const args = ['validate', '--connection', dir.join('connection.json'), '--import-type', 'interval'];
  const child = spawnChild(process.execPath, [CLI, ...args, '--sql', dir.join('query.sql')], {
    env: { ...process.env, ACD_LINK_HOME: home, [PASSWORD_ENV]: CANARY_PASSWORD, VITEST: '' },
  });
  const outcome = finished(child);
  return { child, outcome, marker, home };
}

describe.each(['pg', 'mysql'] as const)('a CLI validation on %s', (server) => {
  it('killed with kill -9: its driver process cancels the statement on the server and ends', async () => {
    ensureNodeBuild();
    const { child, outcome, marker, home } = startValidate(server);
    await expect.poll(() => runningWith(server, marker), { timeout: 30_000 }).toBe(1);
    child.kill('SIGKILL');
    await outcome;
    await expect.poll(() => runningWith(server, marker), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => driverProcessesOf(home), { timeout: 20_000 }).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('stopped with %s: cancels on the server, says so, exits %i', async (signal, code) => {
    ensureNodeBuild();
    const { child, outcome, marker, home } = startValidate(server);
    await expect.poll(() => runningWith(server, marker), { timeout: 30_000 }).toBe(1);
    child.kill(signal);
    const run = await outcome;
    expect(run.code, run.stderr).toBe(code);
    expect(run.stderr).toContain(`acd-link: ${signal}: stopping; the running query is cancelled on the server.`);
    // The CLI waited for the cancel: nothing is left once it has exited.
    expect(await runningWith(server, marker)).toBe(0);
    expect(driverProcessesOf(home)).toEqual([]);
    expect(run.stderr).not.toContain(CANARY_PASSWORD);
  });
});
