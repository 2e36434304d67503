/**
 * Atomic file writing: a reader (or the next start after a crash, a kill -9 or a full disk) sees
 * the old file or the complete new one, never a torn one. The bytes go to a temp file beside the
 * target (same folder, so the rename cannot cross file systems), are fsynced, and the temp file is
 * renamed over the target; the folder is fsynced so the rename itself survives a power cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  baseOf,
  isWriting,
  parseTempName,
  removeQuietly,
  tempPathFor,
  trackTempFile,
  untrackTempFile,
} from './temp-files';
import type { WriteJournal } from './write-journal';

export { TEMP_SUFFIX } from './temp-files';

/** Bytes a streaming writer collects before it writes them: few system calls, bounded memory. */
const FLUSH_BYTES = 1024 * 1024;

export interface AtomicWriteOptions {
  /**
   * For a target outside the data folder: the temp file is recorded there before it is created,
   * so the next start removes it if this process is killed mid-write (cleanPendingWrites).
   */
  journal?: WriteJournal;
}

/** An error that names the file and what went wrong, without the stack noise of the fs call. */
function writeError(target: string, error: unknown): Error {
  const cause = error as NodeJS.ErrnoException;
  const reason =
    cause.code === 'ENOENT'
      ? `the folder ${path.dirname(target)} does not exist`
      : cause.code === 'ENOSPC'
        ? 'the disk is full'
        : cause.code === 'EACCES' || cause.code === 'EPERM'
          ? `no permission to write in ${path.dirname(target)}`
          : cause.code === 'EISDIR'
            ? 'a folder of that name is in the way'
            : (cause.message ?? String(error));
  return new Error(`Could not write ${target}: ${reason}. The previous file, if any, is unchanged.`, { cause: error });
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // The write already failed; that error is the one to report.
  }
}

/** Makes the rename durable. Windows cannot open a folder for fsync; NTFS journals renames itself. */
function fsyncFolderSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function fsyncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** temp file in the target's folder (mode 0o600), write, fsync, close, rename over the target, fsync the folder. On any error the temp file is removed and the old target is untouched. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tempPath = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tempPath, 'wx', 0o600);
    trackTempFile(tempPath);
    fs.writeFileSync(fd, toBytes(data));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tempPath, target);
    untrackTempFile(tempPath);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(tempPath);
    untrackTempFile(tempPath);
    throw writeError(target, error);
  }
  // The new file is in place; a failed folder fsync only weakens durability against a power cut.
  try {
    fsyncFolderSync(path.dirname(target));
  } catch {
    // Some file systems (network shares) refuse to fsync a folder.
  }
}

export async function writeFileAtomicAsync(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const writer = await openAtomicWriter(target, options);
  try {
    await writer.write(data);
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Streaming variant for big exports: write() respects backpressure; commit() fsyncs and renames; abort() removes the temp file. */
export interface AtomicWriter {
  readonly tempPath: string;
  write(chunk: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  /** Bytes accepted so far; all of them are in the target once commit() has resolved. */
  readonly bytesWritten: number;
}

export async function openAtomicWriter(target: string, options: AtomicWriteOptions = {}): Promise<AtomicWriter> {
  const tempPath = tempPathFor(target);
  // Tracked before the journal record exists, so a cleanup in this same process (another app
  // context) never takes the record of this live write for a dead one.
  trackTempFile(tempPath);
  let handle: fs.promises.FileHandle;
  try {
    // Recorded before the file exists: a kill at any moment leaves no temp file without a record.
    if (options.journal) trackTempFile(tempPath, options.journal.record(tempPath));
    handle = await fs.promises.open(tempPath, 'wx', 0o600);
  } catch (error) {
    untrackTempFile(tempPath);
    throw writeError(target, error);
  }
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let bytesWritten = 0;
  let state: 'open' | 'committed' | 'aborted' = 'open';
  // Calls run one after another even when a caller does not await them.
  let queue: Promise<void> = Promise.resolve();
  const serially = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const flush = async (): Promise<void> => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    // handle.write may write less than asked (rare on files, but allowed): loop until done.
    for (let offset = 0; offset < bytes.length;) {
      const { bytesWritten: written } = await handle.write(bytes, offset, bytes.length - offset);
      offset += written;
    }
  };

  const discard = async (): Promise<void> => {
    state = 'aborted';
    pending = [];
    pendingBytes = 0;
    await handle.close().catch(() => undefined);
    removeQuietly(tempPath);
    untrackTempFile(tempPath);
  };

  const mustBeOpen = (what: string): void => {
    if (state !== 'open') throw new Error(`internal: ${what} after the atomic write of ${target} was ${state}`);
  };

  return {
    tempPath,
    get bytesWritten() {
      return bytesWritten;
    },
    write: (chunk) =>
      serially(async () => {
        mustBeOpen('write');
        // A copy: the caller may reuse its buffer once write() has resolved, before the flush.
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
        pending.push(bytes);
        pendingBytes += bytes.byteLength;
        bytesWritten += bytes.byteLength;
        if (pendingBytes < FLUSH_BYTES) return;
        try {
          await flush();
        } catch (error) {
          await discard();
          throw writeError(target, error);
        }
      }),
    commit: () =>
      serially(async () => {
        mustBeOpen('commit');
        try {
          await flush();
          await handle.sync();
          await handle.close();
          await fs.promises.rename(tempPath, target);
        } catch (error) {
          await discard();
          throw writeError(target, error);
        }
        state = 'committed';
        untrackTempFile(tempPath);
        await fsyncFolder(path.dirname(target)).catch(() => undefined);
      }),
    abort: () =>
      serially(async () => {
        if (state === 'open') await discard();
      }),
  };
}

/** Removes our leftover temp files in a folder (those whose writer process is gone); returns how many. Only names matching the TEMP_SUFFIX pattern are touched. */
export function cleanLeftovers(dir: string): number {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0; // no folder, nothing left over
  }
  let removed = 0;
  for (const entry of entries) {
    const name = parseTempName(entry.name);
    const file = path.resolve(dir, entry.name);
    if (!entry.isFile() || name === undefined || isWriting(name.pid, file)) continue;
    try {
      fs.unlinkSync(file);
      removed += 1;
    } catch {
      // Removed meanwhile by another cleaner: not ours to count.
    }
  }
  return removed;
}

/** Our temp files for `target` that are still on disk (a live writer's, or leftovers not yet cleaned). */
export function tempFilesOf(target: string): string[] {
  const dir = path.dirname(target);
  const base = baseOf(target);
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => parseTempName(name)?.base === base)
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
