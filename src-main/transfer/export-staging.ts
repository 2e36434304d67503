import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../../src-shared/rpc/result';

/** Where finished exports wait to be downloaded (web mode) or saved (Electron's save dialog). */
export const STAGING_FOLDER = 'exports';

const DOWNLOAD_ID = /^[a-f0-9]{32}$/;

export interface StagedFile {
  readonly downloadId: string;
  readonly fileName: string;
  readonly path: string;
  /** The data folder it is staged in: a copy elsewhere records its temp file there, and must not land in it. */
  readonly dataDir: string;
}

/**
 * Exports are written atomically into `<dataDir>/exports/<pid>/<downloadId>/<fileName>` and handed
 * out by id only, so no transport ever passes a file-system path from the renderer to the
 * services. Each process has its own folder (the CLI may run beside the app on the same data
 * folder); at start, the folders of processes that are gone are removed with whatever they held.
 */
export class ExportStaging {
  readonly dataDir: string;
  readonly root: string;
  readonly dir: string;

  constructor(dataDir: string, pid = process.pid) {
    this.dataDir = path.resolve(dataDir);
    this.root = path.join(this.dataDir, STAGING_FOLDER);
    this.dir = path.join(this.root, String(pid));
  }

  /** Removes what earlier runs left behind: delivered files and half-written temp files. */
  clean(): void {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(this.root);
    } catch {
      // No staging folder yet.
    }
    for (const entry of entries) {
      const folder = path.join(this.root, entry);
      if (folder === this.dir || !/^\d+$/.test(entry) || !isAlive(Number(entry)))
        fs.rmSync(folder, { recursive: true, force: true });
    }
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** A new, empty slot; the caller writes `path` atomically. */
  reserve(fileName: string): StagedFile {
    if (path.basename(fileName) !== fileName || fileName.startsWith('.')) {
      throw new Error(`internal: staged file names must be plain names, got "${fileName}"`);
    }
    const downloadId = crypto.randomBytes(16).toString('hex');
    const folder = path.join(this.dir, downloadId);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    return { downloadId, fileName, path: path.join(folder, fileName), dataDir: this.dataDir };
  }

  /** Forgets a slot whose export failed. */
  release(file: StagedFile): void {
    fs.rmSync(path.dirname(file.path), { recursive: true, force: true });
  }

  /** The staged file for a download id, or NOT_FOUND. */
  resolve(downloadId: string): StagedFile {
    if (!DOWNLOAD_ID.test(downloadId)) throw notFound();
    const folder = path.join(this.dir, downloadId);
    let names: string[];
    try {
      names = fs.readdirSync(folder).filter((name) => !name.startsWith('.'));
    } catch {
      throw notFound();
    }
    const fileName = names[0];
    if (names.length !== 1 || fileName === undefined) throw notFound();
    return { downloadId, fileName, path: path.join(folder, fileName), dataDir: this.dataDir };
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const notFound = () =>
  new ServiceError('NOT_FOUND', 'This export is no longer available (exports are kept until the app restarts).');
