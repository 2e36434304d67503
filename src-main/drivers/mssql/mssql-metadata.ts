import type { ColumnInfo, TableRef } from '../../../src-shared/contract/connection-test';
import type { WriteAccess } from '../db-session';

/**
 * The catalogue queries of the SQL Server session and the pure functions that read their rows,
 * kept apart from tedious so that they are tested without a server. Rows arrive as arrays of
 * column values in SELECT order.
 */

export const SERVER_VERSION_SQL = "SELECT @@VERSION, CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))";

/** "Microsoft SQL Server 2019 (RTM-CU22) (KB…) - 15.0.4322.2 (X64)": the first line of @@VERSION. */
export function readServerVersion(row: readonly unknown[] | undefined): string {
  const [full, product] = row ?? [];
  const firstLine = typeof full === 'string' ? (full.split(/\r?\n/)[0]?.trim() ?? '') : '';
  if (firstLine !== '') return firstLine;
  return typeof product === 'string' && product !== '' ? `SQL Server ${product}` : 'SQL Server';
}

/**
 * Every way the login could change data, in one round trip. Role membership names the reason an
 * admin understands; HAS_PERMS_BY_NAME also catches grants made directly to the user, on the
 * database, on a schema or on one table. TOP (1) stops the per-table scan at the first hit.
 */
export const WRITE_ACCESS_SQL = `
SELECT
  IS_SRVROLEMEMBER('sysadmin'),
  IS_ROLEMEMBER('db_owner'),
  IS_ROLEMEMBER('db_datawriter'),
  IS_ROLEMEMBER('db_ddladmin'),
  HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'INSERT'),
  HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'UPDATE'),
  HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'DELETE'),
  HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'ALTER'),
  (SELECT TOP (1) s.name FROM sys.schemas AS s
    WHERE HAS_PERMS_BY_NAME(QUOTENAME(s.name), 'SCHEMA', 'INSERT') = 1
       OR HAS_PERMS_BY_NAME(QUOTENAME(s.name), 'SCHEMA', 'UPDATE') = 1
       OR HAS_PERMS_BY_NAME(QUOTENAME(s.name), 'SCHEMA', 'DELETE') = 1
    ORDER BY s.name),
  (SELECT TOP (1) SCHEMA_NAME(o.schema_id) + '.' + o.name FROM sys.objects AS o
    WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0
      AND (HAS_PERMS_BY_NAME(QUOTENAME(SCHEMA_NAME(o.schema_id)) + '.' + QUOTENAME(o.name), 'OBJECT', 'INSERT') = 1
        OR HAS_PERMS_BY_NAME(QUOTENAME(SCHEMA_NAME(o.schema_id)) + '.' + QUOTENAME(o.name), 'OBJECT', 'UPDATE') = 1
        OR HAS_PERMS_BY_NAME(QUOTENAME(SCHEMA_NAME(o.schema_id)) + '.' + QUOTENAME(o.name), 'OBJECT', 'DELETE') = 1)
    ORDER BY o.name)`;

const FLAG_REASONS = [
  'member of the sysadmin server role',
  'member of db_owner',
  'member of db_datawriter',
  'member of db_ddladmin (can change tables)',
  'may INSERT in the whole database',
  'may UPDATE in the whole database',
  'may DELETE in the whole database',
  'may ALTER the database',
] as const;

export function readWriteAccess(row: readonly unknown[] | undefined): WriteAccess {
  if (row === undefined) return { state: 'unknown', detail: 'SQL Server returned no permission information.' };
  const reasons: string[] = [];
  let unknown = false;
  FLAG_REASONS.forEach((reason, index) => {
    const value = row[index];
    if (value === 1 || value === true) reasons.push(reason);
    // NULL means SQL Server could not evaluate the check (an unknown role or securable).
    else if (value !== 0 && value !== false) unknown = true;
  });
  const schema = row[FLAG_REASONS.length];
  const table = row[FLAG_REASONS.length + 1];
  if (typeof schema === 'string') reasons.push(`may change data in schema ${schema}`);
  if (typeof table === 'string') reasons.push(`may change data in ${table}`);
  if (reasons.length > 0) return { state: 'can-write', detail: reasons.join('; ') };
  if (unknown) return { state: 'unknown', detail: 'SQL Server could not evaluate every permission check.' };
  return { state: 'read-only' };
}

/**
 * User schemas, plus any other schema that holds tables or views. IDs from 16384 up are the fixed
 * database roles' schemas (db_owner, db_datareader, …), which never hold data.
 */
export const LIST_SCHEMAS_SQL = `
SELECT s.name FROM sys.schemas AS s
WHERE (s.schema_id < 16384 AND s.name NOT IN ('sys', 'INFORMATION_SCHEMA', 'guest'))
   OR EXISTS (SELECT 1 FROM sys.objects AS o WHERE o.schema_id = s.schema_id AND o.type IN ('U', 'V'))
ORDER BY s.name`;

/** @schema NULL means the login's default schema, as for an unqualified table name in a query. */
export const LIST_TABLES_SQL = `
SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES
WHERE TABLE_SCHEMA = COALESCE(@schema, SCHEMA_NAME())
ORDER BY TABLE_NAME`;

export function readTable(row: readonly unknown[]): TableRef {
  const [schema, name, type] = row;
  return {
    schema: typeof schema === 'string' ? schema : null,
    name: String(name),
    type: type === 'VIEW' ? 'view' : 'table',
  };
}

export const LIST_COLUMNS_SQL = `
SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE
FROM INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = COALESCE(@schema, SCHEMA_NAME()) AND TABLE_NAME = @table
ORDER BY ORDINAL_POSITION`;

const LENGTH_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'binary', 'varbinary']);
const SCALE_TYPES = new Set(['decimal', 'numeric']);
const FRACTION_TYPES = new Set(['datetime2', 'datetimeoffset', 'time']);

export function readColumn(row: readonly unknown[]): ColumnInfo {
  const [name, dataType, maxLength, precision, scale, fraction, nullable] = row;
  return {
    name: String(name),
    type: formatColumnType(String(dataType), maxLength, precision, scale, fraction),
    nullable: nullable === 'YES' ? true : nullable === 'NO' ? false : null,
  };
}

/** The type as an admin would write it in T-SQL: nvarchar(50), nvarchar(max), decimal(10,2), datetime2(3). */
export function formatColumnType(
  dataType: string,
  maxLength: unknown,
  precision: unknown,
  scale: unknown,
  fraction: unknown,
): string {
  if (LENGTH_TYPES.has(dataType) && typeof maxLength === 'number') {
    return `${dataType}(${maxLength === -1 ? 'max' : maxLength})`;
  }
  if (SCALE_TYPES.has(dataType) && typeof precision === 'number' && typeof scale === 'number') {
    return `${dataType}(${precision},${scale})`;
  }
  if (FRACTION_TYPES.has(dataType) && typeof fraction === 'number') return `${dataType}(${fraction})`;
  return dataType;
}
