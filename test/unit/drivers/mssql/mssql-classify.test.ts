// Limitation: there is no SQL Server on our build machines. The errors below are built exactly
// as tedious 19 builds them (node_modules/tedious/lib/connection.js, token/handler.js): an ERROR
// token during login becomes ConnectionError(token.message, 'ELOGIN'); socket failures become
// ConnectionError('Failed to connect to HOST:PORT - …', 'ESOCKET', { cause }). Real tedious
// errors from local sockets are classified in mssql-connect.test.ts.
import { ConnectionError, RequestError } from 'tedious';
import { describe, expect, it } from 'vitest';
import { mssqlDriver, type MssqlConnection } from '../../../../src-main/drivers/mssql/mssql-driver';
import { MssqlConnectError, SsrpLookupError } from '../../../../src-main/drivers/mssql/mssql-errors';
import { MssqlConfigError } from '../../../../src-main/drivers/mssql/mssql-target';

const CANARY = 'Canary-Pw-7f3a9';
const connection: MssqlConnection = {
  kind: 'mssql',
  host: 'acd01',
  port: 1433,
  database: 'cms',
  user: 'reader',
  encrypt: true,
  trustServerCertificate: false,
};
const named: MssqlConnection = {
  kind: 'mssql',
  host: 'acd01',
  instance: 'CMS',
  database: 'cms',
  user: 'reader',
  encrypt: true,
  trustServerCertificate: false,
};

function classify(error: unknown, target: MssqlConnection = connection) {
  const result = mssqlDriver.classify(error, target);
  expect(result.message).not.toContain(CANARY);
  return result;
}

function socketError(host: string, cause: Error & { code?: string }): ConnectionError {
  return new ConnectionError(`Failed to connect to ${host}:1433 - ${cause.message}`, 'ESOCKET', { cause });
}

function nodeError(message: string, code: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe('login errors', () => {
  it('classifies 18456 "Login failed for user" as AUTH, with what to check', () => {
    const result = classify(new ConnectionError("Login failed for user 'reader'.", 'ELOGIN'));
    expect(result.category).toBe('AUTH');
    expect(result.message).toContain('"reader"');
    expect(result.message).toMatch(/user name and password/);
  });

  it('classifies 4060 "Cannot open database" as DATABASE_NOT_FOUND, naming the database', () => {
    const error = new ConnectionError(
      'Cannot open database "cms2" requested by the login. The login failed.',
      'ELOGIN',
    );
    const result = classify(error);
    expect(result).toMatchObject({ category: 'DATABASE_NOT_FOUND' });
    expect(result.message).toContain('"cms2"');
  });

  it('finds 4060 among the login tokens even though tedious keeps only the last one (18456)', () => {
    const last = new ConnectionError("Login failed for user 'reader'.", 'ELOGIN');
    const tokens = [
      {
        code: undefined,
        number: 4060,
        message: 'Cannot open database "cms" requested by the login. The login failed.',
      },
      { code: undefined, number: 18456, message: "Login failed for user 'reader'." },
    ];
    const error = new MssqlConnectError(last, tokens, 'acd01', 1433, undefined, 5000, CANARY);
    expect(classify(error).category).toBe('DATABASE_NOT_FOUND');
  });

  it('tells an expired password apart from a wrong one', () => {
    const error = new ConnectionError(
      "Login failed for user 'reader'. Reason: The password of the account must be changed.",
      'ELOGIN',
    );
    expect(classify(error)).toMatchObject({ category: 'AUTH', message: expect.stringMatching(/must be changed/) });
  });
});

describe('network errors', () => {
  it('classifies a refused connection as UNREACHABLE with the TCP port to open', () => {
    const refused = nodeError('connect ECONNREFUSED 10.0.0.5:1433', 'ECONNREFUSED');
    const error = socketError('acd01', new AggregateError([refused], 'Could not connect (sequence)') as Error);
    const result = classify(error);
    expect(result.category).toBe('UNREACHABLE');
    expect(result.message).toMatch(/acd01:1433/);
    expect(result.message).toMatch(/TCP 1433/);
  });

  it('does not mistake a host called "ssl-db" for a TLS problem', () => {
    const refused = nodeError('connect ECONNREFUSED 10.0.0.5:1433', 'ECONNREFUSED');
    const error = socketError('ssl-db', new AggregateError([refused], 'Could not connect (sequence)') as Error);
    expect(classify(error, { ...connection, host: 'ssl-db' }).category).toBe('UNREACHABLE');
  });

  it('classifies a name that does not resolve as UNREACHABLE, saying so', () => {
    const error = socketError('acd01', nodeError('getaddrinfo ENOTFOUND acd01', 'ENOTFOUND'));
    expect(classify(error)).toMatchObject({
      category: 'UNREACHABLE',
      message: expect.stringMatching(/was not found \(DNS\)/),
    });
  });

  it('classifies the connect timeout as TIMEOUT', () => {
    const error = new ConnectionError('Failed to connect to acd01:1433 in 5000ms', 'ETIMEOUT');
    expect(classify(error).category).toBe('TIMEOUT');
  });

  it('classifies a query timeout as TIMEOUT', () => {
    expect(classify(new RequestError('Timeout: Request failed to complete in 5000ms', 'ETIMEOUT')).category).toBe(
      'TIMEOUT',
    );
  });
});

describe('TLS errors', () => {
  it('classifies a self-signed certificate as TLS, and says when trusting it is acceptable', () => {
    const error = socketError('acd01', nodeError('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'));
    const result = classify(error);
    expect(result.category).toBe('TLS');
    expect(result.message).toMatch(/install the certificate authority/);
    expect(result.message).toMatch(/Only if you are sure this is the right server/);
  });

  it('classifies a certificate made out to another name', () => {
    const cause = nodeError(
      "Hostname/IP does not match certificate's altnames: Host: acd01. is not cert's CN: sql01",
      'ERR_TLS_CERT_ALTNAME_INVALID',
    );
    expect(classify(socketError('acd01', cause))).toMatchObject({
      category: 'TLS',
      message: expect.stringMatching(/not made out to "acd01"/),
    });
  });

  it('classifies "server requires encryption" as TLS', () => {
    const error = new ConnectionError("Server requires encryption, set 'encrypt' config option to true.", 'EENCRYPT');
    expect(classify(error).category).toBe('TLS');
  });

  it('classifies an old TLS version on the server as TLS', () => {
    const cause = nodeError(
      'routines:ssl3_read_bytes:tlsv1 alert protocol version',
      'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
    );
    expect(classify(socketError('acd01', cause)).category).toBe('TLS');
  });
});

describe('SQL Server Browser failures', () => {
  it('explains a silent UDP 1434 with the firewall rule to ask for', () => {
    const result = classify(new SsrpLookupError('no-answer', 'acd01', 'CMS', []), named);
    expect(result.category).toBe('UNREACHABLE');
    expect(result.message).toContain(
      'The SQL Server Browser on acd01 did not answer on UDP port 1434. Ask for UDP 1434 to be opened in the firewall ' +
        "between this computer and the server, or enter the instance's TCP port instead of its name.",
    );
  });

  it('names the unknown instance and the ones the Browser knows', () => {
    const result = classify(new SsrpLookupError('instance-not-found', 'acd01', 'CMS2', ['SQLEXPRESS', 'CMS']), named);
    expect(result).toEqual({
      category: 'BAD_CONFIG',
      message:
        'The SQL Server Browser on acd01 has no instance named "CMS2". It knows: SQLEXPRESS, CMS. ' +
        "Check the instance name, or enter the instance's TCP port.",
    });
  });

  it.each([
    ['no-tcp', 'UNREACHABLE'],
    ['malformed', 'ERROR'],
    ['dns', 'UNREACHABLE'],
  ] as const)('classifies %s as %s', (reason, category) => {
    expect(classify(new SsrpLookupError(reason, 'acd01', 'CMS', []), named).category).toBe(category);
  });
});

describe('everything else', () => {
  it('classifies configuration errors as BAD_CONFIG', () => {
    expect(classify(new MssqlConfigError('The host is empty.')).category).toBe('BAD_CONFIG');
  });

  it('falls back to ERROR with the server text, which the driver has scrubbed of the password', () => {
    const leaky = new RequestError(`Incorrect syntax near '${CANARY}'.`, 'EREQUEST');
    const error = new MssqlConnectError(leaky, [], 'acd01', 1433, undefined, 5000, CANARY);
    const result = classify(error);
    expect(result.category).toBe('ERROR');
    expect(result.message).toContain("Incorrect syntax near '***'");
    expect(error.message).not.toContain(CANARY);
    expect(JSON.stringify(error)).not.toContain(CANARY);
  });

  it('survives values that are not errors', () => {
    expect(classify('boom').category).toBe('ERROR');
    expect(classify(undefined).category).toBe('ERROR');
  });
});
