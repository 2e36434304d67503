import { flavoursFor, type Dialect, type LexFlavour } from '../../../../src-shared/sql/dialect';
import { tokenize, type Token } from '../../../../src-shared/sql/lexer';

export type OneLineSql = { ok: true; sql: string } | { ok: false; reason: string };

/**
 * SQL for an ini value, which is one line. Line comments would swallow everything after them, so
 * they become block comments first; the text is read with the project's lexer, so `--` inside a
 * string is left alone. A string or quoted name that spans lines cannot be joined without
 * changing its value, so that is refused. For a generic connection the result must read the same
 * in every dialect's reading.
 */
export function oneLineSql(sql: string, dialect: Dialect): OneLineSql {
  const flavours = flavoursFor(dialect);
  const [primary] = flavours;
  if (primary === undefined) return { ok: false, reason: 'no SQL dialect to read it with' };
  const lexed = tokenize(sql, primary);
  if (!lexed.ok) return { ok: false, reason: lexed.error.message };
  // Spacing is kept as written, except that every run of blanks holding a line break becomes one space.
  let joined = '';
  let previousEnd = 0;
  for (const token of lexed.tokens) {
    if ((token.kind === 'string' || token.kind === 'identifier') && /[\r\n]/.test(token.text)) {
      return { ok: false, reason: 'a quoted text in it spans several lines, which one ini line cannot hold' };
    }
    const gap = sql.slice(previousEnd, token.start);
    joined += /[\r\n]/.test(gap) ? gap.replace(/\s+/g, ' ') : gap;
    joined += token.kind === 'comment' ? asBlockComment(token.text) : token.text;
    previousEnd = token.end;
  }
  joined = joined.trim();
  for (const flavour of flavours) {
    if (!sameCode(sql, joined, flavour)) {
      return { ok: false, reason: `joined into one line it would read differently in ${flavour.label}` };
    }
  }
  return { ok: true, sql: joined };
}

function asBlockComment(comment: string): string {
  const body = comment.startsWith('/*')
    ? comment.slice(2, comment.endsWith('*/') ? -2 : undefined)
    : comment.replace(/^(--|#)/, '');
  // A "*/" inside would end the new comment early, and a "/*" would nest in PostgreSQL and SQL Server.
  const safe = body.replace(/\*\//g, '* /').replace(/\/\*/g, '/ *');
  return `/* ${safe.replace(/\s+/g, ' ').trim()} */`;
}

function codeTokens(sql: string, flavour: LexFlavour): string[] | undefined {
  const lexed = tokenize(sql, flavour);
  if (!lexed.ok) return undefined;
  return lexed.tokens.filter((token: Token) => token.kind !== 'comment').map((token) => token.text);
}

function sameCode(original: string, joined: string, flavour: LexFlavour): boolean {
  const before = codeTokens(original, flavour);
  const after = codeTokens(joined, flavour);
  return before !== undefined && after !== undefined && before.join('\u0000') === after.join('\u0000');
}
