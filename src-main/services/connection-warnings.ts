import type { Connection } from '../../src-shared/contract/model';

/** Advice about a connection that does not need the database: shown beside every test result. */
export function connectionWarnings(connection: Connection): string[] {
  if (connection.kind === 'mssql' && connection.instance && connection.port !== undefined) {
    return [
      'Both a port and a named instance are given: the instance is resolved through UDP 1434 and the port is ignored.',
    ];
  }
  return [];
}
