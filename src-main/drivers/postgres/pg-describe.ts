import type pg from 'pg';

/** A result column as the server describes it: its name and the type's OID (for the type parser). */
export interface DescribedColumn {
  name: string;
  dataTypeID: number;
}

interface RowDescription {
  fields: DescribedColumn[];
}

/**
 * Parse and Describe of the admin's statement, without running it: the server names the result
 * columns and their types, or reports the statement's error as running it would (syntax, unknown
 * table, permissions on the objects it names). Null when the statement returns no rows.
 */
export function describeStatement(
  client: pg.Client,
  sql: string,
  timeoutMs: number,
): Promise<DescribedColumn[] | null> {
  return new Promise((resolve, reject) => {
    let columns: DescribedColumn[] | null = null;
    const submittable = {
      // pg's client-side backstop, as for the cursor: the statement's limit, not the connect one.
      query_timeout: Math.round(timeoutMs) + 1_000,
      callback: undefined as ((error: Error | null) => void) | undefined,
      submit(connection: DescribeConnection) {
        connection.parse({ text: sql }, true);
        connection.describe({ type: 'S', name: '' }, true);
        connection.sync();
      },
      handleRowDescription(message: RowDescription) {
        columns = message.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID }));
      },
      // pg ends the query at an error (ReadyForQuery then reaches no one), and at its read timeout.
      handleError(error: Error) {
        submittable.callback?.(error);
        reject(error);
      },
      handleReadyForQuery() {
        submittable.callback?.(null);
        resolve(columns);
      },
      handleDataRow: ignore,
      handleCommandComplete: ignore,
      handleEmptyQuery: ignore,
      handlePortalSuspended: ignore,
      handleCopyInResponse: ignore,
      handleCopyData: ignore,
    };
    client.query(submittable as unknown as pg.Submittable);
  });
}

function ignore(): void {}

interface DescribeConnection {
  parse(query: { text: string }, more: boolean): void;
  describe(target: { type: 'S' | 'P'; name: string }, more: boolean): void;
  sync(): void;
}
