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

  async test(input: ParsedInputOf<'connections.test'>): Promise<ConnectionTestResult> {
    const { connection, password, warnings } = this.resolve(input);
    return testConnection(this.run, connection, password, input.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS, warnings);
  }

  schemas(systemId: number): Promise<string[]> {
    return this.catalogue<string[]>(systemId, { op: 'schemas' });
  }

  tables(systemId: number, schema: string | null): Promise<TableRef[]> {
    return this.catalogue<TableRef[]>(systemId, { op: 'tables', schema });
  }

  columns(systemId: number, schema: string | null, table: string): Promise<ColumnInfo[]> {
    return this.catalogue<ColumnInfo[]>(systemId, { op: 'columns', schema, table });
  }

  private async catalogue<T>(systemId: number, operation: DriverOperation): Promise<T> {
    const { connection, password } = this.resolve({ systemId });
    const response = await this.run<T>(
      { connection, password, timeoutMs: CATALOGUE_TIMEOUT_MS, operation },
      CATALOGUE_TIMEOUT_MS + WATCHDOG_MARGIN_MS,
    );
    if (!response.ok) throw new ServiceError('CONNECTION_FAILED', `${response.category}: ${response.message}`);
    return response.value;
  }

  private resolve(input: { systemId?: number; connection?: Connection; password?: string }) {
    return resolveConnection(this.ws, this.systems, input);
  }
}
