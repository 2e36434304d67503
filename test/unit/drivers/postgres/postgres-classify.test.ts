import { describe, expect, it } from 'vitest';
import type { PostgresConnection } from '../../../../src-main/drivers/postgres/pg-config';
import { classifyPostgresError } from '../../../../src-main/drivers/postgres/postgres-classify';

const connection: PostgresConnection = {
  kind: 'postgres',
  host: 'acd-db.example',
  port: 5433,
  database: 'cms',
  user: 'wfm',
  tls: 'disable',
};
const classify = (error: unknown) => classifyPostgresError(error, connection);

/** What pg throws for a server error: an Error with severity and SQLSTATE code. */
function serverError(code: string, message: string) {
  return Object.assign(new Error(message), { severity: 'FATAL', code });
}
function nodeError(code: string, message = `connect ${code}`) {
  return Object.assign(new Error(message), { code });
}

describe('classifyPostgresError', () => {
  it('reads a wrong password (28P01) as AUTH with the next step', () => {
    const result = classify(serverError('28P01', 'password authentication failed for user "wfm"'));
    expect(result.category).toBe('AUTH');
    expect(result.message).toContain('"wfm"');
    expect(result.message).toContain('case-sensitive');
  });

  it('tells the pg_hba.conf refusals apart: TLS required, no rule, unknown role', () => {
    const ssl = classify(
      serverError('28000', 'no pg_hba.conf entry for host "10.1.1.1", user "wfm", database "cms", SSL off'),
    );
    expect(ssl).toMatchObject({ category: 'TLS' });
    const rule = classify(
      serverError('28000', 'no pg_hba.conf entry for host "10.1.1.1", user "wfm", database "cms", SSL encryption'),
    );
    expect(rule.category).toBe('AUTH');
    expect(rule.message).toContain('pg_hba.conf');
    expect(classify(serverError('28000', 'role "wfm" does not exist')).category).toBe('AUTH');
  });

  it('names the missing database (3D000)', () => {
    const result = classify(serverError('3D000', 'database "cms" does not exist'));
    expect(result.category).toBe('DATABASE_NOT_FOUND');
    expect(result.message).toContain('"cms"');
    expect(result.message).toContain('acd-db.example:5433');
  });

  it('reads refused, unknown and unresolvable hosts as UNREACHABLE, naming host and port', () => {
    const refused = classify(nodeError('ECONNREFUSED'));
    expect(refused).toMatchObject({ category: 'UNREACHABLE' });
    expect(refused.message).toContain('Nothing listens on acd-db.example:5433');
    expect(classify(nodeError('ENOTFOUND')).message).toContain('"acd-db.example" was not found');
    expect(classify(nodeError('EAI_AGAIN')).message).toContain('could not be looked up');
    expect(classify(nodeError('EHOSTUNREACH')).category).toBe('UNREACHABLE');
  });

  it("finds the code inside Node's AggregateError (one member per address tried)", () => {
    const error = new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')], 'connect failed');
    expect(classify(error).category).toBe('UNREACHABLE');
  });

  it('does not mistake a five-letter Node code (EPIPE) for a SQLSTATE', () => {
    expect(classify(nodeError('EPIPE', 'write EPIPE')).category).toBe('UNREACHABLE');
  });

  it("reads pg's connect timeout, its query timeout and statement_timeout as TIMEOUT", () => {
    expect(classify(new Error('timeout expired')).category).toBe('TIMEOUT');
    expect(classify(new Error('Connection terminated due to connection timeout')).category).toBe('TIMEOUT');
    expect(classify(new Error('Query read timeout')).category).toBe('TIMEOUT');
    expect(classify(serverError('57014', 'canceling statement due to statement timeout')).category).toBe('TIMEOUT');
    expect(classify(nodeError('ETIMEDOUT')).category).toBe('TIMEOUT');
  });

  it('reads TLS failures as TLS', () => {
    expect(classify(new Error('The server does not support SSL connections')).category).toBe('TLS');
    const untrusted = classify(nodeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'));
    expect(untrusted.category).toBe('TLS');
    expect(untrusted.message).toContain('CA certificate');
  });

  it('asks for the password when none is stored and the server wants one', () => {
    const result = classify(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'));
    expect(result.category).toBe('AUTH');
    expect(result.message).toContain('none is stored');
  });

  it('says the port is not PostgreSQL when something else answers', () => {
    const result = classify(new Error('Received unexpected copyData message from backend.'));
    expect(result.category).toBe('BAD_CONFIG');
    expect(result.message).toContain('5432');
  });

  it('keeps anything else as ERROR with the first line and SQLSTATE', () => {
    expect(classify(serverError('XX000', 'internal error\nDETAIL: more'))).toEqual({
      category: 'ERROR',
      message: 'PostgreSQL reported: internal error (SQLSTATE XX000)',
    });
    expect(classify('weird').category).toBe('ERROR');
    expect(classify(undefined).category).toBe('ERROR');
  });
});
