import type { OutputOf, ParsedInputOf, PreviewResult, ValidationSummaryDto } from '../../src-shared/contract/api';
import type { LastValidation } from '../../src-shared/contract/last-validation';
import { ServiceError } from '../../src-shared/rpc/result';
import { sqlSha256 } from '../store/validation-history-repository';
import { resolveConnection } from './resolve-connection';
import { previewQuery, validateQuery } from './run-query';
import type { SystemsService } from './systems-service';
import type { DriverRun } from './test-connection';
import type { Workspace } from './workspace';

type ContractInput = NonNullable<ParsedInputOf<'query.preview'>['validation']>;

/**
 * Previews and full validation runs of a saved system's connection. Each run has an id chosen
 * by the caller, so it can be cancelled while it runs: on the server first, then its process.
 * A run that names its integration and checks a contract is kept as that integration's last
 * validation, for the hand-off sheet.
 */
export class PreviewService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly ws: Workspace,
    private readonly systems: SystemsService,
    private readonly run: DriverRun,
    private readonly progressed: (runId: string, rowsRead: number, rowsChecked: number, elapsedMs: number) => void,
  ) {}

  async preview(input: ParsedInputOf<'query.preview'>, caller?: AbortSignal): Promise<PreviewResult> {
    const system = this.systems.require(input.systemId);
    this.checkIntegrationOf(input.systemId, input.integrationId);
    const result = await this.track(input.previewId, caller, (signal) =>
      previewQuery(
        { ...this.target(input.systemId, input.sql), signal },
        {
          limit: input.limit,
          timeoutMs: input.timeoutMs,
          timeZone: system.timeZone,
          ...(input.validation ? { contract: { ...input.validation, timeZone: system.timeZone } } : {}),
        },
      ),
    );
    if (input.integrationId !== undefined && input.validation && result.validation) {
      this.remember(input.systemId, input.integrationId, 'preview', input.sql, input.validation, result.validation);
    }
    return result;
  }

  async validate(input: ParsedInputOf<'query.validate'>, caller?: AbortSignal): Promise<OutputOf<'query.validate'>> {
    const system = this.systems.require(input.systemId);
    this.checkIntegrationOf(input.systemId, input.integrationId);
    const started = performance.now();
    const result = await this.track(input.runId, caller, (signal) =>
      validateQuery(
        { ...this.target(input.systemId, input.sql), signal },
        {
          contract: { ...input.validation, timeZone: system.timeZone },
          timeoutMs: input.timeoutMs,
          ...(input.from ? { from: input.from } : {}),
          ...(input.to ? { to: input.to } : {}),
          onProgress: (rowsRead, rowsChecked) =>
            this.progressed(input.runId, rowsRead, rowsChecked, Math.round(performance.now() - started)),
        },
      ),
    );
    if (input.integrationId !== undefined) {
      this.remember(input.systemId, input.integrationId, 'full', input.sql, input.validation, result);
    }
    return result;
  }

  /** Stops a running preview or validation: on the server where the database allows, then its process. */
  cancel(runId: string): { cancelled: boolean } {
    const abort = this.running.get(runId);
    abort?.abort();
    return { cancelled: abort !== undefined };
  }

  /** Refused before anything runs: a run kept under another system's integration would mislead its sheet. */
  private checkIntegrationOf(systemId: number, integrationId: number | undefined): void {
    if (integrationId === undefined) return;
    const integration = this.ws.integrations.get(integrationId);
    if (!integration) {
      const message = `There is no integration with id ${integrationId}; it may have been deleted.`;
      throw new ServiceError('NOT_FOUND', message, [{ path: 'integrationId', message }]);
    }
    if (integration.systemId !== systemId) {
      const message =
        `The integration "${integration.name}" (id ${integrationId}) belongs to another external system, ` +
        `not to the system with id ${systemId}. Run its query on its own system.`;
      throw new ServiceError('INVALID_INPUT', message, [{ path: 'integrationId', message }]);
    }
  }

  private remember(
    systemId: number,
    integrationId: number,
    kind: LastValidation['kind'],
    sql: string,
    contract: ContractInput,
    summary: Omit<ValidationSummaryDto, 'findings' | 'distinct'>,
  ): void {
    const entry: LastValidation = {
      kind,
      finishedAt: new Date().toISOString(),
      sqlSha256: sqlSha256(sql),
      importType: contract.importType,
      intervalMinutes: contract.intervalMinutes,
      ruleSet: contract.ruleSet,
      rowsChecked: summary.rowsChecked,
      countsBySeverity: { ...summary.countsBySeverity },
      findingCounts: definedCounts(summary.findingCounts),
      ok: summary.ok,
      firstTimestamp: summary.firstTimestamp,
      lastTimestamp: summary.lastTimestamp,
    };
    this.ws.db
      .transaction(() => {
        // The integration may have been deleted or moved while the query ran: then there is
        // nothing to keep the result for.
        if (this.ws.integrations.get(integrationId)?.systemId !== systemId) return;
        this.ws.validationHistory.record(integrationId, entry);
      })
      .immediate();
  }

  private target(systemId: number, sql: string) {
    const { connection, password } = resolveConnection(this.ws, this.systems, { systemId });
    return { run: this.run, connection, ...(password !== undefined ? { password } : {}), sql };
  }

  /**
   * Runs work under a cancellable id (the previous run with that id is cancelled). Public so
   * other query runs, such as row exports, answer `query.cancel` the same way. The work also
   * stops when its caller is gone (`caller` aborts: a closed tab, Ctrl+C).
   */
  async track<T>(
    runId: string | undefined,
    caller: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const abort = new AbortController();
    if (runId) {
      this.running.get(runId)?.abort();
      this.running.set(runId, abort);
    }
    try {
      return await work(caller ? AbortSignal.any([abort.signal, caller]) : abort.signal);
    } finally {
      if (runId && this.running.get(runId) === abort) this.running.delete(runId);
    }
  }
}

function definedCounts(counts: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter((pair): pair is [string, number] => pair[1] !== undefined));
}
