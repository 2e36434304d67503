import type { ExportedFile } from '../../../src-shared/contract/transfer';
import { writeFileAtomic } from '../../files/atomic-file';
import type { ExportStaging } from '../../transfer/export-staging';

/** Writes one finished export into the staging folder and names it for delivery. */
export type ExportStager = (fileName: string, data: string | Uint8Array) => Omit<ExportedFile, 'notes'>;

export function createExportStager(staging: ExportStaging): ExportStager {
  return (fileName, data) => {
    const slot = staging.reserve(fileName);
    try {
      writeFileAtomic(slot.path, data);
    } catch (error) {
      staging.release(slot);
      throw error;
    }
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    return { downloadId: slot.downloadId, fileName: slot.fileName, bytes };
  };
}
