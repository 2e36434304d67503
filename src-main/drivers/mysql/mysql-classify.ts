import type { ClassifiedError } from '../db-session';
import { errorMessage, firstLine, numberField, stringField } from '../shared/error-fields';
import { classifyNetworkError, describeEndpoint } from '../shared/network-errors';
import { classifyTlsError } from '../shared/tls-errors';
import type { MysqlConnection } from './mysql-config';
import { StoredCodeRefusal } from './mysql-stored-code';

/**
 * mysql2 errors to categories. Server errors carry `sqlState` and a positive `errno`; socket
 * errors carry Node's code and a negative errno; mysql2's own failures carry codes such as
 * PROTOCOL_SEQUENCE_TIMEOUT.
 */
export function classifyMysqlError(error: unknown, connection: MysqlConnection): ClassifiedError {
  // Our own refusal already says what happened and what to do.
  if (error instanceof StoredCodeRefusal) return { category: 'ERROR', message: error.message };
  const errno = numberField(error, 'errno');
  if (stringField(error, 'sqlState') !== undefined && errno !== undefined && errno > 0) {
    const server = classifyServerError(errno, errorMessage(error), connection);
    if (server !== undefined) return server;
  }
  const code = stringField(error, 'code');
  if (code === 'ETIMEDOUT') {
    return {
      category: 'TIMEOUT',
      message: `${describeEndpoint(connection)} did not complete the login in time: check that this is the MySQL/MariaDB port, and whether a firewall drops the connection.`,
    };
  }
  const network = classifyNetworkError(error, connection);
  if (network !== undefined) return network;
  const tls = classifyTlsError(error);
  if (tls !== undefined) return tls;
  if (code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
    return {
      category: 'TIMEOUT',
      message: `The server at ${describeEndpoint(connection)} stopped answering during a query.`,
    };
  }
  if (code === 'PROTOCOL_CONNECTION_LOST' || /malformed|packets out of order|handshake/i.test(errorMessage(error))) {
    return {
      category: 'BAD_CONFIG',
      message: `Something at ${describeEndpoint(connection)} ended or garbled the MySQL login: check that this port belongs to MySQL or MariaDB (usually 3306).`,
    };
  }
  const suffix = errno !== undefined && errno > 0 ? ` (error ${errno})` : '';
  return { category: 'ERROR', message: `MySQL/MariaDB reported: ${firstLine(errorMessage(error))}${suffix}` };
}

function classifyServerError(errno: number, text: string, connection: MysqlConnection): ClassifiedError | undefined {
  const { user, database } = connection;
  switch (errno) {
    case 1045: // ER_ACCESS_DENIED_ERROR
      return {
        category: 'AUTH',
        message: `The server refused the user name or password for "${user}": check both; the password is case-sensitive.`,
      };
    case 1044: // ER_DBACCESS_DENIED_ERROR
      return {
        category: 'AUTH',
        message:
          `The login "${user}" has no access to database "${database}", or that database does not exist ` +
          '(the server does not tell a login without rights on it which): check the name, and ask for ' +
          `GRANT SELECT ON \`${database}\`.* TO the login.`,
      };
    case 1049: // ER_BAD_DB_ERROR
      return {
        category: 'DATABASE_NOT_FOUND',
        message: `The database "${database}" does not exist on ${describeEndpoint(connection)}: check its name.`,
      };
    case 1130: // ER_HOST_NOT_PRIVILEGED
      return {
        category: 'AUTH',
        message: `The server does not accept logins from this machine's address: ask the administrator for an account for this host (${firstLine(text)}).`,
      };
    case 3159: // ER_SECURE_TRANSPORT_REQUIRED (MySQL require_secure_transport)
      return { category: 'TLS', message: 'The server accepts only TLS connections: turn TLS on for this connection.' };
    case 1040: // ER_CON_COUNT_ERROR
      return {
        category: 'ERROR',
        message:
          'The server has no free connection slots: try again later, or ask the administrator to raise max_connections.',
      };
    case 1129: // ER_HOST_IS_BLOCKED
      return {
        category: 'ERROR',
        message:
          'The server blocks this machine after too many failed connections: ask the administrator to run FLUSH HOSTS.',
      };
    case 1969: // MariaDB ER_STATEMENT_TIMEOUT (max_statement_time)
    case 3024: // MySQL ER_QUERY_TIMEOUT (MAX_EXECUTION_TIME)
      return {
        category: 'TIMEOUT',
        message: 'The server stopped the query because it ran longer than the time limit.',
      };
    default:
      return undefined;
  }
}
