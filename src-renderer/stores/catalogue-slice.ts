import type { StoreApi } from 'zustand/vanilla';
import type { ColumnInfo, ConnectionTestResult, TableRef } from '../../src-shared/contract/connection-test';
import type { OutputOf } from '../../src-shared/contract/api';
import type { ApiClient } from '../../src-shared/rpc/client';
import type { RpcError } from '../../src-shared/rpc/result';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: RpcError };

export type ConnectionState = { status: 'testing' } | { status: 'done'; result: ConnectionTestResult };

export const schemasKey = (systemId: number) => `${systemId}`;
export const tablesKey = (systemId: number, schema: string) => `${systemId}|${schema}`;
export const columnsKey = (systemId: number, schema: string, table: string) => `${systemId}|${schema}|${table}`;

export interface CatalogueState {
  /** Last Test connection outcome per system, shown in the tree and the form. */
  connectionStates: Record<number, ConnectionState>;
  schemas: Record<string, Loadable<string[]>>;
  tables: Record<string, Loadable<TableRef[]>>;
  columns: Record<string, Loadable<ColumnInfo[]>>;
  testConnection(
    systemId: number | undefined,
    connection: Record<string, unknown>,
    password: string | undefined,
  ): Promise<ConnectionTestResult | RpcError>;
  loadSchemas(systemId: number): Promise<void>;
  loadTables(systemId: number, schema: string): Promise<void>;
  loadColumns(systemId: number, schema: string, table: string): Promise<void>;
  odbcSources?: Loadable<OutputOf<'odbc.sources'>>;
  loadOdbcSources(): Promise<void>;
  lintOdbc(connectionString: string): Promise<OutputOf<'odbc.lint'> | undefined>;
  /** A changed connection makes what was read through the old one stale. */
  forgetCatalogue(systemId: number): void;
}

type Set = StoreApi<CatalogueState>['setState'];
type Get = StoreApi<CatalogueState>['getState'];

/** Test connection and the schema browser: loaded lazily, one request per node, errors kept on the node. */
export function createCatalogueSlice(api: ApiClient, set: Set, get: Get): CatalogueState {
  const load = async <T>(
    bucket: 'schemas' | 'tables' | 'columns',
    key: string,
    call: () => Promise<{ ok: true; value: T } | { ok: false; error: RpcError }>,
  ) => {
    const current = get()[bucket][key];
    if (current?.status === 'loading' || current?.status === 'ready') return;
    set({ [bucket]: { ...get()[bucket], [key]: { status: 'loading' } } } as Partial<CatalogueState>);
    const result = await call();
    const next: Loadable<T> = result.ok
      ? { status: 'ready', value: result.value }
      : { status: 'error', error: result.error };
    set({ [bucket]: { ...get()[bucket], [key]: next } } as Partial<CatalogueState>);
  };
  return {
    connectionStates: {},
    schemas: {},
    tables: {},
    columns: {},
    testConnection: async (systemId, connection, password) => {
      if (systemId !== undefined)
        set({ connectionStates: { ...get().connectionStates, [systemId]: { status: 'testing' } } });
      const result = await api.call('connections.test', {
        ...(systemId !== undefined ? { systemId } : {}),
        connection: connection as never,
        ...(password ? { password } : {}),
      });
      if (systemId !== undefined) {
        const states = { ...get().connectionStates };
        if (result.ok) states[systemId] = { status: 'done', result: result.value };
        else delete states[systemId];
        set({ connectionStates: states });
      }
      return result.ok ? result.value : result.error;
    },
    loadSchemas: (systemId) =>
      load('schemas', schemasKey(systemId), () => api.call('connections.schemas', { systemId })),
    loadTables: (systemId, schema) =>
      load('tables', tablesKey(systemId, schema), () => api.call('connections.tables', { systemId, schema })),
    loadColumns: (systemId, schema, table) =>
      load('columns', columnsKey(systemId, schema, table), () =>
        api.call('connections.columns', { systemId, schema, table }),
      ),
    loadOdbcSources: async () => {
      if (get().odbcSources) return;
      set({ odbcSources: { status: 'loading' } });
      const result = await api.call('odbc.sources', {});
      set({
        odbcSources: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error },
      });
    },
    lintOdbc: async (connectionString) => {
      const result = await api.call('odbc.lint', { connectionString });
      return result.ok ? result.value : undefined;
    },
    forgetCatalogue: (systemId) => {
      const keep = <T>(record: Record<string, T>) =>
        Object.fromEntries(
          Object.entries(record).filter(([key]) => key !== `${systemId}` && !key.startsWith(`${systemId}|`)),
        );
      const states = { ...get().connectionStates };
      delete states[systemId];
      set({
        schemas: keep(get().schemas),
        tables: keep(get().tables),
        columns: keep(get().columns),
        connectionStates: states,
      });
    },
  };
}
