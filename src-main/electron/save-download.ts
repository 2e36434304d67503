import path from 'node:path';
import type { StagedFile } from '../transfer/export-staging';
import type { InvokeEventLike, IpcMainLike } from './ipc-host';

/** Must match DOWNLOAD_CHANNEL in src-preload/preload.ts. */
export const DOWNLOAD_CHANNEL = 'download:save';

export interface SaveDialogLike {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface SaveDownloadOptions {
  ipcMain: Pick<IpcMainLike, 'removeHandler'> & {
    handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  };
  dialog: SaveDialogLike;
  resolve(downloadId: string): StagedFile;
  copy(source: string, target: string): Promise<number>;
  isTrustedSender(frameUrl: string): boolean;
  defaultFolder(): string;
  onError?: (message: string, error?: unknown) => void;
}

export type SaveDownloadAnswer = { saved: true; path: string } | { saved: false; error?: string };

/**
 * Electron's delivery of a finished export: the native save dialog, then an atomic copy. The
 * renderer names only a download id; the path comes from the dialog the user answered.
 */
export function registerSaveDownload(options: SaveDownloadOptions): () => void {
  options.ipcMain.handle(DOWNLOAD_CHANNEL, async (event, downloadId): Promise<SaveDownloadAnswer> => {
    const frameUrl = event.senderFrame?.url;
    if (frameUrl === undefined || !options.isTrustedSender(frameUrl)) {
      options.onError?.(`refused a download request from ${frameUrl ?? 'an unknown frame'}`);
      return { saved: false, error: 'This window is not allowed to save exports.' };
    }
    let file: StagedFile;
    try {
      file = options.resolve(String(downloadId));
    } catch (error) {
      return { saved: false, error: (error as Error).message };
    }
    const extension = path.extname(file.fileName).slice(1);
    const choice = await options.dialog.showSaveDialog({
      title: 'Save export',
      defaultPath: path.join(options.defaultFolder(), file.fileName),
      ...(extension ? { filters: [{ name: extension.toUpperCase(), extensions: [extension] }] } : {}),
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    try {
      await options.copy(file.path, choice.filePath);
      return { saved: true, path: choice.filePath };
    } catch (error) {
      options.onError?.('saving an export failed', error);
      const code = (error as NodeJS.ErrnoException).code;
      return {
        saved: false,
        error: `Could not save to ${choice.filePath}${code ? ` (${code})` : ''}; nothing was written.`,
      };
    }
  });
  return () => options.ipcMain.removeHandler(DOWNLOAD_CHANNEL);
}
