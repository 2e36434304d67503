import { describe, expect, it } from 'vitest';
import type { DriverRun } from '../../../src-main/services/test-connection';
import { useAppContexts } from '../../support/app-contexts';
import { callErr, callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const openContext = useAppContexts();

/** Records what the service asked of the driver process and answers as a driver would. */
function recordingRun(answer: (password: string | undefined) => unknown) {
  const requests: Parameters<DriverRun>[0][] = [];
  const deadlines: number[] = [];
  const run: DriverRun = async (request, deadlineMs) => {
    requests.push(request);
    deadlines.push(deadlineMs);
    return answer(request.password) as never;
  };
  return { run, requests, deadlines };
}

const pg = { kind: 'postgres', host: 'acd01', port: 5432, database: 'cms', user: 'reader', tls: 'disable' } as const;

describe('connections.test', () => {
  it('uses the stored password of a saved system and warns when the login can write', async () => {
    const driver = recordingRun(() => ({
      ok: true,
      value: {
        serverVersion: 'PostgreSQL 15.19',
        writeAccess: { state: 'can-write', detail: 'INSERT on public.calls' },
      },
    }));
    const context = openContext({ dataDir: tempDir().path, seedDemo: false, runDriver: driver.run });
    const system = await callOk(context.dispatch, 'systems.create', {
      name: 'CMS',
      connection: pg,
      password: 'Canary-Pw-7f3a9',
    });
    const result = await callOk(context.dispatch, 'connections.test', { systemId: system.id, timeoutMs: 3000 });
    expect(driver.requests[0]?.password).toBe('Canary-Pw-7f3a9');
    expect(driver.deadlines[0]).toBe(3500);
    expect(result).toMatchObject({ ok: true, category: 'OK', serverVersion: 'PostgreSQL 15.19' });
    expect(result.warnings.join(' ')).toContain('SELECT-only login');
    expect(JSON.stringify(result)).not.toContain('Canary-Pw-7f3a9');
  });

  it('tests unsaved form values, a typed password winning over the stored one', async () => {
    const driver = recordingRun((password) => ({
      ok: false,
      category: 'AUTH',
      message: `refused (${password === 'typed' ? 'typed' : 'other'})`,
    }));
    const context = openContext({ dataDir: tempDir().path, seedDemo: false, runDriver: driver.run });
    const system = await callOk(context.dispatch, 'systems.create', {
      name: 'CMS',
      connection: pg,
      password: 'stored',
    });
    const result = await callOk(context.dispatch, 'connections.test', {
      systemId: system.id,
      connection: { ...pg, host: 'acd02' },
      password: 'typed',
    });
    expect(driver.requests[0]?.connection).toMatchObject({ host: 'acd02' });
    expect(result).toMatchObject({ ok: false, category: 'AUTH', message: 'refused (typed)', serverVersion: null });
  });

  it('refuses a test with neither a system nor a connection, and an out-of-range timeout', async () => {
    const driver = recordingRun(() => ({ ok: true, value: {} }));
    const context = openContext({ dataDir: tempDir().path, seedDemo: false, runDriver: driver.run });
    expect((await callErr(context.dispatch, 'connections.test', {})).code).toBe('INVALID_INPUT');
    expect((await callErr(context.dispatch, 'connections.test', { connection: pg, timeoutMs: 10 })).message).toContain(
      'at least 500 ms',
    );
    expect(driver.requests).toHaveLength(0);
  });

  it('turns a failed catalogue read into CONNECTION_FAILED with the category', async () => {
    const driver = recordingRun(() => ({
      ok: false,
      category: 'UNREACHABLE',
      message: 'nothing listens on acd01:5432',
    }));
    const context = openContext({ dataDir: tempDir().path, seedDemo: false, runDriver: driver.run });
    const system = await callOk(context.dispatch, 'systems.create', { name: 'CMS', connection: pg });
    const error = await callErr(context.dispatch, 'connections.tables', { systemId: system.id, schema: 'public' });
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED', message: 'UNREACHABLE: nothing listens on acd01:5432' });
    expect(driver.requests[0]?.operation).toEqual({ op: 'tables', schema: 'public' });
  });
});
