import type { ParsedInputOf } from '../../src-shared/contract/api';
import {
  DEFAULT_TEST_TIMEOUT_MS,
  type ColumnInfo,
  type ConnectionTestResult,
  type TableRef,
} from '../../src-shared/contract/connection-test';
import type { Connection } from '../../src-shared/contract/model';
import { ServiceError } from '../../src-shared/rpc/result';
import type { DriverOperation } from '../driver-process/protocol';
import { resolveConnection } from './resolve-connection';
import type { SystemsService } from './systems-service';
import { testConnection, WATCHDOG_MARGIN_MS, type DriverRun } from './test-connection';
import type { Workspace } from './workspace';

const CATALOGUE_TIMEOUT_MS = 15_000;

export class ConnectionsService {
  constructor(
    private readonly ws: Workspace,
    private readonly systems: SystemsService,
    private readonly run: DriverRun,
  ) {}

  /** `signal` aborts when the caller is gone: its driver process is stopped then. */
  async test(input: ParsedInputOf<'connections.test'>, signal?: AbortSignal): Promise<ConnectionTestResult> {
    const { connection, password, warnings } = this.resolve(input);
    const timeoutMs = input.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
    return testConnection(this.run, connection, password, timeoutMs, warnings, signal);
  }

  schemas(systemId: number, signal?: AbortSignal): Promise<string[]> {
    return this.catalogue<string[]>(systemId, { op: 'schemas' }, signal);
  }

  tables(systemId: number, schema: string | null, signal?: AbortSignal): Promise<TableRef[]> {
    return this.catalogue<TableRef[]>(systemId, { op: 'tables', schema }, signal);
  }

  columns(systemId: number, schema: string | null, table: string, signal?: AbortSignal): Promise<ColumnInfo[]> {
    return this.catalogue<ColumnInfo[]>(systemId, { op: 'columns', schema, table }, signal);
  }

  private async catalogue<T>(systemId: number, operation: DriverOperation, signal?: AbortSignal): Promise<T> {
    const { connection, password } = this.resolve({ systemId });
    const response = await this.run<T>(
      { connection, password, timeoutMs: CATALOGUE_TIMEOUT_MS, operation },
      CATALOGUE_TIMEOUT_MS + WATCHDOG_MARGIN_MS,
      { signal },
    );
    if (!response.ok) throw new ServiceError('CONNECTION_FAILED', `${response.category}: ${response.message}`);
    return response.value;
  }

  private resolve(input: { systemId?: number; connection?: Connection; password?: string }) {
    return resolveConnection(this.ws, this.systems, input);
  }
}
