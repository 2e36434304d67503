import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../src-shared/rpc/result';

type Handler = (...args: unknown[]) => unknown;

/** A fully fake Electron: records what main.ts asks of it, and lets tests fire its events. */
const electron = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler[]>();
  const state = {
    lock: true,
    windows: [] as FakeWindow[],
    ipcHandlers: new Map<string, Handler>(),
    contentsHandlers: new Map<string, Handler>(),
    windowOpenHandler: undefined as Handler | undefined,
  };

  class FakeWindow {
    static getAllWindows = () => state.windows;
    readonly loadedUrls: string[] = [];
    readonly webContents = { send: vi.fn(), isDestroyed: () => false };
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    isMinimized() {
      return false;
    }
  }

  const app = {
    setPath: vi.fn(),
    quit: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(() => Promise.resolve()),
    on: vi.fn((name: string, handler: Handler) => {
      appHandlers.set(name, [...(appHandlers.get(name) ?? []), handler]);
    }),
  };

  return {
    state,
    fire: (name: string, ...args: unknown[]) => appHandlers.get(name)?.forEach((handler) => handler(...args)),
    reset() {
      appHandlers.clear();
      state.lock = true;
      state.windows.length = 0;
      state.ipcHandlers.clear();
      state.contentsHandlers.clear();
      state.windowOpenHandler = undefined;
      vi.clearAllMocks();
    },
    module: {
      app,
      BrowserWindow: FakeWindow,
      ipcMain: {
        handle: vi.fn((channel: string, handler: Handler) => state.ipcHandlers.set(channel, handler)),
        removeHandler: vi.fn(),
      },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (plain: string) => Buffer.from(plain),
        decryptString: (bytes: Buffer) => bytes.toString(),
      },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn() } },
      dialog: { showErrorBox: vi.fn() },
      shell: { openExternal: vi.fn(() => Promise.resolve()) },
      utilityProcess: { fork: vi.fn() },
    },
  };
});

// The real app context needs the store and demo generator; main.ts only wires it.
const context = vi.hoisted(() => ({
  createAppContext: vi.fn(),
  close: vi.fn(),
  dispatch: vi.fn(async (method: string): Promise<Result<unknown>> => ({ ok: true, value: `ran ${method}` })),
}));

vi.mock('electron', () => electron.module);
vi.mock('../../../src-main/app-context', () => ({ createAppContext: context.createAppContext }));

let home: string;

beforeEach(async () => {
  electron.reset();
  vi.resetModules();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-main-'));
  vi.stubEnv('ACD_LINK_HOME', home);
  const { createEventHub } = await import('../../../src-shared/rpc/memory-transport');
  context.createAppContext.mockImplementation(() => ({
    dispatch: context.dispatch,
    hub: createEventHub(),
    workspace: {},
    logger: { info: vi.fn(), error: vi.fn() },
    seededDemo: false,
    close: context.close,
  }));
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  fs.rmSync(home, { recursive: true, force: true });
});

async function startMain(): Promise<void> {
  await import('../../../src-main/electron/main');
}

async function startedWindow() {
  await startMain();
  await vi.waitFor(() => expect(electron.state.windows).toHaveLength(1));
  const window = electron.state.windows[0];
  if (!window) throw new Error('no window');
  return window;
}

describe('Electron main', () => {
  it('opens one sandboxed, isolated window on the bundled app', async () => {
    const window = await startedWindow();

    expect(window.options).toMatchObject({
      title: 'ACD Link Studio',
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    const webPreferences = window.options.webPreferences as { preload: string };
    expect(path.basename(webPreferences.preload)).toBe('preload.cjs');
    expect(window.loadedUrls).toEqual(['app://bundle/index.html']);
  });

  it('keeps its data in ACD_LINK_HOME and gives the context the keychain cipher', async () => {
    await startedWindow();

    expect(electron.module.app.setPath).toHaveBeenCalledWith('userData', home);
    expect(context.createAppContext).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: home, cipher: expect.objectContaining({ info: { kind: 'safe-storage' } }) }),
    );
  });

  it('registers the privileged scheme before ready and serves the bundle after', async () => {
    await startedWindow();

    const { protocol, app } = electron.module;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0] ?? 0,
    );
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves the contract on the rpc channel to the app window only', async () => {
    await startedWindow();
    const handler = electron.state.ipcHandlers.get('rpc');
    if (!handler) throw new Error('no rpc handler');

    await expect(handler({ senderFrame: { url: 'app://bundle/index.html' } }, 'systems.list', {})).resolves.toEqual({
      ok: true,
      value: 'ran systems.list',
    });
    await expect(handler({ senderFrame: { url: 'https://evil.example/' } }, 'systems.list', {})).resolves.toMatchObject(
      {
        ok: false,
        error: { code: 'UNAUTHORIZED' },
      },
    );
    expect(context.dispatch).toHaveBeenCalledTimes(1);
  });

  it('denies new windows, opening only web links in the browser, and blocks navigation away', async () => {
    await startMain();
    let windowOpenHandler: Handler | undefined;
    const navigationHandlers = new Map<string, Handler>();
    electron.fire(
      'web-contents-created',
      {},
      {
        setWindowOpenHandler: (handler: Handler) => (windowOpenHandler = handler),
        on: (name: string, handler: Handler) => navigationHandlers.set(name, handler),
      },
    );

    expect(windowOpenHandler?.({ url: 'https://www.postgresql.org/' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.module.shell.openExternal).toHaveBeenCalledWith('https://www.postgresql.org/');

    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      navigationHandlers.get('will-navigate')?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://bundle/index.html')).toBe(false);
  });

  it('closes the workspace when the app quits', async () => {
    await startedWindow();
    expect(context.close).not.toHaveBeenCalled();
    electron.fire('will-quit');
    expect(context.close).toHaveBeenCalledTimes(1);
  });

  it('shows the store error to the user and quits when the workspace cannot open', async () => {
    const { StoreError } = await import('../../../src-main/store/store-error');
    const message = `${home}/workspace.sqlite was made by a newer ACD Link Studio. Update the application.`;
    context.createAppContext.mockImplementation(() => {
      throw new StoreError('STORE_TOO_NEW', message);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await startMain();

    await vi.waitFor(() => expect(electron.module.app.quit).toHaveBeenCalled());
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), message);
    expect(electron.state.windows).toHaveLength(0);
  });

  it('leaves the work to the first instance when another one is running', async () => {
    electron.state.lock = false;

    await startMain();

    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
    expect(context.createAppContext).not.toHaveBeenCalled();
  });
});
