import type { OutputOf } from '../../../src-shared/contract/api';
import { XLINK_FILE_MAX_BYTES, type TransferNote } from '../../../src-shared/contract/transfer';
import { ServiceError } from '../../../src-shared/rpc/result';
import { connectionDialect } from '../../../src-shared/sql/connection-dialect';
import { nameKey } from '../../../src-shared/contract/name-rules';
import type { ImportSystem } from '../apply-import';
import { planXlinkImport, XlinkFileError, type XlinkPlanResult } from '../xlink';

/** The uploaded files, as the contract carries them. */
export interface XlinkUpload {
  iniBase64: string;
  acdMapBase64?: string;
}

/**
 * Reads isps_ul.ini (and acd_map.ini) into a plan. `driversByDsn` names the driver behind each
 * DSN this machine knows (lower-cased DSN): the main thread looks them up, this picks the dialect.
 * Generating and checking the SQL of thousands of sections takes seconds, so it runs on the worker.
 */
export function readXlinkUpload(upload: XlinkUpload, driversByDsn: Record<string, string>): XlinkPlanResult {
  const ini = decodeUpload('isps_ul.ini', upload.iniBase64);
  const acdMap = upload.acdMapBase64 === undefined ? undefined : decodeUpload('acd_map.ini', upload.acdMapBase64);
  const drivers = new Map(Object.entries(driversByDsn));
  try {
    return planXlinkImport({
      ini,
      ...(acdMap ? { acdMap } : {}),
      dialectForDsn: (dsn) => {
        const driver = drivers.get(dsn.toLowerCase());
        return driver ? connectionDialect({ kind: 'odbc', connectionString: `DRIVER={${driver}}` }) : 'generic';
      },
    });
  } catch (error) {
    if (error instanceof XlinkFileError) throw new ServiceError('INVALID_INPUT', error.message);
    throw error;
  }
}

export function xlinkPlanAnswer(
  plan: XlinkPlanResult,
  storedNameKeys: ReadonlyMap<string, unknown>,
): OutputOf<'xlink.plan'> {
  return {
    encoding: plan.encoding,
    notes: plan.notes,
    systems: plan.systems.map((system) => ({
      name: system.name,
      vendor: system.vendor,
      connectionString: system.connectionString,
      conflict: storedNameKeys.has(nameKey(system.name)),
      integrations: system.integrations,
    })),
  };
}

/** The planned systems as an import writes them: ODBC connections in the given zone, not paused. */
export function xlinkImportSystems(plan: XlinkPlanResult, timeZone: string): ImportSystem[] {
  return plan.systems.map((system) => ({
    name: system.name,
    vendor: system.vendor,
    timeZone,
    connection: { kind: 'odbc', connectionString: system.connectionString },
    integrations: system.integrations.map((integration) => ({ ...integration, paused: false })),
  }));
}

/** Xlink kept no time zone: the import guessed this computer's, and says so. */
export const xlinkZoneNote = (timeZone: string): TransferNote => ({
  severity: 'warning',
  section: null,
  key: null,
  line: null,
  message: `Xlink kept no database time zone: the imported systems use this computer's zone (${timeZone}). Check it in each system's form.`,
});

function decodeUpload(label: string, base64: string): Uint8Array {
  // base64 is 4/3 of the bytes: refuse before decoding a hostile 50 MB upload.
  if ((base64.length * 3) / 4 > XLINK_FILE_MAX_BYTES + 3) {
    throw new ServiceError(
      'INVALID_INPUT',
      `${label} is larger than ${XLINK_FILE_MAX_BYTES / 1024 / 1024} MB; an Xlink configuration file is a few kilobytes. Choose the isps_ul.ini from Xlink's installation folder.`,
    );
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
