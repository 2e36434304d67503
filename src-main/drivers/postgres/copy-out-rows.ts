import type pg from 'pg';
import { BatchQueue } from '../shared/batch-queue';
import { splitCopyRow } from './copy-text';

type Parser = (text: string) => unknown;

/** The rows of a COPY … TO STDOUT, batch by batch. */
export interface CopyOutRows {
  /** The next batch (at most batchSize rows), or null after the last; rejects with the statement's error. */
  next(): Promise<unknown[][] | null>;
  /** Rows handed out so far, so a caller can tell an error before the first row from one after. */
  readonly rowsRead: number;
  /**
   * Stops early. COPY OUT has no "stop" message short of a cancel, and the rest of the result would
   * have to be read before the connection is usable again, so the connection is closed instead.
   */
  abandon(): void;
}

interface CopyConnection {
  query(text: string): void;
  stream: { pause(): void; resume(): void; destroy(): void };
}

/**
 * Runs `COPY (sql) TO STDOUT` (text format) and parses each row with the column's pg type parser,
 * so the values are the ones a cursor over the same query returns: one message per row instead
 * of a cursor's round trips and per-field messages. Memory stays flat: the socket is paused while
 * two batches wait to be taken.
 */
export function copyOutRows(
  client: pg.Client,
  sql: string,
  parsers: readonly Parser[],
  { batchSize, timeoutMs }: { batchSize: number; timeoutMs: number },
): CopyOutRows {
  let connection: CopyConnection | undefined;
  const queue = new BatchQueue(batchSize, {
    pause: () => connection?.stream.pause(),
    resume: () => connection?.stream.resume(),
  });
  const columnCount = parsers.length;

  const finish = (error: Error | undefined): void => {
    if (queue.finished) return;
    submittable.callback?.(error ?? null);
    queue.end(error);
  };

  const parseRow = (chunk: Buffer): unknown[] => {
    // Each CopyData message is one row ending in a newline.
    const end = chunk.length > 0 && chunk[chunk.length - 1] === 0x0a ? chunk.length - 1 : chunk.length;
    const row: unknown[] = splitCopyRow(chunk.toString('utf8', 0, end), columnCount);
    for (let i = 0; i < columnCount; i++) {
      const text = row[i];
      if (typeof text === 'string') row[i] = (parsers[i] as Parser)(text);
    }
    return row;
  };

  const submittable = {
    // pg's client-side backstop, as for the cursor: the statement's limit, not the connect one.
    query_timeout: Math.round(timeoutMs) + 1_000,
    callback: undefined as ((error: Error | null) => void) | undefined,
    submit(target: CopyConnection) {
      connection = target;
      // The line break ends a trailing -- comment that would otherwise swallow the parenthesis.
      target.query(`COPY (${sql}\n) TO STDOUT`);
    },
    handleCopyData(message: { chunk: Buffer }) {
      if (queue.finished) return;
      let row: unknown[];
      try {
        row = parseRow(message.chunk);
      } catch (error) {
        // Not the server's error: the connection is mid-COPY, so it cannot be used any more.
        connection?.stream.destroy();
        finish(error as Error);
        return;
      }
      queue.push(row);
    },
    // pg ends the query at an error (ReadyForQuery then reaches no one), and at its read timeout.
    handleError(error: Error) {
      finish(error);
    },
    handleReadyForQuery() {
      finish(undefined);
    },
    handleRowDescription: ignore,
    handleDataRow: ignore,
    handleCommandComplete: ignore,
    handleEmptyQuery: ignore,
    handlePortalSuspended: ignore,
    handleCopyInResponse: ignore,
  };
  client.query(submittable as unknown as pg.Submittable);

  return {
    next: () => queue.next(),
    get rowsRead() {
      return queue.rowsTaken;
    },
    abandon() {
      if (queue.finished) return;
      queue.clear();
      connection?.stream.destroy();
    },
  };
}

function ignore(): void {}
