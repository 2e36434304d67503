import { describe, expect, it } from 'vitest';
import { runInDriverProcess } from '../../src-main/driver-process/driver-runner';
import type { DriverRequest } from '../../src-main/driver-process/protocol';
import type { FullValidationResult } from '../../src-main/driver-process/run-validation';
import type { PreviewRows } from '../../src-main/drivers/db-session';
import { CANARY_PASSWORD } from '../support/databases';
import { writerTargets } from '../support/writer-targets';
import { useWriterDatabases } from '../support/writer-databases';

// The statement's own time limit governs a query, not the short connect timeout: pg applies the
// connection's query_timeout (connect timeout + 1 s) to any submitted object without its own,
// which once stopped every cursor that ran past it.
// Creates the writer login and database the targets point at.
useWriterDatabases();
const CONNECT_TIMEOUT_MS = 1000;
const SLOW_SQL = 'SELECT n AS queueidentifier FROM generate_series(1, 3) AS n, pg_sleep(2.5)';

function request(operation: DriverRequest['operation']): DriverRequest {
  return {
    connection: writerTargets('').pg.connection,
    password: CANARY_PASSWORD,
    timeoutMs: CONNECT_TIMEOUT_MS,
    operation,
  };
}

describe('PostgreSQL statements longer than the connect timeout', () => {
  it('a preview of a 2.5 s query with a 1 s connect timeout returns its rows', async () => {
    const response = await runInDriverProcess<PreviewRows>(
      request({ op: 'preview', sql: SLOW_SQL, limit: 10, statementTimeoutMs: 20_000 }),
      30_000,
    );
    expect(response, JSON.stringify(response)).toMatchObject({ ok: true, value: { rows: [[1], [2], [3]] } });
  });

  it('a full validation stream of the same query reads every row', async () => {
    const response = await runInDriverProcess<FullValidationResult>(
      request({
        op: 'validate',
        sql: SLOW_SQL,
        statementTimeoutMs: 20_000,
        options: {
          importType: 'interval',
          intervalMinutes: 15,
          ruleSet: 'wfm-2024-05',
          timeZone: 'UTC',
          now: new Date().toISOString(),
          maxFindings: 10,
        },
      }),
      30_000,
    );
    expect(response, JSON.stringify(response)).toMatchObject({ ok: true, value: { rowsRead: 3 } });
  });

  it('the statement time limit still stops a query that runs past it', async () => {
    const response = await runInDriverProcess<PreviewRows>(
      request({ op: 'preview', sql: 'SELECT pg_sleep(10)', limit: 10, statementTimeoutMs: 1500 }),
      30_000,
    );
    expect(response).toMatchObject({ ok: false, category: 'TIMEOUT' });
  });
});
