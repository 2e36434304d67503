import { describe, expect, it } from 'vitest';
import { postgresClientConfig, type PostgresConnection } from '../../../../src-main/drivers/postgres/pg-config';
import { textDateTypes, timestamptzToIso } from '../../../../src-main/drivers/postgres/pg-text-types';

const connection: PostgresConnection = {
  kind: 'postgres',
  host: 'db',
  port: 5432,
  database: 'cms',
  user: 'wfm',
  tls: 'disable',
};

describe('postgresClientConfig', () => {
  it('uses the timeout for the login and the server-side statement limit, with a client backstop', () => {
    const config = postgresClientConfig(connection, 'pw', 4_000);
    expect(config).toMatchObject({
      host: 'db',
      port: 5432,
      database: 'cms',
      user: 'wfm',
      password: 'pw',
      connectionTimeoutMillis: 4_000,
      statement_timeout: 4_000,
      query_timeout: 5_000,
      application_name: 'ACD Link Studio',
      ssl: false,
    });
  });

  it("never lets pg fall back to PGPASSWORD or the machine's defaults", () => {
    const config = postgresClientConfig({ ...connection, database: '' }, undefined, 1_000);
    expect(config.password).toBe('');
    expect(config.database).toBeUndefined();
  });

  it('maps the TLS mode: verify checks the certificate, require only encrypts', () => {
    expect(postgresClientConfig({ ...connection, tls: 'verify' }, 'pw', 1_000).ssl).toEqual({
      rejectUnauthorized: true,
    });
    expect(postgresClientConfig({ ...connection, tls: 'require' }, 'pw', 1_000).ssl).toEqual({
      rejectUnauthorized: false,
    });
  });
});

describe('date and timestamp type parsers', () => {
  const parse = (oid: number, text: string) =>
    (textDateTypes.getTypeParser(oid, 'text') as (v: string) => unknown)(text);

  it('keep naive timestamps and dates as the text the server sent', () => {
    expect(parse(1114, '2024-03-31 02:30:00')).toBe('2024-03-31 02:30:00');
    expect(parse(1082, '2024-03-31')).toBe('2024-03-31');
    expect(parse(1115, '{"2024-03-31 02:30:00",NULL}')).toEqual(['2024-03-31 02:30:00', null]);
  });

  it('write timestamptz as ISO 8601 with the offset the server used', () => {
    expect(parse(1184, '2024-03-31 02:30:00+02')).toBe('2024-03-31T02:30:00+02:00');
    expect(parse(1185, '{"2024-03-31 02:30:00+00"}')).toEqual(['2024-03-31T02:30:00+00:00']);
  });

  it("leave other types to pg's defaults", () => {
    expect(parse(23, '42')).toBe(42);
    expect(parse(20, '9007199254740993')).toBe('9007199254740993');
  });
});

describe('timestamptzToIso', () => {
  it.each([
    ['2024-03-31 02:30:00+02', '2024-03-31T02:30:00+02:00'],
    ['2024-03-31 02:30:00.123456-05', '2024-03-31T02:30:00.123456-05:00'],
    ['2024-03-31 02:30:00+05:30', '2024-03-31T02:30:00+05:30'],
    ['1890-01-01 00:00:00+00:17:30', '1890-01-01T00:00:00+00:17:30'],
    ['infinity', 'infinity'],
    ['0044-03-15 12:00:00+00 BC', '0044-03-15 12:00:00+00 BC'],
  ])('%s → %s', (input, output) => {
    expect(timestamptzToIso(input)).toBe(output);
  });
});
