import pg from 'pg';
import type { DbSession, DriverModule } from '../db-session';
import { withScrubbedErrors } from '../shared/scrub-secret';
import { listColumns, listSchemas, listTables, serverVersion, writeAccess } from './postgres-catalog';
import { classifyPostgresError } from './postgres-classify';
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
      close: () => client.end().catch(() => undefined),
    };
  },
  classify: classifyPostgresError,
};
