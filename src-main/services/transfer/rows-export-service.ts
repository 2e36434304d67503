import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/api';
import { ServiceError } from '../../../src-shared/rpc/result';
import type { ExportStaging } from '../../transfer/export-staging';
import { exportRows } from '../export-rows';
import type { PreviewService } from '../preview-service';
import { resolveConnection } from '../resolve-connection';
import type { SystemsService } from '../systems-service';
import type { DriverRun } from '../test-connection';
import type { Workspace } from '../workspace';

/** The validated rows of a preview or a full run, as CSV or JSON Lines, staged for delivery. */
export class RowsExportService {
  constructor(
    private readonly ws: Workspace,
    private readonly systems: SystemsService,
    private readonly preview: PreviewService,
    private readonly staging: ExportStaging,
    private readonly run: DriverRun,
    private readonly progressed: (runId: string, rowsRead: number, rowsChecked: number, elapsedMs: number) => void,
  ) {}

  async export(input: ParsedInputOf<'rows.export'>, caller?: AbortSignal): Promise<OutputOf<'rows.export'>> {
    const system = this.systems.require(input.systemId);
    const integration = input.integrationId === undefined ? undefined : this.ws.integrations.get(input.integrationId);
    if (input.integrationId !== undefined && integration?.systemId !== input.systemId)
      throw new ServiceError('NOT_FOUND', `There is no integration with id ${input.integrationId} in this system.`);
    const { connection, password } = resolveConnection(this.ws, this.systems, { systemId: input.systemId });
    const stem = fileStem(integration?.name ?? system.name);
    const day = new Date().toISOString().slice(0, 10);
    const slot = this.staging.reserve(`${stem}-rows-${day}.${input.format}`);
    const started = performance.now();
    try {
      const result = await this.preview.track(input.runId, caller, (signal) =>
        exportRows(
          { run: this.run, connection, ...(password !== undefined ? { password } : {}), sql: input.sql, signal },
          {
            format: input.format,
            scope: input.scope,
            limit: input.limit,
            contract: { ...input.validation, timeZone: system.timeZone },
            includeInvalid: input.includeInvalid,
            timeoutMs: input.timeoutMs,
            onProgress: (rowsRead, rowsWritten) => {
              if (input.runId)
                this.progressed(input.runId, rowsRead, rowsWritten, Math.round(performance.now() - started));
            },
          },
          slot.path,
        ),
      );
      return {
        downloadId: slot.downloadId,
        fileName: slot.fileName,
        bytes: result.bytes,
        rowsWritten: result.rowsWritten,
        rowsLeftOut: result.rowsLeftOut,
        // The data is written unchanged; a value that is exactly the password is said here, without it.
        notes: result.warnings.map((message) => ({
          severity: 'warning',
          section: null,
          key: null,
          line: null,
          message,
        })),
      };
    } catch (error) {
      this.staging.release(slot);
      throw error;
    }
  }
}

/** A file-name stem from a user-given name: letters, digits and dashes only. */
function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return stem || 'query';
}
