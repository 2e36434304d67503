import type { ClassifiedError } from '../db-session';
import { errorMessage, firstLine, stringField } from '../shared/error-fields';
import { classifyNetworkError, describeEndpoint } from '../shared/network-errors';
import { classifyTlsError } from '../shared/tls-errors';
import type { PostgresConnection } from './pg-config';

/**
 * pg errors to categories: server errors by SQLSTATE (they carry `severity`, which tells them from
 * Node's five-letter codes such as EPIPE), then socket, TLS and pg's own client-side messages.
 */
export function classifyPostgresError(error: unknown, connection: PostgresConnection): ClassifiedError {
  const where = describeEndpoint(connection);
  const text = errorMessage(error);
  const sqlState = stringField(error, 'severity') === undefined ? undefined : stringField(error, 'code');
  if (sqlState !== undefined) return classifySqlState(sqlState, text, connection);

  const network = classifyNetworkError(error, connection);
  if (network !== undefined) return network;
  const tls = classifyTlsError(error);
  if (tls !== undefined) return tls;

  if (/timeout expired|connection timeout/i.test(text)) {
    return {
      category: 'TIMEOUT',
      message: `${where} accepted the connection but did not answer the login in time: check that this is the PostgreSQL port, and whether a firewall or an overloaded server holds it up.`,
    };
  }
  if (/Query read timeout/i.test(text)) {
    return { category: 'TIMEOUT', message: `The server at ${where} stopped answering during a query.` };
  }
  if (/client password must be a (non-empty )?string/i.test(text)) {
    return {
      category: 'AUTH',
      message: `The server asks for a password for "${connection.user}", and none is stored for this connection: enter it.`,
    };
  }
  if (/unexpected \w+ message from backend|Connection terminated unexpectedly/i.test(text)) {
    return {
      category: 'BAD_CONFIG',
      message: `Something at ${where} ended or garbled the PostgreSQL login: check that this port belongs to PostgreSQL (usually 5432).`,
    };
  }
  return { category: 'ERROR', message: `PostgreSQL connection failed: ${firstLine(text)}` };
}

function classifySqlState(sqlState: string, text: string, connection: PostgresConnection): ClassifiedError {
  const database = connection.database === '' ? connection.user : connection.database;
  switch (sqlState) {
    case '28P01':
      return {
        category: 'AUTH',
        message: `The server refused the user name or password for "${connection.user}": check both; the password is case-sensitive.`,
      };
    case '28000':
      if (/pg_hba\.conf/.test(text) && /SSL off|no encryption/i.test(text)) {
        return {
          category: 'TLS',
          message: `The server accepts "${connection.user}" only over TLS: turn TLS on for this connection.`,
        };
      }
      if (/pg_hba\.conf/.test(text)) {
        return {
          category: 'AUTH',
          message: `The server's pg_hba.conf has no rule that lets "${connection.user}" connect to "${database}" from this machine: ask the database administrator to add one.`,
        };
      }
      return {
        category: 'AUTH',
        message: `The server refused the user name or password for "${connection.user}" (${firstLine(text)}): check both; the password is case-sensitive.`,
      };
    case '3D000':
      return {
        category: 'DATABASE_NOT_FOUND',
        message: `The database "${database}" does not exist on ${describeEndpoint(connection)}: check its name (names are case-sensitive).`,
      };
    case '42501':
      return {
        category: 'AUTH',
        message: `The login "${connection.user}" lacks a permission it needs (${firstLine(text)}): ask for CONNECT on the database and SELECT on the tables.`,
      };
    case '57014':
      return {
        category: 'TIMEOUT',
        message: 'The server cancelled the query because it ran longer than the time limit.',
      };
    case '53300':
      return {
        category: 'ERROR',
        message:
          'The server has no free connection slots: try again later, or ask the administrator to raise max_connections.',
      };
    case '57P03':
      return { category: 'UNREACHABLE', message: 'The server is starting up or shutting down: try again in a moment.' };
    default:
      return { category: 'ERROR', message: `PostgreSQL reported: ${firstLine(text)} (SQLSTATE ${sqlState})` };
  }
}
