import path from 'node:path';
import type { AtomicWriteOptions } from '../files/atomic-file';
import { OutputPathError, resolveOutputPath } from '../files/output-path';
import { writeJournalIn } from '../files/write-journal';
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
  copy(source: string, target: string, options: AtomicWriteOptions): Promise<number>;
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
    let target: string;
    try {
      // The dialog can reach the data folder (directly or through a link): saving over
      // secrets.key or the workspace would destroy them, so the CLI's --out check applies here too.
      target = resolveOutputPath(choice.filePath, choice.filePath, { dataDir: file.dataDir });
    } catch (error) {
      if (!(error instanceof OutputPathError)) options.onError?.('checking the save path failed', error);
      return { saved: false, error: `Not saved: ${(error as Error).message}; nothing was written.` };
    }
    try {
      // The journal in the data folder lets the next start remove the temp file of a killed copy.
      await options.copy(file.path, target, { journal: writeJournalIn(file.dataDir) });
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
