import { flavoursFor, type Dialect, type LexFlavour } from './dialect';
import { tokenize, type LexError, type Token } from './lexer';

export interface SqlStatement {
  /** The statement from its first to its last code token: no separator, no surrounding comments. */
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** Its code tokens: comments left out, MySQL `/*! … *\/` contents kept. */
  tokens: readonly Token[];
}

export type SplitResult = { ok: true; statements: SqlStatement[] } | { ok: false; error: LexError };

/**
 * The statements of `sql`, separated by semicolons (at any depth: a semicolon inside parentheses
 * is a second statement to some clients) and, where the dialect has them, by `GO` lines. Empty
 * statements (`;;`, a trailing semicolon, a tail of comments) are left out.
 *
 * For a generic connection every reading is tried, and the one that finds the most statements
 * wins: a second statement that any server would run must not go unnoticed.
 */
export function splitStatements(sql: string, dialect: Dialect): SplitResult {
  let best: SqlStatement[] | undefined;
  for (const flavour of flavoursFor(dialect)) {
    const lexed = tokenize(sql, flavour);
    if (!lexed.ok) return lexed;
    const statements = splitTokens(sql, lexed.tokens, flavour);
    if (best === undefined || statements.length > best.length) best = statements;
  }
  return { ok: true, statements: best ?? [] };
}

/** Groups the tokens of one reading into statements. */
export function splitTokens(sql: string, tokens: readonly Token[], flavour: LexFlavour): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let current: Token[] = [];
  // Lines are counted as we go: a text of many short statements stays linear.
  let line = 1;
  let counted = 0;
  const flush = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first !== undefined && last !== undefined) {
      for (; counted < first.start; counted++) if (sql.charCodeAt(counted) === 10) line++;
      statements.push({
        text: sql.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        line,
        tokens: current,
      });
    }
    current = [];
  };
  let skipUntil = -1;
  for (const token of tokens) {
    if (token.start < skipUntil || token.kind === 'comment') continue;
    if (token.kind === 'semicolon') {
      flush();
    } else if (flavour.goSeparator && isGoLine(sql, token)) {
      flush();
      // `GO 5` repeats the batch; the count and a trailing comment belong to the separator.
      skipUntil = lineEndAfter(sql, token.end);
    } else {
      current.push(token);
    }
  }
  flush();
  return statements;
}

/** `GO` alone on its line, optionally with a repeat count and a `--` comment after it. */
function isGoLine(sql: string, token: Token): boolean {
  if (token.kind !== 'word' || token.text.toUpperCase() !== 'GO') return false;
  // Only blanks before it on its line; scanning back stops at the first other character.
  let before = token.start - 1;
  while (before >= 0 && ' \t\f\v'.includes(sql[before] ?? '')) before--;
  if (before >= 0 && sql[before] !== '\n') return false;
  const after = sql.slice(token.end, lineEndAfter(sql, token.end));
  return /^[ \t\f\v]*(?:\d+[ \t\f\v]*)?(?:--.*)?\r?$/.test(after);
}

function lineEndAfter(sql: string, offset: number): number {
  const newline = sql.indexOf('\n', offset);
  return newline < 0 ? sql.length : newline;
}
