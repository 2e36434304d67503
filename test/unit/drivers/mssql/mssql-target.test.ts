// Limitation: there is no SQL Server on our build machines; these tests cover how the form's
// values become a connect target, which needs no server.
import { describe, expect, it } from 'vitest';
import {
  MssqlConfigError,
  targetOf,
  tlsChoiceOf,
  type MssqlConnection,
} from '../../../../src-main/drivers/mssql/mssql-target';

const base: MssqlConnection = {
  kind: 'mssql',
  host: 'acd01',
  database: 'cms',
  user: 'reader',
  encrypt: true,
  trustServerCertificate: false,
};

describe('targetOf', () => {
  it('uses port 1433 when neither a port nor an instance is given', () => {
    expect(targetOf(base)).toEqual({ host: 'acd01', port: 1433, instance: undefined });
  });

  it('leaves the port to the Browser for a named instance', () => {
    expect(targetOf({ ...base, instance: 'SQLEXPRESS' })).toEqual({
      host: 'acd01',
      port: undefined,
      instance: 'SQLEXPRESS',
    });
  });

  it('accepts HOST\\INSTANCE and HOST,PORT pasted into the host field, as SSMS shows them', () => {
    expect(targetOf({ ...base, host: 'acd01\\SQLEXPRESS' })).toMatchObject({
      host: 'acd01',
      port: undefined,
      instance: 'SQLEXPRESS',
    });
    expect(targetOf({ ...base, host: 'acd01,1500' })).toMatchObject({ host: 'acd01', port: 1500 });
    expect(targetOf({ ...base, host: 'acd01\\CMS,1500' })).toEqual({ host: 'acd01', port: 1500, instance: 'CMS' });
  });

  it('connects to the port directly when both a port and an instance are given', () => {
    expect(targetOf({ ...base, port: 1500, instance: 'CMS' })).toEqual({ host: 'acd01', port: 1500, instance: 'CMS' });
  });

  it.each([
    ['a bad port after the comma', { host: 'acd01,http' }],
    ['two different instances', { host: 'acd01\\A', instance: 'B' }],
    ['no host before the backslash', { host: '\\SQLEXPRESS' }],
    ['an instance name that is too long', { instance: 'X'.repeat(40) }],
    ['a semicolon in the instance', { instance: 'A;B' }],
  ])('rejects %s as a configuration error', (_name, patch) => {
    expect(() => targetOf({ ...base, ...patch })).toThrow(MssqlConfigError);
  });
});

describe('tlsChoiceOf', () => {
  it('encrypts and checks the certificate by default', () => {
    expect(tlsChoiceOf(base)).toEqual({ encrypt: true, trustServerCertificate: false });
  });

  it('reads encrypt and trustServerCertificate when the connection carries them', () => {
    const loose = { ...base, encrypt: false, trustServerCertificate: true } as MssqlConnection;
    expect(tlsChoiceOf(loose)).toEqual({ encrypt: false, trustServerCertificate: true });
  });
});
