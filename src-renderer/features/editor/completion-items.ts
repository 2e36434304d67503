/**
 * Completion items from the text around the cursor and the catalogue. Pure, so ranking is tested
 * without Monaco: after AS the contract's aliases (required ones not yet used first); after FROM
 * or JOIN tables; after `x.` the columns of the table x stands for; elsewhere columns of the
 * tables the query mentions first, then aliases, tables, other columns and keywords.
 */
import type { Dialect } from '../../../src-shared/sql/dialect';
import type { CompletionCatalogue, CompletionItem, CompletionLabels } from './completion-types';
import { cursorContext, tableReferences, usedAliases, type TableReference } from './sql-scan';

export type { CompletionCatalogue, CompletionItem, CompletionLabels } from './completion-types';

const KEYWORDS = (
  'SELECT FROM WHERE JOIN LEFT_JOIN INNER_JOIN ON AS AND OR NOT NULL IS_NULL IS_NOT_NULL GROUP_BY ORDER_BY ' +
  'HAVING CASE WHEN THEN ELSE END SUM COUNT MIN MAX AVG CAST COALESCE DISTINCT UNION_ALL BETWEEN IN LIKE WITH'
)
  .split(' ')
  .map((word) => word.replace(/_/g, ' '));
const CAST_TYPES = ['INTEGER', 'BIGINT', 'DECIMAL', 'VARCHAR', 'CHAR', 'DATE', 'TIMESTAMP', 'DATETIME'];

// Names that break a query when unquoted; the list is short because completion quotes rarely.
const RESERVED = new Set(
  (
    'all and as by case check column default desc distinct end from group having in index is join key ' +
    'limit not null offset on or order select table to union user values when where'
  ).split(' '),
);

export function quoteIdentifier(name: string, dialect: Dialect = 'generic'): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase())) return name;
  if (dialect === 'mysql') return `\`${name.replace(/`/g, '``')}\``;
  return `"${name.replace(/"/g, '""')}"`;
}

// Where the server finds unqualified names by default, so inserting the schema would be noise.
const DEFAULT_SCHEMAS = new Set(['public', 'dbo', 'main']);

const rank = (rankDigit: number, label: string) => `${rankDigit}${label.toLowerCase()}`;
const same = (a: string | null | undefined, b: string | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && a.toLowerCase() === b.toLowerCase();

export function completionItems(
  text: string,
  offset: number,
  catalogue: CompletionCatalogue,
  labels: CompletionLabels,
): CompletionItem[] {
  const context = cursorContext(text, offset);
  const dialect = catalogue.dialect;
  switch (context.kind) {
    case 'none':
      return [];
    case 'cast-type':
      return CAST_TYPES.map((word, index) => keyword(word, labels, index));
    case 'alias':
      return aliasItems(text, catalogue, labels, 0);
    case 'table':
      return tableItems(catalogue, labels, dialect, 0);
    case 'member':
      return memberItems(context.qualifier, tableReferences(text), catalogue, labels, dialect);
    case 'any': {
      const mentioned = mentionedTables(text, catalogue);
      return [
        ...columnItems(catalogue, dialect, (column) => (mentioned.has(column.table.toLowerCase()) ? 0 : 3)),
        ...aliasItems(text, catalogue, labels, 1),
        ...tableItems(catalogue, labels, dialect, 2),
        ...KEYWORDS.map((word) => keyword(word, labels, 4)),
      ];
    }
  }
}

function aliasItems(text: string, catalogue: CompletionCatalogue, labels: CompletionLabels, base: number) {
  const used = usedAliases(text);
  return catalogue.aliases.map((alias, index): CompletionItem => {
    const isUsed = used.has(alias.name.toLowerCase());
    // Within the alias group: required and unused first, optional next, those already in the query last.
    const order = isUsed ? 2 : alias.required ? 0 : 1;
    const requirement = alias.required ? labels.required : labels.optional;
    return {
      kind: 'alias',
      label: alias.name,
      insertText: alias.name,
      detail: isUsed ? `${requirement} · ${labels.alreadyUsed}` : requirement,
      documentation: alias.description,
      // Contract order within a group: the order the columns are documented and usually written in.
      sortText: `${base}${order}${String(index).padStart(3, '0')}`,
    };
  });
}

function tableItems(
  catalogue: CompletionCatalogue,
  labels: CompletionLabels,
  dialect: Dialect | undefined,
  base: number,
) {
  return catalogue.tables.map((table): CompletionItem => {
    const qualify = table.schema !== null && !DEFAULT_SCHEMAS.has(table.schema.toLowerCase());
    const name = quoteIdentifier(table.name, dialect);
    return {
      kind: 'table',
      label: table.name,
      insertText: qualify && table.schema !== null ? `${quoteIdentifier(table.schema, dialect)}.${name}` : name,
      detail: table.schema ?? labels.table,
      sortText: rank(base, table.name),
    };
  });
}

function columnItems(
  catalogue: CompletionCatalogue,
  dialect: Dialect | undefined,
  rankOf: (column: CompletionCatalogue['columns'][number]) => number | undefined,
) {
  return catalogue.columns.flatMap((column): CompletionItem[] => {
    const columnRank = rankOf(column);
    if (columnRank === undefined) return [];
    return [
      {
        kind: 'column',
        label: column.name,
        insertText: quoteIdentifier(column.name, dialect),
        detail: `${column.type} · ${column.table}`,
        sortText: rank(columnRank, column.name),
      },
    ];
  });
}

/** `x.`: x is a table alias, a table name or a schema; anything else has nothing to offer. */
function memberItems(
  qualifier: string,
  references: TableReference[],
  catalogue: CompletionCatalogue,
  labels: CompletionLabels,
  dialect: Dialect | undefined,
): CompletionItem[] {
  // An alias wins over a table of the same name, as it does in SQL.
  const aliased = references.find((ref) => same(ref.alias, qualifier))?.table;
  const table = aliased ?? catalogue.tables.find((candidate) => same(candidate.name, qualifier))?.name;
  if (table !== undefined)
    return columnItems(catalogue, dialect, (column) => (same(column.table, table) ? 0 : undefined));
  const inSchema = catalogue.tables
    .filter((candidate) => same(candidate.schema, qualifier))
    .map((candidate) => ({ ...candidate, schema: null }));
  return tableItems({ ...catalogue, tables: inSchema }, labels, dialect, 0);
}

/** Tables named after FROM/JOIN, and catalogue tables whose name appears anywhere, lower-cased. */
function mentionedTables(text: string, catalogue: CompletionCatalogue): Set<string> {
  const mentioned = new Set(tableReferences(text).map((ref) => ref.table.toLowerCase()));
  const words = new Set(text.toLowerCase().match(/[a-z_][\w$]*/g) ?? []);
  for (const table of catalogue.tables)
    if (words.has(table.name.toLowerCase())) mentioned.add(table.name.toLowerCase());
  return mentioned;
}

function keyword(word: string, labels: CompletionLabels, rankDigit: number): CompletionItem {
  return { kind: 'keyword', label: word, insertText: word, detail: labels.keyword, sortText: rank(rankDigit, word) };
}
