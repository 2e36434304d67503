import type { Dialect } from '../../../../src-shared/sql/dialect';

/**
 * Table and column names from isps_ul.ini turned into SQL. Xlink pasted them into its queries
 * as written; we quote only where a name could not stand bare (spaces, symbols, a reserved word),
 * because quoting also makes PostgreSQL compare the name case-sensitively, and a name that
 * worked bare for Xlink must keep working.
 */

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Words reserved in at least one of the supported servers (or Informix), where they cannot be bare names. */
const RESERVED = new Set(
  (
    'add all alter and any as asc begin between by case cast check collate column commit constraint convert ' +
    'create cross current current_date current_time current_timestamp current_user database default delete ' +
    'desc distinct drop else end except exec execute exists false fetch file for foreign from full grant ' +
    'group groups having identity in index inner insert intersect interval into is join key lag lead left ' +
    'like limit lock natural not null offset on option or order outer over partition percent plan primary ' +
    'procedure range rank read references return right row rows schema select session_user set some table ' +
    'then to top tran trigger true union unique update user using values view when where window with'
  ).split(' '),
);

export function needsQuoting(name: string): boolean {
  return !PLAIN.test(name) || RESERVED.has(name.toLowerCase());
}

/** One name part, quoted in the dialect's way when it must be. */
export function quoteIdentifier(name: string, dialect: Dialect): string {
  if (!needsQuoting(name)) return name;
  return dialect === 'mysql' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`;
}

/**
 * A possibly qualified name as written in the ini (`calls`, `cms.calls`, `source table name`,
 * `"My Table"`, `[dbo].[calls]`): split at dots outside quotes, each part re-quoted for the
 * dialect. Text with an unclosed quote is taken as one name.
 */
export function sqlName(written: string, dialect: Dialect): string {
  const parts = splitQualified(written.trim());
  return (parts ?? [written.trim()]).map((part) => quoteIdentifier(part, dialect)).join('.');
}

const CLOSING: Readonly<Record<string, string>> = { '"': '"', '`': '`', '[': ']' };

function splitQualified(text: string): string[] | undefined {
  const parts: string[] = [];
  let index = 0;
  for (;;) {
    const open = text[index];
    const close = open === undefined ? undefined : CLOSING[open];
    if (close !== undefined) {
      let name = '';
      let cursor = index + 1;
      for (;;) {
        if (cursor >= text.length) return undefined;
        if (text[cursor] === close) {
          if (text[cursor + 1] === close) {
            name += close;
            cursor += 2;
            continue;
          }
          break;
        }
        name += text[cursor];
        cursor++;
      }
      parts.push(name);
      index = cursor + 1;
    } else {
      const dot = text.indexOf('.', index);
      const end = dot < 0 ? text.length : dot;
      parts.push(text.slice(index, end).trim());
      index = end;
    }
    if (index >= text.length) break;
    if (text[index] !== '.') return undefined;
    index++;
  }
  return parts.some((part) => part === '') ? undefined : parts;
}

/**
 * A string literal. MySQL reads backslashes as escapes by default; a generic connection may be
 * any server, so a backslash there has no safe spelling and the caller must leave the value out.
 */
export function sqlString(text: string, dialect: Dialect): string | undefined {
  if (dialect === 'generic' && text.includes('\\')) return undefined;
  const escaped = dialect === 'mysql' ? text.replaceAll('\\', '\\\\') : text;
  return `'${escaped.replaceAll("'", "''")}'`;
}
