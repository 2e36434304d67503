import mysql from 'mysql2/promise';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { mysqlConnectionOptions } from '../../../src-main/drivers/mysql/mysql-config';
import { postgresClientConfig } from '../../../src-main/drivers/postgres/pg-config';
import {
  CANARY_PASSWORD,
  ensureMysqlTestDatabase,
  ensurePostgresTestDatabase,
  MYSQL_ENDPOINT,
  PG_ENDPOINT,
  READER_LOGIN,
  TEST_DATABASE,
  TEST_TABLE,
} from '../../support/databases';

/**
 * The client settings the drivers use keep naive timestamps as the text the database holds. A
 * local-time Date would shift every ACD interval by the driver machine's offset (and 2024-03-31
 * 02:00 does not even exist in Europe/Brussels).
 */
describe('postgres client settings', () => {
  it('keep timestamp, date and timestamptz values as text, timestamptz in ISO 8601', async () => {
    // In the case, not a beforeAll: a server that is down fails the case with how to start it.
    await ensurePostgresTestDatabase();
    const client = new pg.Client(
      postgresClientConfig(
        { kind: 'postgres', ...PG_ENDPOINT, database: TEST_DATABASE, user: READER_LOGIN, tls: 'disable' },
        CANARY_PASSWORD,
        5_000,
      ),
    );
    await client.connect();
    try {
      const stored = await client.query(`SELECT interval_start FROM ${TEST_TABLE} ORDER BY interval_start LIMIT 1`);
      expect(stored.rows[0]).toEqual({ interval_start: '2024-03-31 01:45:00' });
      const literals = await client.query(
        `SELECT '2024-03-31 02:00:00'::timestamp AS naive, '2024-03-31'::date AS day,
                '2024-03-31 02:00:00.5+05:30'::timestamptz AT TIME ZONE 'UTC' AS utc_naive,
                '2024-03-31 02:00:00+00'::timestamptz AS zoned, ARRAY['2024-01-02 03:04:05'::timestamp] AS naive_list,
                current_setting('application_name') AS app`,
      );
      const row = literals.rows[0] as Record<string, unknown>;
      expect(row).toMatchObject({
        naive: '2024-03-31 02:00:00',
        day: '2024-03-31',
        utc_naive: '2024-03-30 20:30:00.5',
        naive_list: ['2024-01-02 03:04:05'],
        app: 'ACD Link Studio',
      });
      // The server writes timestamptz in its session time zone; the text keeps that offset.
      expect(row.zoned).toMatch(/^2024-03-3\dT\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
      expect(new Date(String(row.zoned)).toISOString()).toBe('2024-03-31T02:00:00.000Z');
    } finally {
      await client.end();
    }
  });
});

describe('mysql client settings', () => {
  it('keep DATETIME as text and BIGINT / DECIMAL as exact strings, and refuse two statements', async () => {
    await ensureMysqlTestDatabase();
    const connection = await mysql.createConnection(
      mysqlConnectionOptions(
        { kind: 'mysql', ...MYSQL_ENDPOINT, database: TEST_DATABASE, user: READER_LOGIN, tls: 'disable' },
        CANARY_PASSWORD,
        5_000,
      ),
    );
    try {
      const [rows] = await connection.query<mysql.RowDataPacket[]>(
        `SELECT (SELECT MIN(interval_start) FROM ${TEST_TABLE}) AS first_interval,
                CAST('2024-03-31' AS DATE) AS day, 9007199254740993 AS big, CAST(1.10 AS DECIMAL(5,2)) AS exact`,
      );
      expect(rows[0]).toEqual({
        first_interval: '2024-03-31 01:45:00',
        day: '2024-03-31',
        big: '9007199254740993',
        exact: '1.10',
      });
      await expect(connection.query('SELECT 1; SELECT 2')).rejects.toThrow(/syntax/i);
    } finally {
      await connection.end();
    }
  });
});
