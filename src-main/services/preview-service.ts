import type { ParsedInputOf, PreviewResult } from '../../src-shared/contract/api';
import { ServiceError } from '../../src-shared/rpc/result';
import { previewSqlite } from '../preview/sqlite-preview';
import type { SystemsService } from './systems-service';

const KIND_LABEL = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', mssql: 'SQL Server', odbc: 'ODBC' } as const;

export class PreviewService {
  constructor(private readonly systems: SystemsService) {}

  preview({ systemId, sql, limit }: ParsedInputOf<'query.preview'>): PreviewResult {
    const { connection } = this.systems.require(systemId);
    if (connection.kind === 'sqlite') return previewSqlite(connection.file, sql, limit);
    throw new ServiceError(
      'NOT_SUPPORTED',
      `Previewing through a ${KIND_LABEL[connection.kind]} connection is not available in this version yet; ` +
        'the embedded demo (SQLite) can be previewed.',
    );
  }
}
