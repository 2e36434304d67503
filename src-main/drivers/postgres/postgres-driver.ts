import pg from 'pg';
import type { DbSession, DriverModule } from '../db-session';
import { withScrubbedErrors } from '../shared/scrub-secret';
import { listColumns, listSchemas, listTables, serverVersion, writeAccess } from './postgres-catalog';
import { classifyPostgresError } from './postgres-classify';
import { previewPostgres } from './postgres-preview';
import { streamPostgres } from './postgres-stream';
import { postgresClientConfig, type PostgresConnection } from './pg-config';

export type { PostgresConnection } from './pg-config';

export const postgresDriver: DriverModule<PostgresConnection> = {
  async connect(connection, password, { timeoutMs }): Promise<DbSession> {
    const client = new pg.Client(postgresClientConfig(connection, password, timeoutMs));
    // A connection that dies while idle emits 'error'; unheard, Node would end the whole process.
    client.on('error', () => undefined);
    await withScrubbedErrors(password, async () => {
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
    });
    const guard = <T>(work: () => Promise<T>) => withScrubbedErrors(password, work);
    return {
      serverVersion: () => guard(() => serverVersion(client)),
      writeAccess: () => guard(() => writeAccess(client)),
      listSchemas: () => guard(() => listSchemas(client)),
      listTables: (schema) => guard(() => listTables(client, schema)),
      listColumns: (schema, table) => guard(() => listColumns(client, schema, table)),
      preview: (sql, options) => guard(() => previewPostgres(client, sql, options)),
      stream: (sql, options) => guard(() => streamPostgres(client, sql, options)),
      cancelTarget: () => {
        // pg learns the backend's process id from BackendKeyData at connect.
        const pid = (client as unknown as { processID?: number }).processID;
        return typeof pid === 'number' ? { kind: 'postgres', pid } : null;
      },
      cancelOther: async (target) => {
        if (target.kind === 'postgres') await guard(() => client.query('SELECT pg_cancel_backend($1)', [target.pid]));
      },
      close: () => client.end().catch(() => undefined),
    };
  },
  classify: classifyPostgresError,
};
