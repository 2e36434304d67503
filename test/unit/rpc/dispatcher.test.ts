import { api } from '../../../src-shared/contract/api';
import { describe, expect, it, vi } from 'vitest';
import type { OutputOf } from '../../../src-shared/contract/api';
import { createDispatcher, type Handlers } from '../../../src-shared/rpc/dispatcher';
import { rpcErrorSchema, ServiceError } from '../../../src-shared/rpc/result';

const system: OutputOf<'systems.create'> = {
  id: 7,
  name: 'Avaya',
  vendor: 'avaya-cms',
  timeZone: 'Europe/Brussels',
  connection: { kind: 'postgres', host: 'acd01', port: 5432, database: 'cms', user: 'reader', tls: 'disable' },
  passwordSet: false,
  isDemo: false,
};

/** Every handler fails the test if reached, unless the test overrides it. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unexpected = (method: string) => () => {
    throw new Error(`handler ${method} should not have been called`);
  };
  const all = Object.fromEntries(Object.keys(api).map((method) => [method, unexpected(method)])) as unknown as Handlers;
  return {
    ...all,
    ...overrides,
  };
}

describe('createDispatcher', () => {
  it('answers {ok: true, value} with what the handler returned, given the parsed input', async () => {
    const create = vi.fn((input: unknown) => ({ ...system, name: (input as { name: string }).name }));
    const dispatch = createDispatcher(handlers({ 'systems.create': create }));
    const result = await dispatch('systems.create', {
      name: '  Avaya  ',
      connection: { kind: 'sqlite', file: '/data/acd.sqlite' },
    });
    expect(result).toEqual({ ok: true, value: { ...system, name: 'Avaya' } });
    // The handler sees the contract's output: trimmed name, defaults filled in for a draft.
    expect(create).toHaveBeenCalledWith(
      {
        name: 'Avaya',
        vendor: 'universal',
        timeZone: 'UTC',
        connection: { kind: 'sqlite', file: '/data/acd.sqlite' },
      },
      { signal: expect.any(AbortSignal) },
    );
  });

  it("passes the caller's abort signal to the handler, and one that never aborts when there is none", async () => {
    const seen: AbortSignal[] = [];
    const dispatch = createDispatcher(
      handlers({
        'app.info': (_input, call) => {
          seen.push(call.signal);
          return { version: '1', dataDir: '/d', workspaceFile: '/w', secretStore: { kind: 'encrypted-file' } };
        },
      }),
    );
    const caller = new AbortController();
    await dispatch('app.info', {}, { signal: caller.signal });
    await dispatch('app.info', {});
    expect(seen[0]).toBe(caller.signal);
    expect(seen[1]?.aborted).toBe(false);
    caller.abort();
    expect(seen[0]?.aborted).toBe(true);
  });

  it.each(['systems.drop', 'constructor', '__proto__', 'toString', ''])(
    'answers UNKNOWN_METHOD for "%s"',
    async (method) => {
      const dispatch = createDispatcher(handlers());
      const result = await dispatch(method, {});
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('UNKNOWN_METHOD');
      expect(result.error.message).toContain(`"${method}"`);
    },
  );

  it('answers UNKNOWN_METHOD for a method that is not a string, without throwing', async () => {
    const dispatch = createDispatcher(handlers());
    const result = await dispatch(42 as unknown as string, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers INVALID_INPUT with issues naming each wrong field path, and never calls the handler', async () => {
    const create = vi.fn();
    const dispatch = createDispatcher(handlers({ 'integrations.create': create }));
    const result = await dispatch('integrations.create', {
      systemId: 1,
      name: '',
      importType: 'tickets',
      intervalMinutes: 20,
    });
    expect(create).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(rpcErrorSchema.parse(result.error)).toEqual(result.error);
    expect(result.error.code).toBe('INVALID_INPUT');
    const paths = (result.error.issues ?? []).map((issue) => issue.path).sort();
    expect(paths).toEqual(['importType', 'intervalMinutes', 'name']);
    expect(result.error.message).toContain('intervalMinutes: must be 15 or 30 minutes');
    expect(result.error.message).toContain('name: must not be empty');
  });

  it('names nested paths (patch.connection.port) and unknown keys in INVALID_INPUT', async () => {
    const dispatch = createDispatcher(handlers());
    const nested = await dispatch('systems.update', {
      id: 3,
      patch: { connection: { kind: 'postgres', host: 'acd01', port: 70000, database: 'cms', user: 'reader' } },
    });
    expect(nested).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'patch.connection.port' }] },
    });

    const unknownKey = await dispatch('systems.update', { id: 3, patch: { colour: 'red' } });
    expect(unknownKey.ok).toBe(false);
    if (unknownKey.ok) return;
    expect(unknownKey.error.code).toBe('INVALID_INPUT');
    expect(unknownKey.error.message).toContain('colour');
  });

  it('treats a missing input as {} (methods without input work, methods with input report the fields)', async () => {
    const tree = vi.fn(() => []);
    const dispatch = createDispatcher(handlers({ 'workspace.tree': tree }));
    expect(await dispatch('workspace.tree', undefined)).toEqual({ ok: true, value: [] });
    const missing = await dispatch('systems.delete', undefined);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'id' }] } });
  });

  it('turns a ServiceError into its own code, message and issues', async () => {
    const onInternalError = vi.fn();
    const dispatch = createDispatcher(
      handlers({
        'systems.create': () => {
          throw new ServiceError('CONFLICT', 'An external system named "Avaya" already exists.', [
            { path: 'name', message: 'taken' },
          ]);
        },
        'systems.delete': async () => {
          throw new ServiceError('NOT_FOUND', 'There is no external system with id 9.');
        },
      }),
      { onInternalError },
    );
    expect(
      await dispatch('systems.create', { name: 'Avaya', connection: { kind: 'odbc', connectionString: 'DSN=x' } }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'An external system named "Avaya" already exists.',
        issues: [{ path: 'name', message: 'taken' }],
      },
    });
    expect(await dispatch('systems.delete', { id: 9 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no external system with id 9.' },
    });
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it.each([
    [
      'a synchronous throw',
      () => {
        throw new Error('SQLITE_IOERR at /home/alice/secret-path: password=Hunter2');
      },
    ],
    [
      'a rejected promise',
      () => Promise.reject(new Error('SQLITE_IOERR at /home/alice/secret-path: password=Hunter2')),
    ],
    [
      'a thrown string',
      () => {
        throw 'SQLITE_IOERR at /home/alice/secret-path: password=Hunter2';
      },
    ],
  ])('answers INTERNAL for %s without leaking its text, and reports it to onInternalError', async (_label, failing) => {
    const onInternalError = vi.fn();
    const dispatch = createDispatcher(handlers({ 'workspace.tree': failing as Handlers['workspace.tree'] }), {
      onInternalError,
    });
    const result = await dispatch('workspace.tree', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toContain('workspace.tree');
    const serialized = JSON.stringify(result);
    for (const leak of ['SQLITE_IOERR', 'secret-path', 'Hunter2', 'alice']) expect(serialized).not.toContain(leak);
    expect(onInternalError).toHaveBeenCalledTimes(1);
    const [method, error] = onInternalError.mock.calls[0] ?? [];
    expect(method).toBe('workspace.tree');
    expect(String(error instanceof Error ? error.message : error)).toContain('Hunter2');
  });

  it('answers INTERNAL even without an onInternalError option', async () => {
    const dispatch = createDispatcher(
      handlers({
        'app.info': () => {
          throw new TypeError('boom');
        },
      }),
    );
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
