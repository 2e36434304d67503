import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Literals on purpose: a sandboxed preload can require only 'electron', so it imports nothing of
// ours. They must match RPC_CHANNEL and RPC_EVENT_CHANNEL in src-main/electron/ipc-host.ts.
const RPC_CHANNEL = 'rpc';
const RPC_EVENT_CHANNEL = 'rpc:event';
// Must match DOWNLOAD_CHANNEL in src-main/electron/save-download.ts (the native save dialog).
const DOWNLOAD_CHANNEL = 'download:save';

type EventListener = (name: string, payload: unknown) => void;

/**
 * The renderer's whole reach into the main process: one call channel, one event channel, and the
 * save dialog for a staged export (named by its id only, so no path ever comes from the renderer).
 * ipcRenderer itself and the IPC event object (which carries `sender`) never cross the bridge.
 */
contextBridge.exposeInMainWorld('bridge', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(RPC_CHANNEL, method, input),
  saveDownload: (downloadId: string): Promise<{ saved: boolean; path?: string; error?: string }> =>
    ipcRenderer.invoke(DOWNLOAD_CHANNEL, downloadId),
  onEvent: (listener: EventListener): (() => void) => {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(RPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(RPC_EVENT_CHANNEL, forward);
    };
  },
});
