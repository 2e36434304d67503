import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../src-renderer/api/bridge-types';

// Electron is faked at its edge only: the preload's own code runs as it does in the app.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({
    saved: true,
    path: '/x/y.json',
  })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: { invoke: fake.invoke, on: () => undefined, removeListener: () => undefined },
}));

async function loadBridge(): Promise<Bridge> {
  await import('../../../src-preload/preload');
  return fake.exposed.get('bridge') as Bridge;
}

beforeEach(() => {
  vi.resetModules();
  fake.exposed.clear();
  fake.invoke.mockClear();
});

describe('preload saveDownload', () => {
  it('asks the main process on the download:save channel with the download id only', async () => {
    const bridge = await loadBridge();
    await expect(bridge.saveDownload('0123456789abcdef0123456789abcdef')).resolves.toEqual({
      saved: true,
      path: '/x/y.json',
    });
    expect(fake.invoke).toHaveBeenCalledWith('download:save', '0123456789abcdef0123456789abcdef');
  });

  it('passes a closed dialog or a failed copy through as the main process answered', async () => {
    const bridge = await loadBridge();
    fake.invoke.mockResolvedValueOnce({ saved: false });
    await expect(bridge.saveDownload('a')).resolves.toEqual({ saved: false });
    fake.invoke.mockResolvedValueOnce({
      saved: false,
      error: 'Could not save to /ro/x.json (EACCES); nothing was written.',
    });
    await expect(bridge.saveDownload('a')).resolves.toMatchObject({ saved: false, error: /EACCES/ });
  });

  it('matches the channel the main process serves', async () => {
    const { DOWNLOAD_CHANNEL } = await import('../../../src-main/electron/save-download');
    const bridge = await loadBridge();
    await bridge.saveDownload('b');
    expect(fake.invoke.mock.calls[0]?.[0]).toBe(DOWNLOAD_CHANNEL);
  });
});
