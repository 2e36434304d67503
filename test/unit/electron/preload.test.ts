import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RPC_CHANNEL, RPC_EVENT_CHANNEL } from '../../../src-main/electron/ipc-host';
import type { Bridge } from '../../../src-renderer/api/bridge-types';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<IpcListener>>();
  const invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({
    ok: true,
    value: 'pong',
  }));
  return {
    exposed,
    listeners,
    invoke,
    /** What the main process's `webContents.send(channel, ...args)` does to this renderer. */
    emit(channel: string, ...args: unknown[]) {
      const event = { sender: 'the ipcRenderer, which must not leak' };
      listeners.get(channel)?.forEach((listener) => listener(event, ...args));
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: IpcListener) => {
      const set = fake.listeners.get(channel) ?? new Set<IpcListener>();
      set.add(listener);
      fake.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: IpcListener) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
}));

async function loadBridge(): Promise<Bridge> {
  await import('../../../src-preload/preload');
  const bridge = fake.exposed.get('bridge');
  if (!bridge) throw new Error('the preload exposed no bridge');
  return bridge as Bridge;
}

beforeEach(() => {
  vi.resetModules();
  fake.exposed.clear();
  fake.listeners.clear();
  fake.invoke.mockClear();
});

describe('preload bridge', () => {
  it('exposes exactly invoke, onEvent and saveDownload under window.bridge, nothing else', async () => {
    const bridge = await loadBridge();
    expect([...fake.exposed.keys()]).toEqual(['bridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'saveDownload']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends every call on the one rpc channel the main process serves', async () => {
    const bridge = await loadBridge();

    await expect(bridge.invoke('systems.list', {})).resolves.toEqual({ ok: true, value: 'pong' });

    expect(RPC_CHANNEL).toBe('rpc');
    expect(fake.invoke).toHaveBeenCalledWith(RPC_CHANNEL, 'systems.list', {});
  });

  it('delivers events as (name, payload) without the IPC event object, until unsubscribed', async () => {
    const bridge = await loadBridge();
    const listener = vi.fn();

    const unsubscribe = bridge.onEvent(listener);
    fake.emit(RPC_EVENT_CHANNEL, 'workspace.changed', { reason: 'systems' });
    unsubscribe();
    fake.emit(RPC_EVENT_CHANNEL, 'workspace.changed', { reason: 'later' });

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('workspace.changed', { reason: 'systems' });
    expect(fake.listeners.get(RPC_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('does not forward other channels', async () => {
    const bridge = await loadBridge();
    const listener = vi.fn();
    bridge.onEvent(listener);

    fake.emit('some-other-channel', 'workspace.changed', {});

    expect(listener).not.toHaveBeenCalled();
    expect([...fake.listeners.keys()]).toEqual([RPC_EVENT_CHANNEL]);
  });
});
