import { useEffect, useMemo, useState } from 'react';
import type { ImportType } from '../../../src-shared/contract/model';
import type { Dialect } from '../../../src-shared/sql/dialect';
import { contractAliases } from '../../../src-shared/templates/contract-aliases';
import type { RuleSetId } from '../../../src-shared/validation/rule-sets';
import { schemasKey } from '../../stores/catalogue-slice';
import { useAppStore } from '../../stores/store-context';
import type { CompletionCatalogue } from './completion-types';
import { tableReferences } from './sql-scan';

interface Options {
  /** Undefined for a system that is not saved yet: aliases only. */
  systemId: number | undefined;
  importType: ImportType;
  ruleSet: RuleSetId;
  dialect?: Dialect;
  sql: string;
}

// Bounds on what completion asks the database for; the schema browser can still load the rest.
const MAX_SCHEMAS = 50;
const MAX_COLUMN_TABLES = 10;
const COLUMN_LOAD_DELAY_MS = 600;

/**
 * The completion catalogue of an integration's editor, from the catalogue store: the system's
 * tables (listed once per schema) and the columns of the tables the query names (loaded a moment
 * after the admin stops typing), plus the contract aliases of the import type and rule set.
 */
export function useSqlCompletion({ systemId, importType, ruleSet, dialect, sql }: Options): CompletionCatalogue {
  const schemas = useAppStore((state) => state.schemas);
  const tables = useAppStore((state) => state.tables);
  const columns = useAppStore((state) => state.columns);
  const loadSchemas = useAppStore((state) => state.loadSchemas);
  const loadTables = useAppStore((state) => state.loadTables);
  const loadColumns = useAppStore((state) => state.loadColumns);
  const prefix = `${systemId}|`;

  useEffect(() => {
    if (systemId !== undefined) void loadSchemas(systemId);
  }, [systemId, loadSchemas]);

  const schemaList = systemId === undefined ? undefined : schemas[schemasKey(systemId)];
  useEffect(() => {
    if (systemId === undefined || schemaList?.status !== 'ready') return;
    for (const schema of schemaList.value.slice(0, MAX_SCHEMAS)) void loadTables(systemId, schema);
  }, [systemId, schemaList, loadTables]);

  // The schema a table was listed under is what loadColumns needs; TableRef.schema may be null.
  const tableList = useMemo(
    () =>
      Object.entries(tables).flatMap(([key, loadable]) =>
        key.startsWith(prefix) && loadable.status === 'ready'
          ? loadable.value.map((table) => ({
              schema: table.schema,
              name: table.name,
              listedUnder: key.slice(prefix.length),
            }))
          : [],
      ),
    [tables, prefix],
  );

  const settledSql = useSettled(sql, COLUMN_LOAD_DELAY_MS);
  useEffect(() => {
    if (systemId === undefined) return;
    const named = tableReferences(settledSql).flatMap((reference) =>
      tableList.filter(
        (table) =>
          table.name.toLowerCase() === reference.table.toLowerCase() &&
          (reference.schema === null || table.schema?.toLowerCase() === reference.schema.toLowerCase()),
      ),
    );
    for (const table of named.slice(0, MAX_COLUMN_TABLES)) void loadColumns(systemId, table.listedUnder, table.name);
  }, [systemId, settledSql, tableList, loadColumns]);

  const columnList = useMemo(
    () =>
      Object.entries(columns).flatMap(([key, loadable]) => {
        if (!key.startsWith(prefix) || loadable.status !== 'ready') return [];
        const table = key.slice(key.lastIndexOf('|') + 1);
        return loadable.value.map((column) => ({ table, name: column.name, type: column.type }));
      }),
    [columns, prefix],
  );

  return useMemo(
    () => ({
      tables: tableList.map(({ schema, name }) => ({ schema, name })),
      columns: columnList,
      aliases: contractAliases(importType, ruleSet),
      ...(dialect ? { dialect } : {}),
    }),
    [tableList, columnList, importType, ruleSet, dialect],
  );
}

/** The value once it has stopped changing for `delayMs`. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
