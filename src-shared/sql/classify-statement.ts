import { flavoursFor, type Dialect, type LexFlavour } from './dialect';
import { tokenize, type Token } from './lexer';
import { nameOf, sideEffectCallAt } from './function-calls';
import { splitTokens, type SqlStatement } from './split-statements';
import {
  ARGUMENT_PRAGMAS,
  LOCK_HINTS,
  MSSQL_STATEMENT_WORDS,
  READ_LEADING,
  READ_PRAGMAS,
  SESSION_LEADING,
  TRANSACTION_LEADING,
  WRITE_KEYWORDS,
  WRITE_LEADING,
  type WriteKind,
} from './statement-rules';

export type RefusalReason = 'empty' | 'multiple-statements' | 'writes' | 'transaction-control' | 'syntax';

export interface PreviewRefusal {
  ok: false;
  reason: RefusalReason;
  /** A plain sentence for the admin. */
  message: string;
  /** Where in the text the problem starts, when there is one place. */
  offset?: number;
}

export interface PreviewAllowed {
  ok: true;
  statement: SqlStatement;
  /** The statement's first word, upper case: SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN, … */
  keyword: string;
}

export type PreviewCheck = PreviewAllowed | PreviewRefusal;

const READ_ONLY = 'A preview runs queries that only read';
const EMPTY = 'There is no query yet: write one SELECT statement.';
const EXPLAINS = new Set(['EXPLAIN', 'DESCRIBE', 'DESC']);
const QUERY_WORDS = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

/**
 * Whether `sql` is one statement that only reads, checked before anything is sent to the server.
 * This is the friendly layer: the read-only, rolled-back transaction still guards what slips by.
 * Only code counts: words in strings, quoted names and comments are ignored, while MySQL
 * `/*! … *\/` sections count as code. Never throws.
 */
export function checkPreviewable(sql: string, dialect: Dialect): PreviewCheck {
  let allowed: PreviewAllowed | undefined;
  for (const [index, flavour] of flavoursFor(dialect).entries()) {
    const result = checkInFlavour(sql, flavour);
    // Empty in one reading is not final: MySQL reads `/*!50000 DROP TABLE t *\/` as code.
    if (!result.ok && result.reason !== 'empty') {
      if (index === 0) return result;
      // Only a generic connection has several readings; say which one found the problem.
      const note = `(That is how ${flavour.label} reads the text; the database behind this ODBC data source is unknown, so every dialect is checked.)`;
      return { ...result, message: `${result.message} ${note}` };
    }
    if (result.ok) allowed ??= result;
  }
  return allowed ?? refuse('empty', EMPTY);
}

function checkInFlavour(sql: string, flavour: LexFlavour): PreviewCheck {
  const lexed = tokenize(sql, flavour);
  if (!lexed.ok) return refuse('syntax', lexed.error.message, lexed.error.offset);
  const statements = splitTokens(sql, lexed.tokens, flavour);
  const [first, second] = statements;
  if (first === undefined) return refuse('empty', EMPTY);
  if (second !== undefined) {
    return refuse(
      'multiple-statements',
      `The text holds ${statements.length} statements; the WFM system runs exactly one query — remove the others ` +
        `(the second starts on line ${second.line}).`,
      second.start,
    );
  }
  return classify(first, flavour);
}

function classify(statement: SqlStatement, flavour: LexFlavour): PreviewCheck {
  const tokens = statement.tokens;
  let at = 0;
  while (isSymbol(tokens[at], '(')) at++;
  const lead = tokens[at];
  if (lead === undefined || lead.kind !== 'word') {
    const call = lead === undefined ? undefined : odbcCall(tokens, at);
    if (call !== undefined) return call;
    const start = lead?.text ?? '(';
    return refuse('syntax', `A query starts with SELECT or WITH; this one starts with “${start}”.`, lead?.start);
  }
  const keyword = lead.text.toUpperCase();
  if (!READ_LEADING.has(keyword)) return refuseLeading(keyword, lead.start);
  const special =
    keyword === 'PRAGMA' ? checkPragma(tokens, at) : EXPLAINS.has(keyword) ? checkExplain(tokens, at) : undefined;
  return special ?? scanBody(tokens, flavour) ?? { ok: true, statement, keyword };
}

function refuseLeading(keyword: string, offset: number): PreviewRefusal {
  const kind = WRITE_LEADING.get(keyword);
  if (kind !== undefined) return refuse('writes', writeMessage(kind, keyword), offset);
  if (keyword === 'SET') {
    const message =
      'A preview runs in a read-only transaction that it rolls back; SET would change the session’s settings ' +
      'and could turn the read-only mode off (SET).';
    return refuse('transaction-control', message, offset);
  }
  if (TRANSACTION_LEADING.has(keyword)) {
    const message =
      'A preview runs in its own read-only transaction and rolls it back; this statement would start, end or ' +
      `change a transaction (${keyword}).`;
    return refuse('transaction-control', message, offset);
  }
  if (SESSION_LEADING.has(keyword)) {
    const message = `A preview runs one query and leaves the session as it was; this statement would change the session (${keyword}).`;
    return refuse('transaction-control', message, offset);
  }
  if (/^(SP|XP)_/.test(keyword)) return refuse('writes', writeMessage('procedure', keyword), offset);
  const message =
    'A preview runs only queries that read (SELECT, WITH … SELECT, VALUES, TABLE, EXPLAIN, SHOW); a statement ' +
    `that starts with ${keyword} may change data, so it is not run.`;
  return refuse('writes', message, offset);
}

function writeMessage(kind: WriteKind, keyword: string): string {
  if (kind === 'data') return `${READ_ONLY}; this statement would change data (${keyword}).`;
  if (kind === 'database') return `${READ_ONLY}; this statement would change the database (${keyword}).`;
  return `${READ_ONLY}; this statement runs a procedure, which may change data (${keyword}).`;
}

/** Keywords anywhere in the statement: writable CTEs, SELECT … INTO, locking reads, T-SQL batches. */
function scanBody(tokens: readonly Token[], flavour: LexFlavour): PreviewRefusal | undefined {
  for (const [k, token] of tokens.entries()) {
    // Checked before the keyword filter below: `pg_catalog.nextval(` and `"nextval"(` call it too.
    const call = sideEffectCallAt(tokens, k);
    if (call !== undefined) {
      return refuse('writes', `${READ_ONLY}; this one calls ${call.name}(), which ${call.entry.does}.`, call.offset);
    }
    const name = nameOf(tokens, k);
    if (name?.startsWith('xp_')) return refuse('writes', writeMessage('procedure', name), token.start);
    const escape = odbcCall(tokens, k);
    if (escape !== undefined) return escape;
    const previous = tokens[k - 1];
    // After a dot or AS a keyword is a name: PostgreSQL accepts `t.update` and `1 AS delete`.
    if (token.kind !== 'word' || isSymbol(previous, '.') || wordAt(tokens, k - 1) === 'AS') continue;
    const refusal = keywordRefusal(tokens, k, flavour);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

function keywordRefusal(tokens: readonly Token[], k: number, flavour: LexFlavour): PreviewRefusal | undefined {
  const word = wordAt(tokens, k);
  const offset = tokens[k]?.start;
  const [next, afterNext] = [wordAt(tokens, k + 1), wordAt(tokens, k + 2)];
  if (word === 'INTO') {
    return refuse(
      'writes',
      `${READ_ONLY}; SELECT … INTO would create a table or write a file or variable (INTO).`,
      offset,
    );
  }
  if (word === 'FOR' && (next === 'UPDATE' || next === 'SHARE' || (next === 'NO' && afterNext === 'KEY'))) {
    return lockRefusal(next === 'NO' ? 'FOR NO KEY UPDATE' : `FOR ${next}`, offset);
  }
  if (word === 'FOR' && next === 'KEY' && afterNext === 'SHARE') return lockRefusal('FOR KEY SHARE', offset);
  if (word === 'LOCK' && next === 'IN' && afterNext === 'SHARE') return lockRefusal('LOCK IN SHARE MODE', offset);
  if (LOCK_HINTS.has(word)) return lockRefusal(word, offset);
  if (word === 'NEXT' && next === 'VALUE' && afterNext === 'FOR') {
    return refuse('writes', `${READ_ONLY}; NEXT VALUE FOR advances a sequence, which changes the database.`, offset);
  }
  // `INSERT (` starts no statement in any dialect (a target table comes first): it is MySQL's
  // string function INSERT(str, pos, len, newstr), or ODBC's {fn INSERT(…)}. UPDATE and DELETE
  // stay refused before `(`: Oracle updates and deletes through `UPDATE (subquery) SET …`.
  if (word === 'INSERT' && isSymbol(tokens[k + 1], '(')) return undefined;
  if (WRITE_KEYWORDS.has(word)) return refuse('writes', writeMessage('data', word), offset);
  if (flavour.name === 'mssql' && MSSQL_STATEMENT_WORDS.has(word) && !mssqlExempt(tokens, k)) {
    return refuseLeading(word, offset ?? 0);
  }
  return undefined;
}

/**
 * Words of a T-SQL statement that also appear inside a query, where T-SQL cannot read them as a
 * statement: `CHARACTER SET`, `OPTION (USE HINT (…))`, and for MySQL behind an unnamed ODBC
 * driver `USE INDEX (…)` and the numeric function `TRUNCATE(x, d)` (T-SQL needs `TRUNCATE TABLE`).
 */
function mssqlExempt(tokens: readonly Token[], k: number): boolean {
  const word = wordAt(tokens, k);
  if (word === 'SET') return ['CHARACTER', 'CHAR'].includes(wordAt(tokens, k - 1));
  if (word === 'USE') return ['HINT', 'PLAN', 'INDEX', 'KEY'].includes(wordAt(tokens, k + 1));
  if (word === 'TRUNCATE') return isSymbol(tokens[k + 1], '(');
  return false;
}

function lockRefusal(clause: string, offset: number | undefined): PreviewRefusal {
  const message = `${READ_ONLY}; ${clause} would lock the rows it reads and hold up the systems that write to this database — remove it.`;
  return refuse('writes', message, offset);
}

function checkExplain(tokens: readonly Token[], at: number): PreviewRefusal | undefined {
  for (let k = at + 1; k < tokens.length; k++) {
    const word = wordAt(tokens, k);
    const offset = tokens[k]?.start;
    if (word === 'ANALYZE' || word === 'ANALYSE') {
      const message = `EXPLAIN ${word} runs the statement it explains; a preview runs EXPLAIN only without ${word}.`;
      return refuse('writes', message, offset);
    }
    if (QUERY_WORDS.has(word)) return undefined;
    if (WRITE_LEADING.has(word) || TRANSACTION_LEADING.has(word) || SESSION_LEADING.has(word)) {
      return refuse('writes', `${READ_ONLY}; not even EXPLAIN of a statement that changes data (${word}).`, offset);
    }
  }
  return undefined;
}

/** SQLite: a pragma with a value (`= x` or `(x)`) sets it; only listed pragmas are queried. */
function checkPragma(tokens: readonly Token[], at: number): PreviewRefusal | undefined {
  const schemaDot = isSymbol(tokens[at + 2], '.') ? 2 : 0;
  const nameToken = tokens[at + 1 + schemaDot];
  if (nameToken === undefined) return refuse('syntax', 'PRAGMA needs the name of a pragma.', tokens[at]?.start);
  const name = nameToken.text.replace(/^["`[]|["`\]]$/g, '').toLowerCase();
  const rest = tokens.slice(at + 2 + schemaDot);
  const sets =
    rest.some((token) => isSymbol(token, '=')) ||
    !READ_PRAGMAS.has(name) ||
    (rest.length > 0 && !(ARGUMENT_PRAGMAS.has(name) && isSymbol(rest[0], '(')));
  if (!sets) return undefined;
  const message = `${READ_ONLY}; PRAGMA ${name} with a value, or one not known to only report, may change the database.`;
  return refuse('writes', message, nameToken.start);
}

/** ODBC escape `{call proc}` / `{? = call proc}`: the driver turns it into a procedure call. */
function odbcCall(tokens: readonly Token[], k: number): PreviewRefusal | undefined {
  if (!isSymbol(tokens[k], '{')) return undefined;
  let j = k + 1;
  while (isSymbol(tokens[j], '?') || isSymbol(tokens[j], '=')) j++;
  const word = wordAt(tokens, j);
  if (word !== 'CALL' && word !== 'EXEC' && word !== 'EXECUTE') return undefined;
  return refuse('writes', writeMessage('procedure', `{${word.toLowerCase()} …}`), tokens[k]?.start);
}

function isSymbol(token: Token | undefined, symbol: string): boolean {
  return token?.kind === 'symbol' && token.text === symbol;
}

function wordAt(tokens: readonly Token[], k: number): string {
  const token = tokens[k];
  return token?.kind === 'word' ? token.text.toUpperCase() : '';
}

function refuse(reason: RefusalReason, message: string, offset?: number): PreviewRefusal {
  return offset === undefined ? { ok: false, reason, message } : { ok: false, reason, message, offset };
}
