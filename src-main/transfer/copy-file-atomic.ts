import fs from 'node:fs';
import { type AtomicWriteOptions, openAtomicWriter } from '../files/atomic-file';

/**
 * Copies a finished export to where the user wants it (a save dialog's choice, the CLI's
 * --out): streamed, so a large row export never sits in memory, and atomic, so the target is
 * either its old self or the complete new file. The target is outside the data folder, so
 * callers pass a journal there (`{ journal: writeJournalIn(dataDir) }`): a kill mid-copy then
 * leaves a temp file that the next start removes.
 */
export async function copyFileAtomic(
  source: string,
  target: string,
  options: AtomicWriteOptions = {},
): Promise<number> {
  const writer = await openAtomicWriter(target, options);
  try {
    for await (const chunk of fs.createReadStream(source)) await writer.write(chunk as Buffer);
    await writer.commit();
    return writer.bytesWritten;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
