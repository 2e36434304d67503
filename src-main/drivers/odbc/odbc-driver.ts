import odbc from 'odbc';
import type { DbSession, DriverModule } from '../db-session';
import { withScrubbedErrors } from '../shared/scrub-secret';
import { discoverNamespaces, listColumns, listTables, type Namespaces } from './odbc-catalog';
import { classifyOdbcError, type OdbcConnection } from './odbc-classify';
import { odbcDriverNames, odbcStreamPlan } from './odbc-declare-fetch';
import { identifyServer, odbcWriteAccess, type ServerIdentity } from './odbc-server';
import { odbcStoredCodeCheck, reachesMysqlFamily } from './odbc-stored-code';
import { connectString, odbcTarget } from './odbc-target';
import { previewOdbc } from './odbc-preview';
import { streamOdbc } from './odbc-stream';

export type { OdbcConnection } from './odbc-classify';

export const odbcDriver: DriverModule<OdbcConnection> = {
  async connect(connection, password, { timeoutMs }): Promise<DbSession> {
    const guard = <T>(work: () => Promise<T>) => withScrubbedErrors(password, work);
    // Whole seconds, at least one: ODBC timeouts are SQLUINTEGER seconds and 0 means "no limit".
    const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
    const conn = await guard(async () =>
      odbc.connect({
        connectionString: connectString(connection.connectionString, password),
        connectionTimeout: seconds,
        loginTimeout: seconds,
      }),
    );
    const target = odbcTarget(connection.connectionString);
    const once = <T>(load: () => Promise<T>) => {
      let value: Promise<T> | undefined;
      return () => (value ??= load());
    };
    const identity: () => Promise<ServerIdentity> = once(() => identifyServer(conn));
    const namespaces: () => Promise<Namespaces> = once(() => discoverNamespaces(conn));
    const driverNames = once(() => odbcDriverNames(connection.connectionString));
    // On MySQL/MariaDB a read-only transaction does not stop what a stored function does (files, settings).
    const refuseStoredCode = odbcStoredCodeCheck(conn, identity, driverNames);
    // Catalogue drivers (MariaDB) list every database unless told which; the connection string's
    // DATABASE is the current one, as far as a generic client can know.
    const namespaceOrDefault = (kind: Namespaces['kind'], namespace: string | null) =>
      namespace ?? (kind === 'catalog' ? (target.database ?? null) : null);
    return {
      serverVersion: () => guard(async () => (await identity()).version),
      writeAccess: () =>
        guard(async () => {
          const server = await identity();
          // A server that hid what it is, behind MariaDB's or MySQL's driver, still answers SHOW GRANTS.
          const mysqlFamily = server.flavor === 'other' && (await reachesMysqlFamily(server, driverNames));
          return odbcWriteAccess(conn, mysqlFamily ? 'mysql' : server.flavor);
        }),
      listSchemas: () => guard(async () => (await namespaces()).names),
      listTables: (schema) =>
        guard(async () => {
          const { kind } = await namespaces();
          return listTables(conn, kind, namespaceOrDefault(kind, schema));
        }),
      listColumns: (schema, table) =>
        guard(async () => {
          const { kind } = await namespaces();
          return listColumns(conn, kind, namespaceOrDefault(kind, schema), table);
        }),
      preview: (sql, options) =>
        guard(async () => {
          await refuseStoredCode(sql);
          return previewOdbc(conn, sql, options);
        }),
      stream: (sql, options) =>
        guard(async () => {
          // Checked on this session's connection: fresh, so no routine is cached in it yet.
          await refuseStoredCode(sql);
          const plan = await odbcStreamPlan(connection.connectionString);
          const fetchOptions = { ...options, ...(plan.rowsPerFetch ? { maxRowsPerFetch: plan.rowsPerFetch } : {}) };
          if (plan.connectionString === undefined) return streamOdbc(conn, sql, fetchOptions);
          // psqlODBC streams only when told at connect time: a connection of the stream's own.
          const own = await odbc.connect({
            connectionString: connectString(plan.connectionString, password),
            connectionTimeout: seconds,
            loginTimeout: seconds,
          });
          return streamOdbc(own, sql, fetchOptions, () => own.close().catch(() => undefined));
        }),
      // A generic ODBC connection has no portable "cancel another session": the driver process is killed.
      cancelTarget: () => null,
      cancelOther: async () => undefined,
      close: () => conn.close().catch(() => undefined),
    };
  },
  classify: classifyOdbcError,
};
