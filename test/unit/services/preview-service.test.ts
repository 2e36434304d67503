import { describe, expect, it } from 'vitest';
import type { DriverRun } from '../../../src-main/services/test-connection';
import { useAppContexts } from '../../support/app-contexts';
import { callErr, callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const openContext = useAppContexts();

const pg = { kind: 'postgres', host: 'acd01', port: 5432, database: 'cms', user: 'reader', tls: 'disable' } as const;

/** A driver run that records requests and, until aborted, never answers (a slow query). */
function slowRun() {
  const requests: Parameters<DriverRun>[0][] = [];
  const run: DriverRun = (request, _deadline, options) => {
    requests.push(request);
    return new Promise((resolve) =>
      options?.signal?.addEventListener('abort', () =>
        resolve({ ok: false, category: 'CANCELLED', message: 'Cancelled.' } as never),
      ),
    );
  };
  return { run, requests };
}

describe('query.preview', () => {
  it('refuses a statement that writes, and several statements, before anything reaches the driver', async () => {
    const driver = slowRun();
    const context = openContext({ dataDir: tempDir().path, seedDemo: false, runDriver: driver.run });
    const system = await callOk(context.dispatch, 'systems.create', { name: 'CMS', connection: pg });
    const writes = await callErr(context.dispatch, 'query.preview', { systemId: system.id, sql: 'DELETE FROM calls' });
    expect(writes.code).toBe('QUERY_REFUSED');
    expect(writes.message).toContain('only read');
    expect(writes.issues?.[0]?.path).toBe('sql');
    const two = await callErr(context.dispatch, 'query.preview', { systemId: system.id, sql: 'SELECT 1;\nSELECT 2' });
    expect(two.code).toBe('QUERY_REFUSED');
    expect(two.message).toMatch(/statements/);
    expect(driver.requests).toHaveLength(0);
  });

  it('sends the statement as written (less its trailing comment) with the row cap and time limit, and cancels it by id', async () => {
    const driver = slowRun();
    const context = openContext({ dataDir: tempDir().path, seedDemo: false, runDriver: driver.run });
    const system = await callOk(context.dispatch, 'systems.create', { name: 'CMS', connection: pg });
    const sql = "SELECT 'DELETE' AS note, q.* FROM queue_stats q -- DROP TABLE x";
    const pending = callErr(context.dispatch, 'query.preview', {
      systemId: system.id,
      sql,
      limit: 50,
      previewId: 'p1',
      timeoutMs: 5000,
    });
    await expect.poll(() => driver.requests.length).toBe(1);
    expect(driver.requests[0]?.operation).toEqual({
      op: 'preview',
      sql: "SELECT 'DELETE' AS note, q.* FROM queue_stats q",
      limit: 50,
      statementTimeoutMs: 5000,
    });
    expect(await callOk(context.dispatch, 'query.cancel', { previewId: 'p1' })).toEqual({ cancelled: true });
    expect((await pending).code).toBe('CANCELLED');
    expect(await callOk(context.dispatch, 'query.cancel', { previewId: 'p1' })).toEqual({ cancelled: false });
  });

  it('previews the embedded demo through the real driver process', async () => {
    const context = openContext({ dataDir: tempDir().path });
    const [demo] = await callOk(context.dispatch, 'workspace.tree', {});
    const interval = demo!.integrations.find((integration) => integration.importType === 'interval')!;
    const result = await callOk(context.dispatch, 'query.preview', {
      systemId: demo!.id,
      sql: interval.sql,
      limit: 10,
    });
    expect(result.columns).toEqual([
      'queueidentifier',
      'queuename',
      'timestamp',
      'offered',
      'answered',
      'handlingtime',
      'channel',
    ]);
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });
});
