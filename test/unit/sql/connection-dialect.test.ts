import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../src-shared/contract/model';
import { connectionDialect } from '../../../src-shared/sql/connection-dialect';

const server = { host: 'db', database: 'acd', user: 'reader', tls: 'disable' } as const;
const odbc = (connectionString: string): Connection => ({ kind: 'odbc', connectionString });

const CONNECTIONS: [Connection, string][] = [
  [{ kind: 'sqlite', file: '/tmp/demo.db' }, 'sqlite'],
  [{ kind: 'postgres', port: 5432, ...server }, 'postgres'],
  [{ kind: 'mysql', port: 3306, ...server }, 'mysql'],
  [odbc('DRIVER={PostgreSQL Unicode};SERVER=db;'), 'postgres'],
  [odbc('DRIVER={MariaDB ODBC 3.1 Driver};SERVER=db;'), 'mysql'],
  [odbc('DRIVER={SQLite3};DATABASE=/tmp/x.db;'), 'sqlite'],
  [odbc('DRIVER={ODBC Driver 18 for SQL Server};SERVER=db;'), 'mssql'],
  [odbc('DSN=AvayaCMS;DELIMIDENT=y;'), 'generic'],
];

describe('connectionDialect', () => {
  it.each(CONNECTIONS)('gives the dialect of %j', (connection, expected) => {
    expect(connectionDialect(connection)).toBe(expected);
  });
});
