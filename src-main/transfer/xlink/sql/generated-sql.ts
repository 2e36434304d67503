import type { SqlIssue } from './timestamp-expression';

/** A generated query and what the admin must know or do about it. */
export interface GeneratedSql {
  sql: string;
  issues: SqlIssue[];
}

/**
 * The `--` lines every generated query starts with: where it came from, so an admin who meets it
 * in the editor months later knows why it looks the way it does.
 */
export function generatedHeader(what: string, section: string, keys: readonly string[], more: readonly string[] = []) {
  return [
    `-- ${what} generated from isps_ul.ini section [${section}]`,
    `-- (${keys.join(', ')}).`,
    ...more.map((line) => `-- ${line}`),
  ];
}

/** `expression AS alias` lines of a SELECT list, indented, with commas. */
export function selectList(items: readonly (readonly [string, string])[], indent = '  '): string[] {
  return items.map(
    ([expression, alias], index) => `${indent}${expression} AS ${alias}${index < items.length - 1 ? ',' : ''}`,
  );
}
