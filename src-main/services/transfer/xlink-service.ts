import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/api';
import { XLINK_FILE_MAX_BYTES, type TransferNote } from '../../../src-shared/contract/transfer';
import { ServiceError } from '../../../src-shared/rpc/result';
import { connectionDialect } from '../../../src-shared/sql/connection-dialect';
import type { Dialect } from '../../../src-shared/sql/dialect';
import { listOdbcSources } from '../../odbc/odbc-discovery';
import { applyImport, type ImportSystem } from '../../transfer/apply-import';
import { buildXlinkIni, planXlinkImport, XlinkFileError, type XlinkPlanResult } from '../../transfer/xlink';
import type { Workspace } from '../workspace';
import type { ExportStager } from './stage-export';

type XlinkFiles = ParsedInputOf<'xlink.plan'>;

/** Xlink kept no time zone; the machine's own zone is the best first guess and a note says so. */
const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** isps_ul.ini in both directions: plan (read only), import (one transaction), export. */
export class XlinkService {
  constructor(
    private readonly ws: Workspace,
    private readonly stage: ExportStager,
    private readonly appVersion: string,
    private readonly changed: (reason: string) => void,
  ) {}

  async plan(input: XlinkFiles): Promise<OutputOf<'xlink.plan'>> {
    const plan = await this.read(input);
    return {
      encoding: plan.encoding,
      notes: plan.notes,
      systems: plan.systems.map((system) => ({
        name: system.name,
        vendor: system.vendor,
        connectionString: system.connectionString,
        conflict: this.ws.systems.findByName(system.name) !== undefined,
        integrations: system.integrations,
      })),
    };
  }

  async import(input: ParsedInputOf<'xlink.import'>): Promise<OutputOf<'xlink.import'>> {
    const plan = await this.read(input);
    const timeZone = localTimeZone();
    const systems: ImportSystem[] = plan.systems.map((system) => ({
      name: system.name,
      vendor: system.vendor,
      timeZone,
      connection: { kind: 'odbc', connectionString: system.connectionString },
      integrations: system.integrations.map((integration) => ({ ...integration, paused: false })),
    }));
    const created = applyImport(this.ws, systems, { resolutions: input.resolutions, passwords: input.passwords });
    this.changed('xlink.import');
    const zoneNote: TransferNote = {
      severity: 'warning',
      section: null,
      key: null,
      line: null,
      message: `Xlink kept no database time zone: the imported systems use this computer's zone (${timeZone}). Check it in each system's form.`,
    };
    return { ...created, notes: [...plan.notes, ...(systems.length > 0 ? [zoneNote] : [])] };
  }

  export(systemIds: number[] | undefined): OutputOf<'xlink.export'> {
    const rows = this.ws.systems.list().filter((row) => systemIds === undefined || systemIds.includes(row.id));
    if (systemIds !== undefined && rows.length !== new Set(systemIds).size)
      throw new ServiceError('NOT_FOUND', 'One of the chosen systems no longer exists; refresh and choose again.');
    const integrations = this.ws.integrations.listAll();
    const { bytes, notes } = buildXlinkIni(
      rows.map((row) => ({
        name: row.name,
        vendor: row.vendor,
        timeZone: row.timeZone,
        connection: row.connection,
        integrations: integrations.filter((integration) => integration.systemId === row.id),
      })),
      { generatedAt: new Date(), appVersion: this.appVersion },
    );
    return { ...this.stage('isps_ul.ini', bytes), notes };
  }

  private async read(input: XlinkFiles): Promise<XlinkPlanResult> {
    const ini = decodeUpload('isps_ul.ini', input.iniBase64);
    const acdMap = input.acdMapBase64 === undefined ? undefined : decodeUpload('acd_map.ini', input.acdMapBase64);
    const dialectForDsn = await this.dsnDialects();
    try {
      return planXlinkImport({ ini, ...(acdMap ? { acdMap } : {}), dialectForDsn });
    } catch (error) {
      if (error instanceof XlinkFileError) throw new ServiceError('INVALID_INPUT', error.message);
      throw error;
    }
  }

  /** The SQL dialect behind each DSN this machine knows, from its driver's name. */
  private async dsnDialects(): Promise<(dsn: string) => Dialect> {
    const { dataSources } = await listOdbcSources();
    const byName = new Map(dataSources.map((source) => [source.name.toLowerCase(), source.driver ?? '']));
    return (dsn) => {
      const driver = byName.get(dsn.toLowerCase());
      return driver ? connectionDialect({ kind: 'odbc', connectionString: `DRIVER={${driver}}` }) : 'generic';
    };
  }
}

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
