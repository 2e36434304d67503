import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/api';
import { ServiceError } from '../../../src-shared/rpc/result';
import { listOdbcSources } from '../../odbc/odbc-discovery';
import { buildXlinkIni } from '../../transfer/xlink';
import type { Workspace } from '../workspace';
import type { RunImport } from './import-runner';
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
    /** Reading the files, and checking and writing the systems, run on a worker thread. */
    private readonly runImport: RunImport,
  ) {}

  async plan(input: XlinkFiles): Promise<OutputOf<'xlink.plan'>> {
    const job = { kind: 'xlink.plan', upload: upload(input), driversByDsn: await this.driversByDsn() } as const;
    return (await this.runImport(job, input.runId)) as OutputOf<'xlink.plan'>;
  }

  async import(input: ParsedInputOf<'xlink.import'>): Promise<OutputOf<'xlink.import'>> {
    const job = {
      kind: 'xlink.import',
      upload: upload(input),
      driversByDsn: await this.driversByDsn(),
      timeZone: localTimeZone(),
      options: { resolutions: input.resolutions, passwords: input.passwords },
    } as const;
    const created = await this.runImport(job, input.runId);
    this.changed('xlink.import');
    return created as OutputOf<'xlink.import'>;
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

  /** The driver behind each DSN this machine knows, by lower-cased DSN: the worker picks the SQL dialect from it. */
  private async driversByDsn(): Promise<Record<string, string>> {
    const { dataSources } = await listOdbcSources();
    return Object.fromEntries(dataSources.map((source) => [source.name.toLowerCase(), source.driver ?? '']));
  }
}

const upload = (files: XlinkFiles) => ({
  iniBase64: files.iniBase64,
  ...(files.acdMapBase64 === undefined ? {} : { acdMapBase64: files.acdMapBase64 }),
});
