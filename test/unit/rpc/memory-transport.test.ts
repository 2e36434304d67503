import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../src-shared/rpc/client';
import type { Dispatch } from '../../../src-shared/rpc/dispatcher';
import { createEventHub, createMemoryTransport } from '../../../src-shared/rpc/memory-transport';

describe('memory transport', () => {
  it('round-trips input and output through JSON, like IPC and WebSocket do', async () => {
    const seen: unknown[] = [];
    const original = { nested: { list: [1, 'two', null] } };
    const dispatch: Dispatch = async (method, input) => {
      seen.push(input);
      return { ok: true, value: { method, echo: input, at: new Date(Date.UTC(2024, 4, 1, 8, 30)), gone: undefined } };
    };
    const transport = createMemoryTransport(dispatch, createEventHub());
    const result = await transport.invoke('workspace.tree', original);

    expect(seen[0]).toEqual(original);
    expect(seen[0]).not.toBe(original); // the handler never shares the caller's object
    // A Date arrives as text and undefined properties vanish, exactly as over the wire.
    expect(result).toEqual({
      ok: true,
      value: { method: 'workspace.tree', echo: original, at: '2024-05-01T08:30:00.000Z' },
    });
    expect(Object.keys((result as { value: object }).value)).not.toContain('gone');
  });

  it('passes error results through unchanged', async () => {
    const dispatch: Dispatch = async () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone', issues: [{ path: 'id', message: 'x' }] },
    });
    const client = createApiClient(createMemoryTransport(dispatch, createEventHub()));
    expect(await client.call('systems.delete', { id: 3 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone', issues: [{ path: 'id', message: 'x' }] },
    });
  });

  it('delivers hub events to typed listeners as JSON copies, only for the named event, until unsubscribed', async () => {
    const hub = createEventHub();
    const client = createApiClient(createMemoryTransport(async () => ({ ok: true, value: null }), hub));
    const listener = vi.fn();
    const unsubscribe = client.on('workspace.changed', listener);
    const payload = { reason: 'systems.create' };

    hub.emit('workspace.changed', payload);
    hub.emit('query.progressed', { rows: 10 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ reason: 'systems.create' });
    expect(listener.mock.calls[0]?.[0]).not.toBe(payload);

    unsubscribe();
    hub.emit('workspace.changed', payload);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
