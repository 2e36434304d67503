import { describe, expect, it } from 'vitest';
import { classifyOdbcError, type OdbcConnection } from '../../../../src-main/drivers/odbc/odbc-classify';
import { ConnectionStringError } from '../../../../src-shared/odbc/connection-string';

const PG = 'DRIVER={PostgreSQL Unicode};SERVER=acd-db.example;PORT=5433;DATABASE=cms;UID=wfm;';
const MARIA = 'DRIVER={MariaDB Unicode};SERVER=acd-db.example;PORT=3307;DATABASE=cms;UID=wfm;';

/** What node-odbc throws: a generic message, the driver's diagnostic records in odbcErrors. */
function odbcError(...records: { state: string; code?: number; message: string }[]) {
  return Object.assign(new Error('[odbc] Error connecting to the database'), {
    odbcErrors: records.map((record) => ({ code: 0, ...record })),
  });
}
const classify = (connectionString: string, error: unknown) =>
  classifyOdbcError(error, { kind: 'odbc', connectionString } satisfies OdbcConnection);

describe('classifyOdbcError: the driver manager', () => {
  it('reads an unregistered driver as DRIVER_MISSING, naming it and how to list drivers', () => {
    const result = classify(
      'DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=x;',
      odbcError({
        state: '01000',
        message: "[unixODBC][Driver Manager]Can't open lib 'IBM INFORMIX ODBC DRIVER' : file not found",
      }),
    );
    expect(result.category).toBe('DRIVER_MISSING');
    expect(result.message).toContain('"IBM INFORMIX ODBC DRIVER" is not installed');
    expect(result.message).toContain('odbcinst -q -d');
  });

  it('reads a registered driver whose library is gone as DRIVER_MISSING, saying to reinstall', () => {
    const result = classify(
      'DRIVER={PostgreSQL Unicode};',
      odbcError({
        state: '01000',
        message:
          "[unixODBC][Driver Manager]Can't open lib '/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so' : file not found",
      }),
    );
    expect(result.category).toBe('DRIVER_MISSING');
    expect(result.message).toContain('psqlodbcw.so');
    expect(result.message).toContain('"PostgreSQL Unicode"');
    expect(result.message).toContain('reinstall');
  });

  it('reads an unknown DSN (IM002) as BAD_CONFIG, naming it and how to list data sources', () => {
    const result = classify(
      'DSN=AvayaCMS;DELIMIDENT=y;',
      odbcError({
        state: 'IM002',
        message: '[unixODBC][Driver Manager]Data source name not found and no default driver specified',
      }),
    );
    expect(result).toMatchObject({ category: 'BAD_CONFIG' });
    expect(result.message).toContain('"AvayaCMS"');
    expect(result.message).toContain('odbcinst -q -s');
  });

  it('reads IM002 for a DRIVER= string (Windows says so for an unknown driver) as DRIVER_MISSING', () => {
    expect(
      classify('DRIVER={Nope};', odbcError({ state: 'IM002', message: 'Data source name not found' })).category,
    ).toBe('DRIVER_MISSING');
    expect(classify('SERVER=x;', odbcError({ state: 'IM002', message: 'Data source name not found' })).category).toBe(
      'BAD_CONFIG',
    );
  });

  it('reads a connection string that does not parse as BAD_CONFIG', () => {
    const error = new ConnectionStringError({ message: 'The value at character 8 has no closing "}".', offset: 7 });
    expect(classify('DRIVER={x', error)).toEqual({
      category: 'BAD_CONFIG',
      message: 'The connection string cannot be read: The value at character 8 has no closing "}".',
    });
  });
});

describe('classifyOdbcError: psqlODBC (every connect failure is 08001; the text decides)', () => {
  const psql = (message: string) => classify(PG, odbcError({ state: '08001', code: 101, message }));

  it('reads a wrong password, a missing one and a pg_hba refusal as AUTH', () => {
    const wrong = psql(
      'connection to server at "acd-db.example", port 5433 failed: FATAL:  password authentication failed for user "wfm"',
    );
    expect(wrong).toMatchObject({ category: 'AUTH' });
    expect(wrong.message).toContain('"wfm"');
    expect(psql('connection to server failed: fe_sendauth: no password supplied').message).toContain('none is stored');
    expect(
      psql('FATAL:  no pg_hba.conf entry for host "10.0.0.1", user "wfm", database "cms", no encryption').category,
    ).toBe('AUTH');
  });

  it('names the missing database', () => {
    const result = psql(
      'connection to server at "acd-db.example", port 5433 failed: FATAL:  database "cms" does not exist',
    );
    expect(result.category).toBe('DATABASE_NOT_FOUND');
    expect(result.message).toContain('"cms"');
    expect(result.message).toContain('acd-db.example:5433');
  });

  it('reads refused connections and unknown hosts as UNREACHABLE', () => {
    const refused = psql(
      'connection to server at "acd-db.example", port 5433 failed: Connection refused\n\tIs the server running?',
    );
    expect(refused.category).toBe('UNREACHABLE');
    expect(refused.message).toContain('acd-db.example:5433');
    const unknown = psql('could not translate host name "acd-db.example" to address: Name or service not known');
    expect(unknown.category).toBe('UNREACHABLE');
    expect(unknown.message).toContain('was not found');
  });

  it('reads SSL failures as TLS', () => {
    expect(psql('SSL error: certificate verify failed').category).toBe('TLS');
  });
});

describe('classifyOdbcError: MariaDB ODBC (native codes)', () => {
  const maria = (state: string, code: number, message: string) => classify(MARIA, odbcError({ state, code, message }));

  it('reads 1045 as AUTH, 1044 as AUTH that may mean a missing database, 1049 as DATABASE_NOT_FOUND', () => {
    expect(
      maria('28000', 1045, "[ma-3.1.15]Access denied for user 'wfm'@'10.1.1.1' (using password: YES)").category,
    ).toBe('AUTH');
    const scoped = maria('42000', 1044, "[ma-3.1.15]Access denied for user 'wfm'@'%' to database 'cms'");
    expect(scoped.category).toBe('AUTH');
    expect(scoped.message).toContain('does not exist');
    expect(maria('42000', 1049, "[ma-3.1.15]Unknown database 'cms'").category).toBe('DATABASE_NOT_FOUND');
  });

  it("reads Can't connect (2002/2003) and Unknown server host (2005) as UNREACHABLE", () => {
    expect(maria('HY000', 2002, "[ma-3.1.15]Can't connect to server on 'acd-db.example' (115)").message).toContain(
      'Nothing listens on acd-db.example:3307',
    );
    expect(maria('HY000', 2005, "[ma-3.1.15]Unknown server host 'acd-db.example' (-2)").category).toBe('UNREACHABLE');
  });

  it('reads login timeouts as TIMEOUT', () => {
    expect(maria('HYT00', 0, '[ma-3.1.15]Login timeout expired').category).toBe('TIMEOUT');
    expect(
      maria(
        'HY000',
        2013,
        "Lost connection to server at 'handshake: reading initial communication packet', system error: 110 timed out",
      ).category,
    ).toBe('TIMEOUT');
  });
});

describe('classifyOdbcError: SQLite ODBC and the rest', () => {
  it('reads a file SQLite cannot open (code 14) as DATABASE_NOT_FOUND, naming the path', () => {
    const result = classify(
      'DRIVER={SQLite3};Database=/data/cms.db;',
      odbcError({ state: 'HY000', code: 14, message: '[SQLite]connect failed' }),
    );
    expect(result.category).toBe('DATABASE_NOT_FOUND');
    expect(result.message).toContain('/data/cms.db');
  });

  it('keeps anything else as ERROR with the SQLSTATE', () => {
    expect(classify(PG, odbcError({ state: 'HY001', message: 'Memory allocation error\nmore' }))).toEqual({
      category: 'ERROR',
      message: 'The ODBC driver reported: Memory allocation error (SQLSTATE HY001)',
    });
    expect(classify(PG, new Error('odd')).category).toBe('ERROR');
  });

  it('masks a connection string the driver echoes, whatever the category', () => {
    const echo = 'DRIVER={Some Driver};SERVER=x;UID=wfm;PWD={Canary-Pw-7f3a9};';
    const results = [
      classify(PG, odbcError({ state: 'HY000', message: `could not connect with ${echo}` })),
      classify(PG, odbcError({ state: '08001', message: `SSL handshake failed for ${echo}` })),
    ];
    for (const result of results) expect(result.message).not.toContain('Canary-Pw-7f3a9');
  });
});
