import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import { createAppContext, type AppContext } from '../app-context';
import { createUtilityProcessSpawner } from './utility-process-spawner';
import { resolveDataDir } from '../data-dir';
import { StoreError } from '../store/store-error';
import {
  APP_ENTRY_URL,
  isAppBundleUrl,
  isExternalWebUrl,
  registerAppProtocol,
  registerAppScheme,
} from './app-protocol';
import { forwardEvents, registerIpcHost } from './ipc-host';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { registerSaveDownload } from './save-download';
import { copyFileAtomic } from '../transfer/copy-file-atomic';

// The Electron entry, bundled to out/electron/main.cjs: wiring only, the logic lives beside it.

const APP_TITLE = 'ACD Link Studio';
const rendererDir = path.join(__dirname, '..', 'renderer');
const dataDir = resolveDataDir();

// Before the lock: it lives in userData, so each ACD_LINK_HOME (tests, portable copies) gets its own.
app.setPath('userData', dataDir);
// Chromium's caches and local storage stay out of the folder users back up and look into.
app.setPath('sessionData', path.join(dataDir, 'chromium'));
registerAppScheme(protocol);

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // Two processes on one workspace would race on the store; the first one gets focused instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppBundleUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(start).catch(reportStartupFailure);
}

function start(): void {
  const context = openContext();
  if (!context) return;
  app.on('will-quit', () => context.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(context);
  });
  // Copy from the editor needs the clipboard; no other browser permission is useful here.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  registerAppProtocol(protocol, rendererDir);
  registerIpcHost({
    ipcMain,
    dispatch: context.dispatch,
    isTrustedSender: isAppBundleUrl,
    onError: (message, error) => context.logger.error(message, error),
  });
  registerSaveDownload({
    ipcMain,
    dialog: {
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    },
    resolve: (downloadId) => context.staging.resolve(downloadId),
    copy: copyFileAtomic,
    isTrustedSender: isAppBundleUrl,
    defaultFolder: () => app.getPath('documents'),
    onError: (message, error) => context.logger.error(message, error),
  });
  mainWindow = createMainWindow(context);
}

/** Undefined after the failure was shown to the user and quitting began. */
function openContext(): AppContext | undefined {
  try {
    // safeStorage answers "unavailable" before ready, so the cipher is made here, not above.
    const cipher = createSafeStorageCipher(safeStorage, { fallbackKeyFile: path.join(dataDir, 'secrets.key') });
    const spawn = createUtilityProcessSpawner(utilityProcess);
    return createAppContext({
      dataDir,
      cipher,
      spawnDriver: spawn,
      warmDriverProcess: true,
    });
  } catch (error) {
    reportStartupFailure(error);
    return undefined;
  }
}

function createMainWindow(context: AppContext): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_TITLE,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const stopEvents = forwardEvents(context.hub, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    stopEvents();
    if (mainWindow === window) mainWindow = undefined;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => context.logger.error('cannot load the window', error));
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function reportStartupFailure(error: unknown): void {
  // StoreError messages are written for users (which file, what to do); anything else is a bug.
  const message =
    error instanceof StoreError
      ? error.message
      : `ACD Link Studio could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
  dialog.showErrorBox(`${APP_TITLE} cannot start`, message);
  app.quit();
}
