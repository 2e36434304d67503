/**
 * The longest text each field of the contract takes. Every string that crosses a transport has
 * one, so a pasted megabyte or a hostile client cannot make the store, the tree or every later
 * answer grow without bound. The values are generous for real use; the comment says why each is.
 */
export const TEXT_LIMITS = {
  /** Tree labels and Xlink ini section names. */
  name: 100,
  /** A DNS name is at most 253 characters; an IPv6 literal is far shorter. */
  host: 253,
  /** SQL Server and Informix allow 128-character database and login names; others fewer. */
  database: 128,
  user: 128,
  /** Passwords and bundle passphrases. */
  password: 1024,
  /** An SQLite file path (Linux allows 4096 bytes; Windows' long paths are rarer than that). */
  filePath: 4096,
  /** An ODBC connection string; drivers cut them far shorter, 1024 is common. */
  connectionString: 8192,
  /** Generated Xlink queries are a few kilobytes; 256 K characters is a very large query. */
  sql: 262_144,
  /** IANA zone names are at most about 30 characters. */
  timeZone: 64,
  /** Schema, table and column names in the schema browser (PostgreSQL 63, SQL Server 128). */
  identifier: 256,
  /** Ids a caller makes for its runs. */
  runId: 64,
} as const;

/** A message for a text that is too long: how long it is and what the limit is. */
export function tooLongMessage(limit: number): string {
  return `must be at most ${limit.toLocaleString('en')} characters`;
}
