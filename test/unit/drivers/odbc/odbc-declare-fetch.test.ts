import { describe, expect, it } from 'vitest';
import { DECLARE_FETCH_ROWS, odbcStreamPlan } from '../../../../src-main/drivers/odbc/odbc-declare-fetch';
import type { OdbcSources } from '../../../../src-main/odbc/odbc-discovery';

// A fake machine: what `odbcinst` and the ini files would list.
const machine = async (): Promise<OdbcSources> => ({
  dataSources: [
    { name: 'AcdPg', driver: 'PostgreSQL Unicode', scope: 'system' },
    { name: 'ByFile', driver: '/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so', scope: 'user' },
    { name: 'Legacy', driver: 'Custom', scope: 'system' },
    { name: 'Maria', driver: 'MariaDB Unicode', scope: 'system' },
  ],
  drivers: [
    { name: 'PostgreSQL Unicode', file: 'psqlodbcw.so' },
    { name: 'Custom', file: '/opt/psqlodbc/lib/psqlodbcw.so' },
    { name: 'MariaDB Unicode', file: 'libmaodbc.so' },
  ],
  iniFiles: {},
  warnings: [],
  odbcinstFound: true,
});
const added = `UseDeclareFetch=1;Fetch=${DECLARE_FETCH_ROWS};`;
/** The connection string a full read of psqlODBC gets, or undefined when it streams as it is. */
const declareFetchString = async (connectionString: string, list = machine) =>
  (await odbcStreamPlan(connectionString, list)).connectionString;

describe('psqlODBC streaming options', () => {
  it('are added for psqlODBC named by DRIVER, by a DSN, by a DSN with a library path, or by its library', async () => {
    expect(await declareFetchString('DRIVER={PostgreSQL Unicode};SERVER=db;UID=u', machine)).toBe(
      `DRIVER={PostgreSQL Unicode};SERVER=db;UID=u;${added}`,
    );
    expect(await declareFetchString('DSN=acdpg;', machine)).toBe(`DSN=acdpg;${added}`);
    expect(await declareFetchString('DSN=ByFile', machine)).toBe(`DSN=ByFile;${added}`);
    expect(await declareFetchString('DSN=Legacy;', machine)).toBe(`DSN=Legacy;${added}`);
  });

  it('are left out for other drivers, unknown DSNs, strings that already choose, and broken strings', async () => {
    expect(await declareFetchString('DSN=Maria;', machine)).toBeUndefined();
    expect(await declareFetchString('DRIVER={MariaDB Unicode};SERVER=db', machine)).toBeUndefined();
    expect(await declareFetchString('DSN=NotThere;', machine)).toBeUndefined();
    expect(await declareFetchString('DSN=AcdPg;usedeclarefetch=0;', machine)).toBeUndefined();
    expect(await declareFetchString('DRIVER={PostgreSQL Unicode', machine)).toBeUndefined();
  });

  it('fetches one row at a time from MariaDB Connector/ODBC, which loses rows fetched in blocks', async () => {
    expect(await odbcStreamPlan('DSN=Maria;', machine)).toEqual({ rowsPerFetch: 1 });
    expect(await odbcStreamPlan('DRIVER={MariaDB Unicode};SERVER=db', machine)).toEqual({ rowsPerFetch: 1 });
    expect(await odbcStreamPlan('DSN=AcdPg;', machine)).not.toHaveProperty('rowsPerFetch');
    expect(await odbcStreamPlan('DRIVER=SQLite3;Database=x', machine)).toEqual({});
  });

  it('does not look up the DSN list when the string names its driver', async () => {
    const unavailable = () => Promise.reject(new Error('odbcinst must not be asked'));
    expect(await declareFetchString('DRIVER={PostgreSQL ANSI};', unavailable)).toBe(
      `DRIVER={PostgreSQL ANSI};${added}`,
    );
  });
});
