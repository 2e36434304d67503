/**
 * The temp files of atomic writes: how they are named, which ones this process has open, and
 * whether the process that named one is still writing it. Shared by the writer (atomic-file.ts),
 * the cleanup of a folder (cleanLeftovers) and the journal of temp files outside the data folder
 * (write-journal.ts), so all three agree on what "our temp file" means.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Suffix of our temp files: `.<target base name>.<pid>.<random>.acd-link-tmp` beside the target. */
export const TEMP_SUFFIX = '.acd-link-tmp';

/** The writer's pid is part of the name, so a cleanup can tell a live write from a dead one. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.acd-link-tmp$/;
/** Leaves room for the pid, random part and suffix within the usual 255-byte file-name limit. */
const MAX_BASE_BYTES = 150;

/** A file name of ours, taken apart; undefined for any other name. */
export function parseTempName(name: string): { base: string; pid: number } | undefined {
  const match = TEMP_NAME.exec(name);
  if (match === null) return undefined;
  return { base: match[1] ?? '', pid: Number(match[2]) };
}

/** The target's name as the temp name carries it: cut to whole characters within MAX_BASE_BYTES of UTF-8. */
export function baseOf(target: string): string {
  let base = '';
  let bytes = 0;
  for (const character of path.basename(target)) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > MAX_BASE_BYTES) break;
    base += character;
  }
  return base;
}

export function tempPathFor(target: string): string {
  const base = baseOf(target);
  const random = crypto.randomBytes(6).toString('hex');
  // Absolute, so cleanups recognise our own open files however the folder was named.
  return path.resolve(path.dirname(target), `.${base}.${process.pid}.${random}${TEMP_SUFFIX}`);
}

/**
 * Temp files this process is writing, each with what to do once it is gone (forget its journal
 * record). Removed if the process exits in an orderly way mid-write.
 */
const openTempFiles = new Map<string, (() => void) | undefined>();
let exitHookInstalled = false;

export function trackTempFile(tempPath: string, onGone?: () => void): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A kill -9 skips this; cleanLeftovers and cleanPendingWrites handle that case at the next start.
    process.once('exit', () => {
      for (const [file, gone] of openTempFiles) {
        removeQuietly(file);
        gone?.();
      }
    });
  }
  openTempFiles.set(tempPath, onGone);
}

/** The write is over (renamed or removed): stop tracking, and forget its journal record. */
export function untrackTempFile(tempPath: string): void {
  const gone = openTempFiles.get(tempPath);
  openTempFiles.delete(tempPath);
  gone?.();
}

/** Whether `pid` may still be writing `tempPath`; a pid that cannot be a process counts as gone. */
export function isWriting(pid: number, tempPath: string): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false; // kill(0) or kill(-n) would ask about process groups
  // Our own pid: live only if we hold the file open (a container restart often reuses the pid).
  if (pid === process.pid) return openTempFiles.has(tempPath);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or the folder went away: nothing left to clean.
  }
}
