import { describe, expect, it } from 'vitest';
import { connectString, odbcTarget } from '../../../../src-main/drivers/odbc/odbc-target';
import { ConnectionStringError } from '../../../../src-shared/odbc/connection-string';

describe('connectString', () => {
  it('splices the password in as PWD, brace-quoted', () => {
    expect(connectString('DRIVER={PostgreSQL Unicode};UID=wfm;', 'a;b}c')).toBe(
      'DRIVER={PostgreSQL Unicode};UID=wfm;PWD={a;b}}c};',
    );
  });

  it('leaves the string alone without a password', () => {
    expect(connectString('DSN=AvayaCMS;DELIMIDENT=y;', undefined)).toBe('DSN=AvayaCMS;DELIMIDENT=y;');
    expect(connectString('DSN=AvayaCMS;DELIMIDENT=y;', '')).toBe('DSN=AvayaCMS;DELIMIDENT=y;');
  });

  it('stops the SQLite driver from creating a missing file, unless the string says otherwise', () => {
    expect(connectString('DRIVER={SQLite3};Database=/data/cms.db', undefined)).toBe(
      'DRIVER={SQLite3};Database=/data/cms.db;NoCreat=1;',
    );
    expect(connectString('DRIVER={SQLite3};Database=/data/cms.db;nocreat=0;', undefined)).toBe(
      'DRIVER={SQLite3};Database=/data/cms.db;nocreat=0;',
    );
  });

  it('refuses text that does not parse, without quoting it', () => {
    expect(() => connectString('DRIVER={x;UID=wfm', undefined)).toThrow(ConnectionStringError);
    expect(() => connectString('DRIVER={x;UID=wfm', 'Canary-Pw-7f3a9')).toThrow(ConnectionStringError);
  });
});

describe('odbcTarget', () => {
  it('reads driver, host, port, database and user, whatever the key spelling', () => {
    expect(odbcTarget('Driver={MariaDB Unicode};Server=db;Port=3307;Database=cms;Uid=wfm;')).toEqual({
      driver: 'MariaDB Unicode',
      dsn: undefined,
      host: 'db',
      port: '3307',
      database: 'cms',
      user: 'wfm',
    });
    expect(odbcTarget('DSN=AvayaCMS;HOST=cms1;SERVICE=50000;').dsn).toBe('AvayaCMS');
    expect(odbcTarget('DRIVER={broken').driver).toBeUndefined();
  });
});
