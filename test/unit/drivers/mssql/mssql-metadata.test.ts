// Limitation: there is no SQL Server on our build machines, so the catalogue queries themselves
// never run here. These tests check how their rows (as tedious returns them) are read.
import { describe, expect, it } from 'vitest';
import {
  formatColumnType,
  readColumn,
  readServerVersion,
  readTable,
  readWriteAccess,
} from '../../../../src-main/drivers/mssql/mssql-metadata';
import { naiveDateTimeText } from '../../../../src-main/drivers/mssql/mssql-values';

const readOnlyFlags = [0, 0, 0, 0, 0, 0, 0, 0, null, null];

describe('readWriteAccess', () => {
  it('reports a login without any write path as read-only', () => {
    expect(readWriteAccess(readOnlyFlags)).toEqual({ state: 'read-only' });
  });

  it('names every reason the login can write', () => {
    const row = [1, 0, 1, 0, 1, 0, 0, 0, 'staging', 'dbo.queue_stats'];
    const access = readWriteAccess(row);
    expect(access.state).toBe('can-write');
    expect(access.state === 'can-write' && access.detail).toBe(
      'member of the sysadmin server role; member of db_datawriter; may INSERT in the whole database; ' +
        'may change data in schema staging; may change data in dbo.queue_stats',
    );
  });

  it('catches a grant on one table only', () => {
    expect(readWriteAccess([0, 0, 0, 0, 0, 0, 0, 0, null, 'dbo.calls'])).toEqual({
      state: 'can-write',
      detail: 'may change data in dbo.calls',
    });
  });

  it('says unknown when SQL Server could not evaluate a check and none says "can write"', () => {
    expect(readWriteAccess([0, null, 0, 0, 0, 0, 0, 0, null, null]).state).toBe('unknown');
    expect(readWriteAccess(undefined).state).toBe('unknown');
  });
});

describe('catalogue rows', () => {
  it('formats column types as T-SQL spells them', () => {
    expect(formatColumnType('nvarchar', 50, null, null, null)).toBe('nvarchar(50)');
    expect(formatColumnType('varbinary', -1, null, null, null)).toBe('varbinary(max)');
    expect(formatColumnType('decimal', null, 10, 2, null)).toBe('decimal(10,2)');
    expect(formatColumnType('datetime2', null, null, null, 3)).toBe('datetime2(3)');
    expect(formatColumnType('datetime', null, null, null, 3)).toBe('datetime');
    expect(formatColumnType('int', null, 10, 0, null)).toBe('int');
  });

  it('reads columns, tables and views', () => {
    expect(readColumn(['queue_name', 'nvarchar', 64, null, null, null, 'YES'])).toEqual({
      name: 'queue_name',
      type: 'nvarchar(64)',
      nullable: true,
    });
    expect(readTable(['dbo', 'hagent', 'BASE TABLE'])).toEqual({ schema: 'dbo', name: 'hagent', type: 'table' });
    expect(readTable(['dbo', 'v_intervals', 'VIEW'])).toEqual({ schema: 'dbo', name: 'v_intervals', type: 'view' });
  });

  it('reports the first line of @@VERSION, or the product version', () => {
    const full = 'Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) \n\tJun 27 2023\n\tCopyright';
    expect(readServerVersion([full, '15.0.4322.2'])).toBe(
      'Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64)',
    );
    expect(readServerVersion([null, '15.0.4322.2'])).toBe('SQL Server 15.0.4322.2');
  });
});

describe('naiveDateTimeText', () => {
  it('gives back the stored wall-clock value of a DATETIME read with useUTC: true', () => {
    // 2024-03-31 02:30 does not exist in Europe/Brussels; a local-time Date would move it.
    const value = new Date(Date.UTC(2024, 2, 31, 2, 30, 0, 0));
    expect(naiveDateTimeText(value)).toBe('2024-03-31 02:30:00.000');
  });

  it('keeps DATETIME2 digits beyond the millisecond', () => {
    const value = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    Object.defineProperty(value, 'nanosecondsDelta', { value: 0.0001234, enumerable: false });
    expect(naiveDateTimeText(value)).toBe('2024-01-02 03:04:05.6781234');
  });
});
