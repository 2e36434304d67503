import type { ExportedFile } from '../../src-shared/contract/transfer';
import { downloadUrl } from './download-url';
import { storedToken } from './websocket-transport';
import './bridge-types';

/** How a finished export reached the user. */
export type Delivery =
  | { kind: 'saved'; path?: string }
  /** Electron: the save dialog was closed; the staged file can still be saved. */
  | { kind: 'not-saved' }
  /** Web mode: the browser was asked to download it; `url` serves it again for a manual retry. */
  | { kind: 'downloaded'; url: string }
  | { kind: 'failed'; message: string; reason?: 'no-token' };

/**
 * Hands a staged export to the user: Electron's native save dialog, or a browser download in
 * web mode. The file is never read into the renderer, so its size does not matter here.
 */
export async function deliverExport(file: Pick<ExportedFile, 'downloadId' | 'fileName'>): Promise<Delivery> {
  const bridge = window.bridge;
  if (bridge) {
    try {
      const answer = await bridge.saveDownload(file.downloadId);
      if (answer.saved) return { kind: 'saved', ...(answer.path ? { path: answer.path } : {}) };
      return answer.error ? { kind: 'failed', message: answer.error } : { kind: 'not-saved' };
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }
  const token = storedToken();
  if (!token) return { kind: 'failed', message: 'missing token', reason: 'no-token' };
  const url = downloadUrl(file.downloadId, token);
  startBrowserDownload(url, file.fileName);
  return { kind: 'downloaded', url };
}

/** An <a download> click: the page stays, and the host's Content-Disposition names the file. */
function startBrowserDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
