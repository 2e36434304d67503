import type odbc from 'odbc';
import { describe, expect, it } from 'vitest';
import { StoredCodeRefusal } from '../../../../src-main/drivers/mysql/mysql-stored-code';
import { classifyOdbcError } from '../../../../src-main/drivers/odbc/odbc-classify';
import { odbcDriverNames } from '../../../../src-main/drivers/odbc/odbc-declare-fetch';
import type { ServerIdentity } from '../../../../src-main/drivers/odbc/odbc-server';
import {
  odbcSqlRunner,
  odbcStoredCodeCheck,
  reachesMysqlFamily,
} from '../../../../src-main/drivers/odbc/odbc-stored-code';
import type { OdbcSources } from '../../../../src-main/odbc/odbc-discovery';

// The check itself is mysql-stored-code's (unit-tested there); the real MariaDB through the real
// MariaDB Connector/ODBC is in test/integration/drivers/odbc-stored-code.test.ts. Here: which
// ODBC connections get it, and how node-odbc's answers reach it.

const server = (flavor: ServerIdentity['flavor'], version = 'x'): ServerIdentity => ({ flavor, version });
const drivers =
  (...names: string[]) =>
  async () =>
    names;

describe('reachesMysqlFamily', () => {
  it("goes by the server's own answer first, whatever the driver is called", async () => {
    expect(await reachesMysqlFamily(server('mariadb'), drivers('Some Vendor Driver'))).toBe(true);
    expect(await reachesMysqlFamily(server('mysql'), drivers())).toBe(true);
    expect(await reachesMysqlFamily(server('postgres'), drivers('MariaDB Unicode'))).toBe(false);
    expect(await reachesMysqlFamily(server('sqlite'), drivers('SQLite3'))).toBe(false);
  });

  it("takes MariaDB's or MySQL's driver (by name or library) when the server did not say", async () => {
    for (const name of [
      'MariaDB Unicode',
      'MySQL ODBC 8.0 Unicode Driver',
      '/usr/lib/odbc/libmaodbc.so',
      'libmyodbc8w.so',
    ]) {
      expect(await reachesMysqlFamily(server('other', '8.0.30'), drivers(name)), name).toBe(true);
    }
    expect(await reachesMysqlFamily(server('other', 'IBM Informix 14.10'), drivers('Informix'))).toBe(false);
    expect(await reachesMysqlFamily(server('other'), drivers())).toBe(false);
  });
});

describe('odbcDriverNames', () => {
  const machine = async (): Promise<OdbcSources> => ({
    dataSources: [{ name: 'Cms', driver: 'MariaDB Unicode', scope: 'system' }],
    drivers: [{ name: 'MariaDB Unicode', file: 'libmaodbc.so' }],
    iniFiles: {},
    warnings: [],
    odbcinstFound: true,
  });

  it("reads DRIVER={…}, or a DSN's driver and library; nothing from text that does not parse", async () => {
    expect(await odbcDriverNames('DRIVER={MariaDB Unicode};SERVER=db', machine)).toEqual(['MariaDB Unicode']);
    expect(await odbcDriverNames('DSN=cms;', machine)).toEqual(['MariaDB Unicode', 'libmaodbc.so']);
    expect(await odbcDriverNames('DRIVER={broken', machine)).toEqual([]);
  });
});

/** A node-odbc connection that records what it is sent and answers like MariaDB, or fails. */
function fakeConnection(answer: (sql: string) => Record<string, unknown>[]) {
  const sent: string[] = [];
  const conn = {
    query: async (sql: string) => {
      sent.push(sql);
      // node-odbc's result: an array of rows with statement, columns and count on the side.
      return Object.assign(answer(sql), { statement: sql, columns: [], count: 0 });
    },
  } as unknown as odbc.Connection;
  return { conn, sent };
}

describe('odbcSqlRunner', () => {
  it('gives the rows alone, and the native code of the first diagnostic that has one', async () => {
    const { conn } = fakeConnection(() => [{ Variable_name: 'Handler_read_key', Value: '3' }]);
    const run = odbcSqlRunner(conn);
    const rows = await run.rows('SHOW SESSION STATUS');
    expect(rows).toEqual([{ Variable_name: 'Handler_read_key', Value: '3' }]);
    expect(Object.keys(rows)).toEqual(['0']);
    const refused = Object.assign(new Error('[odbc] Error executing the sql statement'), {
      odbcErrors: [
        { state: '01000', message: 'note' },
        { state: 'HY000', code: 1295, message: 'not supported in the prepared statement protocol' },
      ],
    });
    expect(run.errorNumber(refused)).toBe(1295);
    expect(run.errorNumber(new Error('plain'))).toBeUndefined();
  });
});

describe('odbcStoredCodeCheck', () => {
  it('sends nothing to a server outside the MySQL family', async () => {
    const { conn, sent } = fakeConnection(() => {
      throw new Error('no statement was expected');
    });
    const check = odbcStoredCodeCheck(conn, async () => server('postgres', 'PostgreSQL 16.4'), drivers());
    await check('SELECT f_out()');
    expect(sent).toEqual([]);
  });

  it('refuses, on MariaDB, a statement whose preparing loaded a stored routine', async () => {
    let prepared = false;
    const { conn, sent } = fakeConnection((sql) => {
      if (sql.startsWith('PREPARE')) prepared = true;
      const status = [{ Variable_name: 'Handler_read_key', Value: prepared ? '1' : '0' }];
      // SET, PREPARE and DEALLOCATE give no rows; the view's function is not visible to this login.
      return sql.startsWith('SHOW SESSION STATUS') ? status : [];
    });
    const check = odbcStoredCodeCheck(conn, async () => server('mariadb', 'MariaDB 10.11.19'), drivers());
    await expect(check('SELECT * FROM v')).rejects.toThrow(StoredCodeRefusal);
    expect(sent).toContain('PREPARE acd_stored_code_check FROM @acd_stored_code_check');
  });
});

describe('classifyOdbcError', () => {
  it('passes a refusal on as it is', () => {
    const connection = { kind: 'odbc', connectionString: 'DRIVER={MariaDB Unicode};SERVER=db' } as const;
    expect(classifyOdbcError(new StoredCodeRefusal('This query calls …'), connection)).toEqual({
      category: 'ERROR',
      message: 'This query calls …',
    });
  });
});
