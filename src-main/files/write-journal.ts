/**
 * The journal of temp files outside the data folder. cleanLeftovers only looks in folders the app
 * owns; a copy to the CLI's --out or to the save dialog's choice puts its temp file in the user's
 * folder, which a kill -9 would leave there for good. So before such a temp file is created, its
 * path is recorded in `<data>/pending-writes/<pid>.<random>.json` (written atomically, with the
 * writer's pid); the record goes once the write is over, and at start the temp files of records
 * whose process is gone are removed, then the records.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cleanLeftovers, writeFileAtomic } from './atomic-file';
import { isWriting, parseTempName, removeQuietly } from './temp-files';

export const JOURNAL_FOLDER = 'pending-writes';

/** `<pid>.<random>.json`: any other name in the journal folder is not ours and stays. */
const RECORD_NAME = /^(\d+)\.([0-9a-f]+)\.json$/;
/** A record is a few hundred bytes; anything much larger was not written by us. */
const MAX_RECORD_BYTES = 64 * 1024;

export interface WriteJournal {
  /** Records a temp file about to be created; returns what forgets the record once the write is over. */
  record(tempPath: string): () => void;
}

interface PendingWrite {
  pid: number;
  tempPath: string;
}

export function journalFolder(dataDir: string): string {
  return path.join(path.resolve(dataDir), JOURNAL_FOLDER);
}

export function writeJournalIn(dataDir: string): WriteJournal {
  const dir = journalFolder(dataDir);
  return {
    record(tempPath) {
      const file = path.join(dir, `${process.pid}.${crypto.randomBytes(6).toString('hex')}.json`);
      const record: PendingWrite = { pid: process.pid, tempPath };
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        // Atomic and fsynced: the record is on disk before the temp file it names exists.
        writeFileAtomic(file, `${JSON.stringify(record)}\n`);
      } catch (error) {
        // Without a record a kill would leave the temp file for good: better not to start.
        throw new Error(
          `could not record the temp file in ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
      }
      return () => removeQuietly(file);
    },
  };
}

/**
 * At start: for each record whose process is gone, removes the temp file it names (only if that
 * is exactly a temp file we name, for that pid, as a regular file in a real folder), then the
 * record. Records of live writers stay. Returns how many temp files were removed.
 */
export function cleanPendingWrites(dataDir: string): number {
  const dir = journalFolder(dataDir);
  cleanLeftovers(dir); // records whose own atomic write was killed
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0; // no journal yet
  }
  let removed = 0;
  for (const entry of entries) {
    const name = RECORD_NAME.exec(entry.name);
    if (name === null || !entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    const record = readRecord(file);
    const pid = Number(name[1]);
    // The record names the live write's temp file; an unreadable one of a live pid may be mid-write.
    if (isWriting(pid, record?.tempPath ?? '')) continue;
    if (record !== undefined && record.pid === pid && isOurTempFile(record)) {
      try {
        fs.unlinkSync(record.tempPath);
        removed += 1;
      } catch {
        // Removed meanwhile (by its folder's owner, or another start): nothing left to do.
      }
    }
    removeQuietly(file);
  }
  return removed;
}

function readRecord(file: string): PendingWrite | undefined {
  try {
    if (fs.lstatSync(file).size > MAX_RECORD_BYTES) return undefined;
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PendingWrite>;
    if (typeof parsed.pid !== 'number' || typeof parsed.tempPath !== 'string') return undefined;
    return { pid: parsed.pid, tempPath: parsed.tempPath };
  } catch {
    return undefined;
  }
}

/**
 * Whether the record names exactly a temp file of ours, written by that pid: an absolute,
 * normalised path, in a folder that is its own real path (the writers write there), with our
 * temp name and the record's pid, and a regular file, not a link. Anything else is left alone.
 */
function isOurTempFile(record: PendingWrite): boolean {
  const { tempPath, pid } = record;
  if (!path.isAbsolute(tempPath) || path.resolve(tempPath) !== tempPath) return false;
  if (parseTempName(path.basename(tempPath))?.pid !== pid) return false;
  try {
    if (fs.realpathSync.native(path.dirname(tempPath)) !== path.dirname(tempPath)) return false;
    return fs.lstatSync(tempPath).isFile();
  } catch {
    return false; // gone already, or its folder is
  }
}
