import type { OutputOf, ParsedInputOf, PreviewResult } from '../../src-shared/contract/api';
import { resolveConnection } from './resolve-connection';
import { previewQuery, validateQuery } from './run-query';
import type { SystemsService } from './systems-service';
import type { DriverRun } from './test-connection';
import type { Workspace } from './workspace';

/**
 * Previews and full validation runs of a saved system's connection. Each run has an id chosen
 * by the caller, so it can be cancelled while it runs: on the server first, then its process.
 */
export class PreviewService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly ws: Workspace,
    private readonly systems: SystemsService,
    private readonly run: DriverRun,
    private readonly progressed: (runId: string, rowsRead: number, rowsChecked: number, elapsedMs: number) => void,
  ) {}

  preview(input: ParsedInputOf<'query.preview'>): Promise<PreviewResult> {
    const system = this.systems.require(input.systemId);
    return this.track(input.previewId, (signal) =>
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
  }

  validate(input: ParsedInputOf<'query.validate'>): Promise<OutputOf<'query.validate'>> {
    const system = this.systems.require(input.systemId);
    const started = performance.now();
    return this.track(input.runId, (signal) =>
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
  }

  /** Stops a running preview or validation: on the server where the database allows, then its process. */
  cancel(runId: string): { cancelled: boolean } {
    const abort = this.running.get(runId);
    abort?.abort();
    return { cancelled: abort !== undefined };
  }

  private target(systemId: number, sql: string) {
    const { connection, password } = resolveConnection(this.ws, this.systems, { systemId });
    return { run: this.run, connection, ...(password !== undefined ? { password } : {}), sql };
  }

  private async track<T>(runId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const abort = new AbortController();
    if (runId) {
      this.running.get(runId)?.abort();
      this.running.set(runId, abort);
    }
    try {
      return await work(abort.signal);
    } finally {
      if (runId && this.running.get(runId) === abort) this.running.delete(runId);
    }
  }
}
