import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintConnectionString, parseConnectionString } from '../../../src-shared/odbc/connection-string';

function lint(text: string) {
  return lintConnectionString(parseConnectionString(text));
}

function codes(text: string): string[] {
  return lint(text).map((warning) => warning.code);
}

describe('lintConnectionString', () => {
  it('has nothing to say about the clean examples', () => {
    expect(lint('DSN=AvayaCMS;DELIMIDENT=y;')).toEqual([]);
    expect(lint('DSN=myDsn;')).toEqual([]);
    expect(lint('DRIVER={InterSystemsODBC};SERVER=host;PORT=12345;DATABASE=db;UID=user;')).toEqual([]);
    expect(
      lint(
        'DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=s;DATABASE=d;HOST=h;SERVICE=svc;UID=u;PROTOCOL=onsoctcp;DELIMIDENT=y;',
      ),
    ).toEqual([]);
  });

  it('asks for DELIMIDENT=y on an Informix driver, and says why and how with a DSN', () => {
    const [warning, ...rest] = lint('DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=s;DATABASE=d;UID=u;');
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'informix-delimident', key: 'DRIVER' });
    expect(warning?.message).toContain('Add DELIMIDENT=y;');
    expect(warning?.message).toContain('double quotes');
    expect(warning?.message).toContain('DSN=AvayaCMS;DELIMIDENT=y;');
    expect(warning?.message).toMatch(/DSN cannot hold/);
  });

  it('recognises Informix by name or library path, in any case, and DELIMIDENT=Y in any case', () => {
    expect(codes('driver=/opt/IBM/Informix/lib/cli/iclit09b.so;')).toEqual(['informix-delimident']);
    expect(codes('Driver={ibm informix odbc driver (64-bit)};')).toEqual(['informix-delimident']);
    expect(codes('DRIVER={IBM INFORMIX ODBC DRIVER};delimident=Y')).toEqual([]);
  });

  it('asks to change a DELIMIDENT that is not y', () => {
    const [warning] = lint('DRIVER={IBM INFORMIX ODBC DRIVER};DELIMIDENT=n;');
    expect(warning).toMatchObject({ code: 'informix-delimident', key: 'DELIMIDENT' });
    expect(warning?.message).toContain('Set DELIMIDENT=y');
  });

  it('cannot tell that a DSN is Informix, so it does not guess', () => {
    expect(lint('DSN=AvayaCMS;')).toEqual([]);
  });

  it('sends a clear-text password to the password field, for PWD, Password, Pass and Passwd', () => {
    for (const key of ['PWD', 'Password', 'pass', 'PASSWD']) {
      const [warning, ...rest] = lint(`DSN=x;UID=u;${key}=Canary-Pw-7f3a9;`);
      expect(rest).toEqual([]);
      expect(warning).toMatchObject({ code: 'password-in-string', key });
      expect(warning?.message).toContain(
        'Use the password field; it is stored encrypted and spliced in as PWD at connect time',
      );
      expect(warning?.message).not.toContain('Canary');
    }
  });

  it('warns about Athena ODBC 1.x but not 2.x', () => {
    for (const driver of [
      'Simba Athena ODBC Driver',
      '{Simba Athena ODBC Driver 64-bit}',
      '/opt/simba/athenaodbc/lib/64/libathenaodbc_sb64.so',
      '{Amazon Athena ODBC 1.1}',
      '{Athena ODBC Driver 1.0.5}',
    ]) {
      const [warning] = lint(`DRIVER=${driver};`);
      expect(warning?.code, driver).toBe('athena-driver-1x');
      expect(warning?.message).toMatch(/driver 2\.x.*leaks TCP connections/);
    }
    for (const driver of ['{Amazon Athena ODBC Driver}', '{Amazon Athena ODBC 2.1}', '{Amazon Athena ODBC 11.2}']) {
      expect(codes(`DRIVER=${driver};`), driver).toEqual([]);
    }
  });

  it('reports odd syntax: repeated keys, DSN with DRIVER, empty DRIVER or DSN, no target at all', () => {
    expect(codes('DSN=a;UID=u;uid=v')).toEqual(['duplicate-key']);
    expect(codes('DSN=a;DRIVER={b}')).toEqual(['dsn-and-driver']);
    expect(codes('DRIVER=;SERVER=s')).toEqual(['empty-value']);
    expect(codes('DRIVER={};SERVER=s')).toEqual(['empty-value']);
    expect(codes('DSN=;')).toEqual(['empty-value']);
    expect(codes('FILEDSN=;')).toEqual(['empty-value']);
    expect(codes('SERVER=s;DATABASE=d')).toEqual(['no-driver']);
    expect(codes('')).toEqual(['no-driver']);
    expect(lint('DRIVER=;')[0]?.message).toContain('acd-link odbc sources');
  });

  it('gives no advice for a string that does not parse (the error is the advice)', () => {
    expect(lint('DSN=x;PWD={oops')).toEqual([]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expect(Array.isArray(lint(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
