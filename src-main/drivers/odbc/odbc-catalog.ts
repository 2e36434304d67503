import type odbc from 'odbc';
import type { ColumnInfo, TableRef } from '../../../src-shared/contract/connection-test';

/**
 * The schema browser through the ODBC catalogue functions (SQLTables, SQLColumns), which every
 * driver has. Drivers disagree on what a "schema" is: psqlODBC has schemas, MariaDB ODBC has only
 * catalogues (databases; it refuses a schema argument), SQLite has neither. The session finds out
 * once, with the two enumeration calls the ODBC specification defines.
 */
export type NamespaceKind = 'schema' | 'catalog' | 'none';

type CatalogRow = Record<string, unknown>;

const SYSTEM_NAMESPACES = new Set(['information_schema', 'pg_catalog', 'mysql', 'performance_schema', 'sys']);

function text(row: CatalogRow, key: string): string | null {
  const value = row[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function isUserNamespace(name: string): boolean {
  const lower = name.toLowerCase();
  return !SYSTEM_NAMESPACES.has(lower) && !lower.startsWith('pg_toast') && !lower.startsWith('pg_temp');
}

export interface Namespaces {
  kind: NamespaceKind;
  names: string[];
}

/** SQLTables('', '%', '', '') lists schemas; SQLTables('%', '', '', '') lists catalogues. */
export async function discoverNamespaces(connection: odbc.Connection): Promise<Namespaces> {
  const schemaRows = await connection.tables<CatalogRow>('', '%', '', '').catch(() => []);
  const schemas = distinct(schemaRows.map((row) => text(row, 'TABLE_SCHEM')));
  if (schemas.length > 0) return { kind: 'schema', names: schemas.filter(isUserNamespace) };
  const catalogRows = await connection.tables<CatalogRow>('%', '', '', '').catch(() => []);
  // A driver without catalogues answers the enumeration with table rows, or nothing: then there
  // is no namespace at all (SQLite).
  const looksLikeCatalogList = catalogRows.every((row) => text(row, 'TABLE_NAME') === null);
  const catalogs = looksLikeCatalogList ? distinct(catalogRows.map((row) => text(row, 'TABLE_CAT'))) : [];
  if (catalogs.length > 0) return { kind: 'catalog', names: catalogs.filter(isUserNamespace) };
  return { kind: 'none', names: [] };
}

/**
 * Tables and views of one namespace, or of every user namespace when none is given. Names are
 * search patterns to SQLTables (`_` matches any character), so the results are filtered exactly.
 */
export async function listTables(
  connection: odbc.Connection,
  kind: NamespaceKind,
  namespace: string | null,
): Promise<TableRef[]> {
  const rows =
    kind === 'catalog'
      ? await connection.tables<CatalogRow>(namespace, null, null, null)
      : await connection.tables<CatalogRow>(null, kind === 'schema' ? namespace : null, null, null);
  const tables: TableRef[] = [];
  for (const row of rows) {
    const name = text(row, 'TABLE_NAME');
    const type = (text(row, 'TABLE_TYPE') ?? '').toUpperCase();
    const owner = kind === 'catalog' ? text(row, 'TABLE_CAT') : text(row, 'TABLE_SCHEM');
    if (name === null || /SYSTEM|TEMPORARY/.test(type) || !/TABLE|VIEW/.test(type)) continue;
    if (namespace !== null && owner !== null && owner !== namespace) continue;
    if (namespace === null && owner !== null && !isUserNamespace(owner)) continue;
    tables.push({ schema: owner, name, type: type.includes('VIEW') ? 'view' : 'table' });
  }
  return tables.sort((a, b) => (a.schema ?? '').localeCompare(b.schema ?? '') || a.name.localeCompare(b.name));
}

export async function listColumns(
  connection: odbc.Connection,
  kind: NamespaceKind,
  namespace: string | null,
  table: string,
): Promise<ColumnInfo[]> {
  const rows =
    kind === 'catalog'
      ? await connection.columns<CatalogRow>(namespace, null, table, null)
      : await connection.columns<CatalogRow>(null, kind === 'schema' ? namespace : null, table, null);
  const ownerKey = kind === 'catalog' ? 'TABLE_CAT' : 'TABLE_SCHEM';
  const matching = rows.filter((row) => text(row, 'TABLE_NAME') === table);
  // Without a namespace, two schemas may hold a table of that name: keep the first one's columns.
  const owner = namespace ?? (matching[0] === undefined ? null : text(matching[0], ownerKey));
  return matching
    .filter((row) => owner === null || text(row, ownerKey) === owner)
    .sort((a, b) => Number(a.ORDINAL_POSITION ?? 0) - Number(b.ORDINAL_POSITION ?? 0))
    .map((row) => ({
      name: text(row, 'COLUMN_NAME') ?? '',
      type: text(row, 'TYPE_NAME') ?? 'unknown',
      // SQL_NO_NULLS 0, SQL_NULLABLE 1, SQL_NULLABLE_UNKNOWN 2.
      nullable: row.NULLABLE === 0 ? false : row.NULLABLE === 1 ? true : null,
    }));
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))].sort();
}
