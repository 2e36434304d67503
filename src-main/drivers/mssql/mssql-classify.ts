import { RequestError } from 'tedious';
import type { ClassifiedError } from '../db-session';
import { errorFacts, type ErrorFact } from './error-facts';
import {
  MssqlConnectError,
  MssqlFailure,
  MssqlQueryError,
  MssqlUnencryptedError,
  SsrpLookupError,
} from './mssql-errors';
import { describeTarget, MssqlConfigError, targetOf, type MssqlConnection } from './mssql-target';

/**
 * Maps whatever the SQL Server driver threw to a category and a next step. Messages are built
 * from the connection's host, port, instance, database and user only; the password is never an
 * input here, and the driver scrubs it from server texts before they reach us.
 */
export function classifyMssqlError(error: unknown, connection: MssqlConnection): ClassifiedError {
  if (error instanceof MssqlConfigError) return { category: 'BAD_CONFIG', message: error.message };
  if (error instanceof SsrpLookupError) return classifyBrowserFailure(error);
  if (error instanceof MssqlUnencryptedError) {
    return {
      category: 'TLS',
      message:
        `SQL Server at ${describeTarget(error.host, error.port, error.instance)} did not encrypt the connection, ` +
        'although "Encrypt" is on. Ask the database administrator to enable encryption on the server. Turn ' +
        '"Encrypt" off only if unencrypted traffic on this network is acceptable.',
    };
  }

  const place = placeOf(error, connection);
  const facts = error instanceof MssqlFailure ? error.facts : errorFacts(error);
  const numbers = new Set(facts.map((fact) => fact.number).filter((n) => n !== undefined));
  const codes = new Set(facts.map((fact) => fact.code).filter((c) => c !== undefined));
  // Tedious puts the host name in its messages; a host called "ssl-db" must not look like a TLS error.
  const text = withoutHost(facts.map((fact) => fact.message).join('\n'), place.host);

  const missingDatabase = /Cannot open database "([^"]*)"/i.exec(text);
  if (numbers.has(4060) || missingDatabase) {
    const name = missingDatabase?.[1] ?? connection.database;
    return {
      category: 'DATABASE_NOT_FOUND',
      message:
        `SQL Server at ${place.where} cannot open the database "${name}" for the login "${connection.user}": ` +
        'it does not exist, or the login has no user in it. Check the database name, or ask the database ' +
        'administrator to give the login access to it.',
    };
  }
  const login = classifyLogin(numbers, codes, text, connection.user, place.where);
  if (login) return login;
  return (
    classifyCertificate(codes, text, place.host) ??
    classifyNetwork(codes, text, place) ??
    classifyTlsProtocol(codes, text, place.host) ??
    fallback(facts, place.where)
  );
}

function withoutHost(text: string, host: string): string {
  return host === '' ? text : text.split(host).join('<host>');
}

function classifyBrowserFailure(error: SsrpLookupError): ClassifiedError {
  const { host, instance } = error;
  switch (error.reason) {
    case 'no-answer':
      return {
        category: 'UNREACHABLE',
        message:
          `The SQL Server Browser on ${host} did not answer on UDP port 1434. Ask for UDP 1434 to be opened in the ` +
          "firewall between this computer and the server, or enter the instance's TCP port instead of its name. " +
          `If the port is open, check that the SQL Server Browser service is running on ${host}.`,
      };
    case 'instance-not-found': {
      const known =
        error.knownInstances.length > 0 ? `It knows: ${error.knownInstances.join(', ')}.` : 'It lists no instances.';
      return {
        category: 'BAD_CONFIG',
        message:
          `The SQL Server Browser on ${host} has no instance named "${instance}". ${known} ` +
          "Check the instance name, or enter the instance's TCP port.",
      };
    }
    case 'no-tcp':
      return {
        category: 'UNREACHABLE',
        message:
          `The instance ${host}\\${instance} does not accept TCP/IP connections. Ask the database administrator to ` +
          'enable TCP/IP for it in SQL Server Configuration Manager and restart it.',
      };
    case 'malformed':
      return {
        category: 'ERROR',
        message:
          `Something answered on UDP port 1434 of ${host}, but not like a SQL Server Browser. ` +
          "Enter the instance's TCP port instead of its name.",
      };
    case 'dns':
      return dnsFailure(host);
  }
}

function classifyLogin(
  numbers: Set<number>,
  codes: Set<string>,
  text: string,
  user: string,
  where: string,
): ClassifiedError | undefined {
  const refused = `SQL Server at ${where} refused the login "${user}"`;
  if (numbers.has(18488) || /password of the account must be changed/i.test(text)) {
    return {
      category: 'AUTH',
      message: `${refused}: its password must be changed. Change it, then enter the new one here.`,
    };
  }
  if (numbers.has(18487) || numbers.has(18486) || /expired|locked out/i.test(text)) {
    return {
      category: 'AUTH',
      message: `${refused}: the password has expired or the account is locked. Ask the database administrator.`,
    };
  }
  if (numbers.has(18452) || /untrusted domain/i.test(text)) {
    return {
      category: 'AUTH',
      message:
        `${refused}: the server accepts only Windows logins. ` +
        'Ask for SQL Server authentication (mixed mode) and a SQL login.',
    };
  }
  if (numbers.has(18456) || /Login failed for user/i.test(text) || codes.has('ELOGIN')) {
    return {
      category: 'AUTH',
      message:
        `${refused}. Check the user name and password. If they are right, the login may be disabled, or the ` +
        'server may accept only Windows logins (ask for SQL Server authentication, "mixed mode").',
    };
  }
  return undefined;
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
]);

function classifyCertificate(codes: Set<string>, text: string, host: string): ClassifiedError | undefined {
  if (codes.has('EENCRYPT')) {
    return {
      category: 'TLS',
      message: `SQL Server on ${host} requires encryption. Turn "Encrypt" on for this connection.`,
    };
  }
  if (codes.has('ERR_TLS_CERT_ALTNAME_INVALID') || /does not match certificate's altnames/i.test(text)) {
    return {
      category: 'TLS',
      message:
        `The server's certificate is not made out to "${host}". Connect with the server name written on the ` +
        'certificate (often its full DNS name), or ask for a certificate that includes this name.',
    };
  }
  if (codes.has('CERT_HAS_EXPIRED') || /certificate has expired/i.test(text)) {
    return {
      category: 'TLS',
      message: `The certificate of SQL Server on ${host} has expired. Ask the database administrator to renew it.`,
    };
  }
  if (
    [...codes].some((code) => CERTIFICATE_CODES.has(code)) ||
    /self[- ]signed|unable to verify|certificate/i.test(text)
  ) {
    return {
      category: 'TLS',
      message:
        `This computer does not trust the certificate of SQL Server on ${host} (it is self-signed or from an unknown ` +
        'authority). Best: install the certificate authority that signed it on this computer. Only if you are sure ' +
        'this is the right server, turn on "Trust server certificate".',
    };
  }
  return undefined;
}

/** Checked after the network causes: these texts are only trusted when nothing more specific fits. */
function classifyTlsProtocol(codes: Set<string>, text: string, host: string): ClassifiedError | undefined {
  const sslCode = [...codes].some((code) => code.startsWith('ERR_SSL_'));
  if (
    sslCode ||
    /wrong version number|unsupported protocol|no protocols available|handshake failure|tlsv1 alert/i.test(text)
  ) {
    return {
      category: 'TLS',
      message:
        `The encrypted connection to SQL Server on ${host} failed. The server may support only old TLS versions ` +
        '(before TLS 1.2): ask for it to be updated.',
    };
  }
  return undefined;
}

interface Place {
  host: string;
  port: number | undefined;
  where: string;
  timeoutMs: number | undefined;
  /** A request on an open session, as opposed to the connect and login. */
  duringQuery: boolean;
}

function classifyNetwork(codes: Set<string>, text: string, place: Place): ClassifiedError | undefined {
  const { host, where } = place;
  const port = place.port ?? 1433;
  if (codes.has('ENOTFOUND') || codes.has('EAI_AGAIN') || codes.has('EAI_NONAME') || /getaddrinfo/i.test(text)) {
    return dnsFailure(host);
  }
  if (codes.has('ECONNREFUSED')) {
    return {
      category: 'UNREACHABLE',
      message:
        `Nothing accepted a connection at ${where}. Check that SQL Server listens on TCP port ${port} and that ` +
        `the firewall between this computer and the server allows TCP ${port} (1433 is the default port).`,
    };
  }
  if (codes.has('EHOSTUNREACH') || codes.has('ENETUNREACH') || codes.has('EHOSTDOWN')) {
    return {
      category: 'UNREACHABLE',
      message: `There is no network route to ${host}. Check the address and this computer's network (VPN).`,
    };
  }
  if ((codes.has('ETIMEOUT') || codes.has('ETIMEDOUT')) && place.duringQuery) {
    return {
      category: 'TIMEOUT',
      message:
        `SQL Server at ${where} did not finish a request in time: ` +
        'it may be overloaded, or the connection was lost.',
    };
  }
  if (codes.has('ETIMEOUT') || codes.has('ETIMEDOUT')) {
    const within = place.timeoutMs === undefined ? '' : ` within ${place.timeoutMs} ms`;
    return {
      category: 'TIMEOUT',
      message:
        `SQL Server at ${where} did not answer${within}. A firewall may be silently dropping TCP ${port} (ask for ` +
        'it to be opened), the port may belong to another program, or the server is overloaded.',
    };
  }
  if (codes.has('ECONNRESET') || codes.has('EPIPE') || /socket hang up|Connection lost/i.test(text)) {
    return {
      category: 'UNREACHABLE',
      message:
        `${where} accepted the connection, then closed it without answering like SQL Server. Check that this is ` +
        "the SQL Server's port, and whether a firewall or proxy cuts the connection.",
    };
  }
  return undefined;
}

function dnsFailure(host: string): ClassifiedError {
  return {
    category: 'UNREACHABLE',
    message: `The server name "${host}" was not found (DNS). Check its spelling, or enter its IP address.`,
  };
}

function fallback(facts: readonly ErrorFact[], where: string): ClassifiedError {
  const detail = facts.find((fact) => fact.message !== '')?.message ?? 'unknown error';
  return { category: 'ERROR', message: `SQL Server at ${where}: ${detail}` };
}

function placeOf(error: unknown, connection: MssqlConnection): Place {
  if (error instanceof MssqlConnectError) {
    return {
      host: error.host,
      port: error.port,
      where: describeTarget(error.host, error.port, error.instance),
      timeoutMs: error.timeoutMs,
      duringQuery: false,
    };
  }
  const duringQuery = error instanceof MssqlQueryError || error instanceof RequestError;
  try {
    const target = targetOf(connection);
    return {
      host: target.host,
      port: target.port,
      where: describeTarget(target.host, target.port, target.instance),
      timeoutMs: undefined,
      duringQuery,
    };
  } catch {
    return { host: connection.host, port: connection.port, where: connection.host, timeoutMs: undefined, duringQuery };
  }
}
