import fs from 'node:fs';
import { openAtomicWriter } from '../files/atomic-file';

/**
 * Copies a finished export to where the user wants it (a save dialog's choice, the CLI's
 * --out): streamed, so a large row export never sits in memory, and atomic, so the target is
 * either its old self or the complete new file.
 */
export async function copyFileAtomic(source: string, target: string): Promise<number> {
  const writer = await openAtomicWriter(target);
  try {
    for await (const chunk of fs.createReadStream(source)) await writer.write(chunk as Buffer);
    await writer.commit();
    return writer.bytesWritten;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
