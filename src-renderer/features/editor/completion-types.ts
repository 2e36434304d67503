import type { Dialect } from '../../../src-shared/sql/dialect';

/** What the editor can complete: the connection's catalogue as loaded so far, and the contract's aliases. */
export interface CompletionCatalogue {
  tables: readonly { schema: string | null; name: string }[];
  columns: readonly { table: string; name: string; type: string }[];
  aliases: readonly { name: string; description: string; required: boolean }[];
  /** How to quote names that need it; double quotes (standard SQL) when absent. */
  dialect?: Dialect;
}

/** Visible words, passed in so the pure builder stays free of i18n. */
export interface CompletionLabels {
  required: string;
  optional: string;
  alreadyUsed: string;
  table: string;
  keyword: string;
}

export type CompletionKind = 'alias' | 'table' | 'column' | 'keyword';

export interface CompletionItem {
  kind: CompletionKind;
  label: string;
  insertText: string;
  /** Short text beside the label: required/optional, a column's type and table, a table's schema. */
  detail: string;
  documentation?: string;
  /** Compared as strings, lowest first: the rank, then the label. */
  sortText: string;
}
