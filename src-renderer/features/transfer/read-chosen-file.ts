import type { TFunction } from 'i18next';
import { fileSizeProblem } from './transfer-files';

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Reads a chosen file after checking its size, with a message that names the file and says what
 * to do; nothing is sent when either fails.
 */
export async function readChosenFile<T>(
  file: File,
  maxBytes: number,
  t: TFunction,
  read: (file: File) => Promise<T>,
): Promise<ReadOutcome<T>> {
  const problem = fileSizeProblem(file, maxBytes);
  if (problem) return { ok: false, message: t('transfer.file.tooBig', { ...problem }) };
  try {
    return { ok: true, value: await read(file) };
  } catch (error) {
    return {
      ok: false,
      message: t('transfer.file.unreadable', {
        name: file.name,
        message: error instanceof Error ? error.message : String(error),
      }),
    };
  }
}
