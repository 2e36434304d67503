import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isAppBundleUrl } from '../../../src-main/electron/app-protocol';
import {
  forwardEvents,
  registerIpcHost,
  RPC_CHANNEL,
  RPC_EVENT_CHANNEL,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../../src-main/electron/ipc-host';
import type { Dispatch } from '../../../src-shared/rpc/dispatcher';
import { createEventHub } from '../../../src-shared/rpc/memory-transport';
import type { Result } from '../../../src-shared/rpc/result';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  /** What a renderer's `ipcRenderer.invoke(channel, method, input)` would get back. */
  const invoke = (
    senderFrame: InvokeEventLike['senderFrame'],
    method: unknown,
    input: unknown,
    sender?: InvokeEventLike['sender'],
  ) => {
    const handler = handlers.get(RPC_CHANNEL);
    if (!handler) throw new Error('No handler registered for rpc');
    return handler({ senderFrame, ...(sender ? { sender } : {}) }, method, input);
  };
  return { ipcMain, handlers, invoke };
}

const trusted = { url: 'app://bundle/index.html' };

function setUp(dispatch: Dispatch) {
  const ipc = fakeIpcMain();
  const onError = vi.fn();
  const spy = vi.fn(dispatch);
  const unregister = registerIpcHost({ ipcMain: ipc.ipcMain, dispatch: spy, isTrustedSender: isAppBundleUrl, onError });
  return { ...ipc, dispatch: spy, onError, unregister };
}

describe('registerIpcHost', () => {
  it('gives the app window the dispatcher result, input passed through', async () => {
    const host = setUp(async (method, input) => ({ ok: true, value: { method, input } }));

    const result = await host.invoke(trusted, 'systems.list', { q: 1 });

    expect(result).toEqual({ ok: true, value: { method: 'systems.list', input: { q: 1 } } });
    expect(host.dispatch).toHaveBeenCalledWith('systems.list', { q: 1 }, { signal: undefined });
  });

  it.each(['destroyed', 'did-start-loading', 'render-process-gone'])(
    "aborts the calls of a window when it is %s, and gives the reloaded page's calls a fresh signal",
    async (event) => {
      const signals: (AbortSignal | undefined)[] = [];
      const host = setUp(async (_method, _input, call) => {
        signals.push(call?.signal);
        return { ok: true, value: null };
      });
      const window = new EventEmitter();
      await host.invoke(trusted, 'query.preview', {}, window);
      await host.invoke(trusted, 'query.validate', {}, window);
      expect(signals[0]).toBeDefined();
      expect(signals[1]).toBe(signals[0]);
      expect(signals[0]?.aborted).toBe(false);
      window.emit(event);
      expect(signals[0]?.aborted).toBe(true);
      await host.invoke(trusted, 'query.preview', {}, window);
      expect(signals[2]?.aborted).toBe(false);
    },
  );

  it('passes error results through unchanged', async () => {
    const failure: Result<unknown> = { ok: false, error: { code: 'NOT_FOUND', message: 'No system 4.' } };
    const host = setUp(async () => failure);
    await expect(host.invoke(trusted, 'systems.get', { id: 4 })).resolves.toEqual(failure);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html' }],
    ['a lookalike host', { url: 'app://bundle.evil.example/index.html' }],
    ['a file: page', { url: 'file:///work/main/out/renderer/index.html' }],
    ['a frame without URL', { url: '' }],
    ['no frame (navigated away or destroyed)', null],
  ])('refuses %s with UNAUTHORIZED and never dispatches', async (_label, frame) => {
    const host = setUp(async () => ({ ok: true, value: 'secret data' }));

    const result = await host.invoke(frame, 'systems.list', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(host.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame whose URL can no longer be read', async () => {
    const host = setUp(async () => ({ ok: true, value: 1 }));
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(host.invoke(disposed, 'systems.list', {})).resolves.toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(host.dispatch).not.toHaveBeenCalled();
  });

  it('turns a rejected dispatch into an INTERNAL error result instead of a throw', async () => {
    const host = setUp(() => Promise.reject(new Error('boom with details')));

    const result = await host.invoke(trusted, 'systems.list', {});

    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Internal error in systems.list. See the log for details.' },
    });
    expect(host.onError).toHaveBeenCalledWith(expect.stringContaining('systems.list'), expect.any(Error));
  });

  it('answers a non-string method with UNKNOWN_METHOD', async () => {
    const host = setUp(async () => ({ ok: true, value: 1 }));
    await expect(host.invoke(trusted, { toString: 'x' }, {})).resolves.toMatchObject({
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(host.dispatch).not.toHaveBeenCalled();
  });

  it('defaults to trusting only app://bundle', async () => {
    const ipc = fakeIpcMain();
    registerIpcHost({ ipcMain: ipc.ipcMain, dispatch: async () => ({ ok: true, value: 1 }) });
    await expect(ipc.invoke(trusted, 'm', {})).resolves.toEqual({ ok: true, value: 1 });
    await expect(ipc.invoke({ url: 'https://evil.example/' }, 'm', {})).resolves.toMatchObject({ ok: false });
  });

  it('registers exactly one channel and removes it again', () => {
    const host = setUp(async () => ({ ok: true, value: 1 }));
    expect([...host.handlers.keys()]).toEqual([RPC_CHANNEL]);
    host.unregister();
    expect(host.handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  function fakeWebContents() {
    return {
      send: vi.fn(),
      destroyed: false,
      isDestroyed() {
        return this.destroyed;
      },
    };
  }

  it('sends hub events on the event channel until unsubscribed', () => {
    const hub = createEventHub();
    const webContents = fakeWebContents();
    const unsubscribe = forwardEvents(hub, webContents);

    hub.emit('workspace.changed', { reason: 'systems' });
    unsubscribe();
    hub.emit('workspace.changed', { reason: 'later' });

    expect(webContents.send).toHaveBeenCalledTimes(1);
    expect(webContents.send).toHaveBeenCalledWith(RPC_EVENT_CHANNEL, 'workspace.changed', { reason: 'systems' });
  });

  it('skips a destroyed window and never lets a failing send break the emitter', () => {
    const hub = createEventHub();
    const gone = fakeWebContents();
    gone.destroyed = true;
    const broken = fakeWebContents();
    broken.send.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    const healthy = fakeWebContents();
    forwardEvents(hub, gone);
    forwardEvents(hub, broken);
    forwardEvents(hub, healthy);

    expect(() => hub.emit('workspace.changed', {})).not.toThrow();
    expect(gone.send).not.toHaveBeenCalled();
    expect(healthy.send).toHaveBeenCalledTimes(1);
  });
});
