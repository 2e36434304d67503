import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectionSchema } from '../../../src-shared/contract/model';
import { secretKeysIn } from '../../../src-shared/contract/odbc-secrets';

describe('secret keys in ODBC connection strings', () => {
  it('finds PWD and Password whatever their case and spacing', () => {
    expect(secretKeysIn('DSN=x;PWD=secret;')).toEqual(['PWD']);
    expect(secretKeysIn('DRIVER={IBM INFORMIX ODBC DRIVER};UID=u; password = p;')).toEqual(['password']);
    expect(secretKeysIn('DSN=AvayaCMS;DELIMIDENT=y;')).toEqual([]);
  });

  it('does not mistake a brace-quoted value for a key', () => {
    expect(secretKeysIn('DSN=x;Description={a;PWD=b}}c};UID=u;')).toEqual([]);
    expect(secretKeysIn('DSN=x;Description={a;b}}c};PWD={p;w}')).toEqual(['PWD']);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(secretKeysIn(text))));
  });

  it('makes the contract refuse a clear-text password and say where it belongs', () => {
    const parsed = connectionSchema.safeParse({ kind: 'odbc', connectionString: 'DSN=cms;UID=r;PWD=Canary-Pw-7f3a9;' });
    expect(parsed.success).toBe(false);
    const message = parsed.error?.issues[0]?.message ?? '';
    expect(message).toContain('password field');
    expect(message).not.toContain('Canary-Pw-7f3a9');
    expect(parsed.error?.issues[0]?.path).toEqual(['connectionString']);
  });
});
