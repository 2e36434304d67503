/**
 * Previews and full reads on MySQL/MariaDB do not run stored code (issue 10, item 5).
 *
 * Measured on MariaDB 10.11, inside START TRANSACTION READ ONLY, a stored function still writes
 * a server file (`SELECT … INTO OUTFILE`/`DUMPFILE` in its body, or in a procedure it CALLs),
 * changes server settings (SET GLOBAL) and takes user locks (GET_LOCK). The transaction does
 * stop, with error 1792, writes to tables of every engine (InnoDB, MyISAM, Aria, MEMORY), NEXTVAL
 * and temporary tables; MariaDB itself refuses dynamic SQL in a function (1336) and a trigger
 * fires only on a write, which is refused first.
 *
 * Why every stored function, and not only for logins holding FILE or SUPER: a function runs with
 * its creator's rights (SQL SECURITY DEFINER is the default), and a view runs the functions in its
 * definition with the view creator's rights. A login with SELECT on one view and no FILE privilege
 * wrote a file with `SELECT * FROM v`. Reading a function's body to allow the harmless ones is no
 * way out either: a login that may only EXECUTE a function, or only SELECT from the view, sees no
 * body (ROUTINE_DEFINITION is NULL, SHOW CREATE FUNCTION fails, VIEW_DEFINITION is empty). So the
 * rule is simple and holds for every login: a statement that would run a stored function is not
 * run. A query without stored functions runs as before.
 *
 * How it is found, before the statement runs:
 * - MariaDB: the statement is prepared (not executed; measured: no function body runs, no file
 *   appears), with SQL's own PREPARE, so the server prepares it whatever the client library does
 *   (mysql2, or an ODBC driver that may prepare on the client). Preparing loads every stored
 *   routine the statement would run, through views and nested calls too, and a fresh session
 *   loads each from mysql.proc with one index read, which
 *   counts in Handler_read_key; plain SELECTs, SHOW, views without functions and CONVERT_TZ read
 *   nothing. So a rise of that counter means stored code. The session is new for every operation,
 *   so no routine is cached in it yet.
 * - MySQL keeps routines in a data dictionary shared by all sessions, so the counter proves
 *   nothing there; only the functions the statement names are found (the login sees those it may
 *   EXECUTE in information_schema.ROUTINES). A function behind a view is not found on MySQL.
 * - Both: loadable functions (UDFs such as sys_exec) run native code and need no privilege to be
 *   called; mysql.func lists them, when the login may read it.
 *
 * One implementation for every client that reaches these servers (mysql2, and MariaDB or MySQL
 * Connector/ODBC): each hands over a small runner, so the check and its messages are the same.
 */
export class StoredCodeRefusal extends Error {
  override name = 'StoredCodeRefusal';
}

const CANNOT_STOP =
  'A preview cannot stop what a stored function does outside its read-only transaction: the function runs ' +
  'with the rights of whoever created it and can write files on the database server or change server settings. ' +
  'So previews and validations on MySQL/MariaDB do not run stored functions';

export type SqlRow = Record<string, unknown>;

/** What the check needs of a session: run one statement, and read a server error's number. */
export interface SqlRunner {
  /** Rows as objects by column name (none for a statement without a result); `?` binds `values`. */
  rows(sql: string, values?: string[]): Promise<SqlRow[]>;
  /** The server's error number (1295 …) carried by something `rows` threw, if any. */
  errorNumber(error: unknown): number | undefined;
}

export async function refuseStoredCode(run: SqlRunner, sql: string, mariadb: boolean): Promise<void> {
  const names = calledNames(sql);
  const udfs = names.length === 0 ? [] : await loadableFunctionsNamed(run, names);
  if (udfs.length > 0) throw new StoredCodeRefusal(udfMessage(udfs));
  if (!mariadb) {
    const named = names.length === 0 ? [] : await storedFunctionsNamed(run, names);
    if (named.length > 0) throw new StoredCodeRefusal(namedMessage(named));
    return;
  }
  const loaded = await routinesLoadedByPrepare(run, sql);
  if (loaded.routines === 0) return;
  const named = names.length === 0 ? [] : await storedFunctionsNamed(run, names);
  throw new StoredCodeRefusal(named.length > 0 ? namedMessage(named) : hiddenMessage(loaded.views > 0));
}

/**
 * Whether the MariaDB way of finding stored code applies. VERSION() says "MariaDB" unless the
 * server was started with a made-up version (some sites give 8.0.x to applications that insist on
 * MySQL 8): then Aria's settings, which every MariaDB has and MySQL has not, still tell.
 */
export async function isMariadb(run: SqlRunner, version: string): Promise<boolean> {
  if (/mariadb/i.test(version)) return true;
  return run.rows('SELECT @@global.aria_block_size AS b').then(
    () => true,
    () => false,
  );
}

/**
 * Every name written right before `(` (bare or in backticks, comments allowed between): the
 * functions the statement may call. Quotes are not respected, so a name inside a string counts
 * too; that only ever adds a name to look up.
 */
export function calledNames(sql: string): string[] {
  const names = new Set<string>();
  const call = /(?:`((?:[^`]|``)+)`|([\p{L}\p{N}_$]+))(?:\s|\/\*[\s\S]*?\*\/)*\(/gu;
  for (const match of sql.matchAll(call)) {
    const name = match[1]?.replaceAll('``', '`') ?? match[2] ?? '';
    if (name !== '' && !/^\d+$/.test(name)) names.add(name.toLowerCase());
  }
  return [...names].slice(0, 1000);
}

/** Stored functions the login can see whose names the statement calls, as `schema`.`name`. */
async function storedFunctionsNamed(run: SqlRunner, names: string[]): Promise<string[]> {
  // One placeholder per name: mysql2 and ODBC both bind a flat list.
  const rows = await run.rows(
    `SELECT ROUTINE_SCHEMA AS s, ROUTINE_NAME AS n FROM information_schema.ROUTINES
     WHERE ROUTINE_TYPE = 'FUNCTION' AND ROUTINE_NAME IN (${names.map(() => '?').join(', ')})
     ORDER BY ROUTINE_SCHEMA, ROUTINE_NAME`,
    names,
  );
  return rows.map((row) => `${quoteName(String(row.s))}.${quoteName(String(row.n))}`);
}

/** UDFs the statement calls; a login that may not read mysql.func learns nothing here. */
async function loadableFunctionsNamed(run: SqlRunner, names: string[]): Promise<string[]> {
  const rows = await run.rows('SELECT name FROM mysql.func').catch(() => []);
  const called = new Set(names);
  return rows.map((row) => String(row.name)).filter((name) => called.has(name.toLowerCase()));
}

/** How many stored routines (and views) preparing the statement loaded; nothing is executed. */
async function routinesLoadedByPrepare(run: SqlRunner, sql: string): Promise<{ routines: number; views: number }> {
  // The text travels as hex, so no quoting or sql_mode can change it; the variable is set before
  // the first count (measured: neither it nor PREPARE itself reads a key).
  const text = Buffer.from(sql, 'utf8').toString('hex');
  await run.rows(`SET @acd_stored_code_check = CONVERT(X'${text}' USING utf8mb4)`);
  const before = await sessionCounters(run);
  try {
    await run.rows('PREPARE acd_stored_code_check FROM @acd_stored_code_check');
    const after = await sessionCounters(run);
    return { routines: after.reads - before.reads, views: after.views - before.views };
  } catch (error) {
    // A statement the server cannot prepare cannot be checked; every reading statement can.
    if (run.errorNumber(error) === 1295) throw new StoredCodeRefusal(UNPREPARABLE);
    throw error;
  } finally {
    await run.rows('DEALLOCATE PREPARE acd_stored_code_check').catch(() => undefined);
    await run.rows('SET @acd_stored_code_check = NULL').catch(() => undefined);
  }
}

async function sessionCounters(run: SqlRunner): Promise<{ reads: number; views: number }> {
  const rows = await run.rows("SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_key', 'Opened_views')");
  const value = (name: string) => Number(rows.find((row) => String(row.Variable_name) === name)?.Value ?? NaN);
  const counters = { reads: value('Handler_read_key'), views: value('Opened_views') };
  // Without the counter the check proves nothing, so the statement is not run.
  if (!Number.isFinite(counters.reads)) throw new StoredCodeRefusal(UNPREPARABLE);
  return { reads: counters.reads, views: Number.isFinite(counters.views) ? counters.views : 0 };
}

const UNPREPARABLE =
  'The server could not check this statement for stored functions before running it, so it is not run: ' +
  'a stored function can write files on the database server even inside a read-only transaction. ' +
  'Write the query as a plain SELECT.';

export function namedMessage(functions: string[]): string {
  const which =
    functions.length === 1 ? `the stored function ${functions[0]}` : `the stored functions ${functions.join(', ')}`;
  return `This query calls ${which}. ${CANNOT_STOP}: write what the function computes into the query itself.`;
}

export function hiddenMessage(throughView: boolean): string {
  if (!throughView) {
    return `This query runs a stored function that this login cannot see. ${CANNOT_STOP}: remove it from the query.`;
  }
  return (
    `This query runs a stored function inside a view it reads. ${CANNOT_STOP}: read the view's tables instead, ` +
    'or ask the database administrator for a view without stored functions.'
  );
}

export function udfMessage(functions: string[]): string {
  return (
    `This query calls ${functions.join(', ')}, loaded into the server from a library (a UDF). It runs native ` +
    'code on the database server, which a read-only transaction cannot stop, so previews do not run it: ' +
    'remove it from the query.'
  );
}

function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
