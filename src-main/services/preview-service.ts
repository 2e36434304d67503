import type { ParsedInputOf, PreviewResult } from '../../src-shared/contract/api';
import { checkPreviewable } from '../../src-shared/sql/classify-statement';
import { ServiceError } from '../../src-shared/rpc/result';
import type { PreviewRows } from '../drivers/db-session';
import { resolveConnection } from './resolve-connection';
import { dialectFor } from './sql-dialect';
import { validatePreview } from './validate-preview';
import type { SystemsService } from './systems-service';
import type { DriverRun } from './test-connection';
import type { Workspace } from './workspace';

/** Time to connect before the statement starts; its own limit comes on top. */
const CONNECT_TIMEOUT_MS = 10_000;
const WATCHDOG_MARGIN_MS = 2_000;

/**
 * The first rows of the admin's query, safely: the statement guard refuses what is not one
 * reading statement before anything is sent; the driver process then runs it read-only, rolled
 * back, with a server-side limit and a cursor cap. A preview can be cancelled by its id.
 */
export class PreviewService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly ws: Workspace,
    private readonly systems: SystemsService,
    private readonly run: DriverRun,
  ) {}

  async preview(input: ParsedInputOf<'query.preview'>): Promise<PreviewResult> {
    const started = performance.now();
    const system = this.systems.require(input.systemId);
    const { connection, password } = resolveConnection(this.ws, this.systems, { systemId: input.systemId });
    const check = checkPreviewable(input.sql, dialectFor(connection));
    if (!check.ok) {
      throw new ServiceError('QUERY_REFUSED', check.message, [{ path: 'sql', message: check.message }]);
    }
    const abort = new AbortController();
    if (input.previewId) {
      this.running.get(input.previewId)?.abort();
      this.running.set(input.previewId, abort);
    }
    try {
      const response = await this.run<PreviewRows>(
        {
          connection,
          password,
          timeoutMs: CONNECT_TIMEOUT_MS,
          // The statement itself, without a trailing `;`, `GO` or comment (SQL Server reads a trailing
          // GO as a column alias); its text is otherwise exactly what the admin wrote.
          operation: {
            op: 'preview',
            sql: check.statement.text,
            limit: input.limit,
            statementTimeoutMs: input.timeoutMs,
          },
        },
        CONNECT_TIMEOUT_MS + input.timeoutMs + WATCHDOG_MARGIN_MS,
        { signal: abort.signal },
      );
      if (!response.ok) {
        if (response.category === 'CANCELLED') throw new ServiceError('CANCELLED', response.message);
        throw new ServiceError('QUERY_FAILED', response.message);
      }
      const { columns, rows, truncated } = response.value;
      return {
        columns,
        rows,
        truncated,
        elapsedMs: Math.round(performance.now() - started),
        timeZone: system.timeZone,
        ...(input.validation
          ? { validation: validatePreview(columns, rows, { ...input.validation, timeZone: system.timeZone }) }
          : {}),
      };
    } finally {
      if (input.previewId && this.running.get(input.previewId) === abort) this.running.delete(input.previewId);
    }
  }

  /** Stops a running preview: on the server where the database allows, then its process. */
  cancel(previewId: string): { cancelled: boolean } {
    const abort = this.running.get(previewId);
    abort?.abort();
    return { cancelled: abort !== undefined };
  }
}
