import pg from 'pg';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { DriverOperation, DriverResponse } from '../../src-main/driver-process/protocol';
import type { PreviewRows } from '../../src-main/drivers/db-session';
import type { DriverRun } from '../../src-main/services/test-connection';
import type { Connection } from '../../src-shared/contract/model';
import { CANARY_PASSWORD, PG_ADMIN_URL, PG_ENDPOINT, WRITER_LOGIN } from './databases';

/**
 * A PostgreSQL database of its own where the write-corpus tests show what a read-only,
 * rolled-back preview does NOT undo. Its own database, so that index maintenance and statistics
 * resets there cannot touch the checksums other tests take of `acd_link_test`.
 *
 * The writer login owns the table (as an application login owns its tables) and was granted
 * EXECUTE on pg_stat_reset_single_table_counters (as a DBA may grant a monitoring login).
 */
export const PROBE_DATABASE = 'acd_link_probe';
export const PROBE_TABLE = 'probe_pages';
export const PROBE_BRIN = 'probe_pages_brin';
export const PROBE_GIN = 'probe_pages_gin';
export const PROBE_SEQUENCE = 'probe_sequence';

export const probeConnection = (): Connection => ({
  kind: 'postgres',
  ...PG_ENDPOINT,
  database: PROBE_DATABASE,
  user: WRITER_LOGIN,
  tls: 'disable',
});

/** A superuser connection to the probe database; the caller ends it. */
export async function connectProbeAdmin(): Promise<pg.Client> {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PROBE_DATABASE}`;
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  return client;
}

/**
 * Creates the probe database and its empty table, idempotently; the test logins must exist
 * (ensurePostgresTestDatabase). Autovacuum is off for the table: a vacuum would summarise the
 * BRIN ranges and empty the GIN pending list itself.
 */
export async function ensureProbeDatabase(): Promise<void> {
  const server = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await server.connect();
  try {
    await server.query("SELECT pg_advisory_lock(hashtext('acd_link_probe_setup'))");
    const exists = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [PROBE_DATABASE]);
    if (exists.rowCount === 0) await server.query(`CREATE DATABASE ${PROBE_DATABASE}`);
    const admin = await connectProbeAdmin();
    try {
      await admin.query(`CREATE TABLE IF NOT EXISTS public.${PROBE_TABLE} (id integer NOT NULL,
        words tsvector NOT NULL) WITH (autovacuum_enabled = false)`);
      await admin.query(`ALTER TABLE public.${PROBE_TABLE} OWNER TO ${WRITER_LOGIN}`);
      await admin.query(`CREATE INDEX IF NOT EXISTS ${PROBE_BRIN} ON public.${PROBE_TABLE}
        USING brin (id) WITH (pages_per_range = 1)`);
      await admin.query(`CREATE INDEX IF NOT EXISTS ${PROBE_GIN} ON public.${PROBE_TABLE}
        USING gin (words) WITH (fastupdate = on)`);
      await admin.query(`CREATE SEQUENCE IF NOT EXISTS public.${PROBE_SEQUENCE}`);
      await admin.query(`ALTER SEQUENCE public.${PROBE_SEQUENCE} OWNER TO ${WRITER_LOGIN}`);
      await admin.query(`GRANT EXECUTE ON FUNCTION pg_stat_reset_single_table_counters(oid) TO ${WRITER_LOGIN}`);
      await admin.query(`TRUNCATE public.${PROBE_TABLE}`);
    } finally {
      await admin.end();
    }
  } finally {
    await server.end().catch(() => undefined);
  }
}

/** Adds rows: new BRIN page ranges nobody summarised yet, and new entries in the GIN pending list. */
export async function addProbeRows(admin: pg.Client, count = 2000): Promise<void> {
  await admin.query(
    `INSERT INTO public.${PROBE_TABLE} SELECT i, to_tsvector('queue ' || i) FROM generate_series(1, $1) AS i`,
    [count],
  );
}

/** A sequential scan of the table, counted once its session ends and reports its statistics. */
export async function scanProbeTable(): Promise<void> {
  const scanner = await connectProbeAdmin();
  await scanner.query(`SELECT count(*) FROM public.${PROBE_TABLE}`);
  await scanner.end();
}

export async function probeSeqScans(admin: pg.Client): Promise<number> {
  const result = await admin.query<{ n: string }>(
    'SELECT coalesce(seq_scan, 0)::text AS n FROM pg_stat_user_tables WHERE relid = $1::regclass',
    [`public.${PROBE_TABLE}`],
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** Polls `read` until `accept` holds, or gives its last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A preview of `sql` straight in a driver process, as the writer: no statement guard in front. */
export function previewWithoutGuard(sql: string): Promise<DriverResponse<PreviewRows>> {
  return runInDriverProcess<PreviewRows>(
    {
      connection: probeConnection(),
      password: CANARY_PASSWORD,
      timeoutMs: 5000,
      operation: { op: 'preview', sql, limit: 10, statementTimeoutMs: 5000 },
    },
    15_000,
  );
}

/**
 * The real driver runner, noting the SQL of every operation that would send some: a statement
 * the guard refused must never show up here.
 */
export function recordingDriverRun(): { run: DriverRun; sentSql: string[] } {
  const sentSql: string[] = [];
  const run: DriverRun = (request, deadlineMs, options) => {
    const operation: DriverOperation = request.operation;
    if ('sql' in operation) sentSql.push(operation.sql);
    return runInDriverProcess(request, deadlineMs, options);
  };
  return { run, sentSql };
}
