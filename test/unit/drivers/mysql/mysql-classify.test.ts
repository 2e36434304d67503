import { describe, expect, it } from 'vitest';
import { classifyMysqlError } from '../../../../src-main/drivers/mysql/mysql-classify';
import { mysqlConnectionOptions, type MysqlConnection } from '../../../../src-main/drivers/mysql/mysql-config';

const connection: MysqlConnection = {
  kind: 'mysql',
  host: 'acd-db.example',
  port: 3307,
  database: 'cms',
  user: 'wfm',
  tls: 'disable',
};
const classify = (error: unknown) => classifyMysqlError(error, connection);

/** What mysql2 throws for a server error packet. */
function serverError(errno: number, code: string, message: string, sqlState = 'HY000') {
  return Object.assign(new Error(message), { errno, code, sqlState, fatal: true });
}
function nodeError(code: string, errno = -1) {
  return Object.assign(new Error(`connect ${code}`), { code, errno, fatal: true });
}

describe('classifyMysqlError', () => {
  it('reads a refused login (1045) as AUTH', () => {
    const result = classify(
      serverError(
        1045,
        'ER_ACCESS_DENIED_ERROR',
        "Access denied for user 'wfm'@'10.1.1.1' (using password: YES)",
        '28000',
      ),
    );
    expect(result.category).toBe('AUTH');
    expect(result.message).toContain('case-sensitive');
  });

  it('reads "no access to that database" (1044) as AUTH, saying it may also not exist', () => {
    const result = classify(
      serverError(1044, 'ER_DBACCESS_DENIED_ERROR', "Access denied for user 'wfm'@'%' to database 'cms'", '42000'),
    );
    expect(result.category).toBe('AUTH');
    expect(result.message).toContain('"cms"');
    expect(result.message).toContain('does not exist');
    expect(result.message).toContain('GRANT SELECT ON `cms`.*');
  });

  it('names the missing database (1049)', () => {
    const result = classify(serverError(1049, 'ER_BAD_DB_ERROR', "Unknown database 'cms'", '42000'));
    expect(result).toMatchObject({ category: 'DATABASE_NOT_FOUND' });
    expect(result.message).toContain('"cms"');
    expect(result.message).toContain('acd-db.example:3307');
  });

  it('reads a host the server does not accept (1130) as AUTH', () => {
    const result = classify(serverError(1130, 'ER_HOST_NOT_PRIVILEGED', "Host '10.1.1.1' is not allowed to connect"));
    expect(result.category).toBe('AUTH');
  });

  it('reads socket failures: refused and unknown host as UNREACHABLE, connect timeout as TIMEOUT', () => {
    expect(classify(nodeError('ECONNREFUSED', -111))).toMatchObject({ category: 'UNREACHABLE' });
    expect(classify(nodeError('ECONNREFUSED', -111)).message).toContain('acd-db.example:3307');
    expect(classify(nodeError('ENOTFOUND', -3008)).message).toContain('"acd-db.example" was not found');
    expect(classify(nodeError('ETIMEDOUT')).category).toBe('TIMEOUT');
  });

  it('reads query time limits as TIMEOUT: the client backstop and both servers', () => {
    expect(
      classify(Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' })).category,
    ).toBe('TIMEOUT');
    expect(classify(serverError(1969, 'ER_STATEMENT_TIMEOUT', 'Query execution was interrupted')).category).toBe(
      'TIMEOUT',
    );
    expect(classify(serverError(3024, 'ER_QUERY_TIMEOUT', 'maximum statement execution time exceeded')).category).toBe(
      'TIMEOUT',
    );
  });

  it('reads TLS failures as TLS', () => {
    const noTls = Object.assign(new Error('Server does not support secure connection'), {
      code: 'HANDSHAKE_NO_SSL_SUPPORT',
    });
    expect(classify(noTls).category).toBe('TLS');
    expect(
      classify(
        serverError(3159, 'ER_SECURE_TRANSPORT_REQUIRED', 'Connections using insecure transport are prohibited'),
      ),
    ).toMatchObject({ category: 'TLS' });
    expect(classify(nodeError('DEPTH_ZERO_SELF_SIGNED_CERT')).category).toBe('TLS');
  });

  it('keeps anything else as ERROR with the server number', () => {
    expect(classify(serverError(1227, 'ER_SPECIFIC_ACCESS_DENIED_ERROR', 'Access denied; you need SUPER'))).toEqual({
      category: 'ERROR',
      message: 'MySQL/MariaDB reported: Access denied; you need SUPER (error 1227)',
    });
    expect(classify(null).category).toBe('ERROR');
  });
});

describe('mysqlConnectionOptions', () => {
  it('keeps dates as text, big numbers exact, one statement per call, and the timeout for the login', () => {
    expect(mysqlConnectionOptions(connection, 'pw', 4_000)).toMatchObject({
      connectTimeout: 4_000,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      multipleStatements: false,
    });
    expect(mysqlConnectionOptions(connection, 'pw', 4_000)).not.toHaveProperty('ssl');
    expect(mysqlConnectionOptions({ ...connection, tls: 'verify' }, 'pw', 4_000).ssl).toEqual({
      rejectUnauthorized: true,
    });
  });
});
