import Cursor from 'pg-cursor';
import { textDateTypes } from './pg-text-types';

/**
 * A cursor over the admin's query, with the client-side read timeout of the statement rather
 * than of the connection. pg applies `query_timeout` from the submitted object, or else from the
 * connection, whose value is the short connect backstop; a cursor has none of its own, so
 * without this any preview or stream running past the connect timeout + 1 s failed as TIMEOUT.
 */
export function readCursor(sql: string, statementTimeoutMs: number): Cursor {
  // Cursors take their own type parsers; without these, naive timestamps become local Dates.
  const cursor = new Cursor(sql, [], { rowMode: 'array', types: textDateTypes });
  return Object.assign(cursor, { query_timeout: Math.round(statementTimeoutMs) + 1_000 });
}
