import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildConnectionString,
  type ConnectionStringPair,
  parseConnectionString,
} from '../../../src-shared/odbc/connection-string';

function pairsOf(text: string): ConnectionStringPair[] {
  const parsed = parseConnectionString(text);
  if (!parsed.ok) throw new Error(`expected "${text}" to parse: ${parsed.error.message}`);
  return parsed.pairs;
}

function errorOf(text: string) {
  const parsed = parseConnectionString(text);
  if (parsed.ok) throw new Error(`expected "${text}" not to parse`);
  return parsed.error;
}

describe('parseConnectionString: the examples from the domain', () => {
  it('reads the InterSystems DRIVER string', () => {
    const parsed = parseConnectionString(
      'DRIVER={InterSystemsODBC};SERVER=host;PORT=12345;DATABASE=db;UID=user;PWD=secret;',
    );
    expect(parsed).toEqual({
      ok: true,
      pairs: [
        { key: 'DRIVER', value: 'InterSystemsODBC' },
        { key: 'SERVER', value: 'host' },
        { key: 'PORT', value: '12345' },
        { key: 'DATABASE', value: 'db' },
        { key: 'UID', value: 'user' },
        { key: 'PWD', value: 'secret' },
      ],
      driver: 'InterSystemsODBC',
      warnings: [],
    });
  });

  it('reads the Informix DRIVER string', () => {
    const parsed = parseConnectionString(
      'DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=s;DATABASE=d;HOST=h;SERVICE=svc;UID=u;PWD=p;PROTOCOL=onsoctcp;DELIMIDENT=y;',
    );
    expect(parsed.ok && parsed.driver).toBe('IBM INFORMIX ODBC DRIVER');
    expect(parsed.ok && parsed.pairs.map((pair) => pair.key)).toEqual([
      'DRIVER',
      'SERVER',
      'DATABASE',
      'HOST',
      'SERVICE',
      'UID',
      'PWD',
      'PROTOCOL',
      'DELIMIDENT',
    ]);
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });

  it('reads the DSN forms, with and without the trailing ";"', () => {
    expect(parseConnectionString('DSN=myDsn;')).toMatchObject({ ok: true, dsn: 'myDsn', warnings: [] });
    expect(parseConnectionString('DSN=myDsn')).toMatchObject({ ok: true, dsn: 'myDsn' });
    expect(parseConnectionString('DSN=myDsn;DELIMIDENT=y;')).toEqual({
      ok: true,
      pairs: [
        { key: 'DSN', value: 'myDsn' },
        { key: 'DELIMIDENT', value: 'y' },
      ],
      dsn: 'myDsn',
      warnings: [],
    });
    expect(parseConnectionString('FILEDSN=/etc/odbc/cms.dsn;UID=r')).toMatchObject({
      ok: true,
      fileDsn: '/etc/odbc/cms.dsn',
    });
  });

  it('reads a braced value with ";" and a doubled "}"', () => {
    expect(pairsOf('PWD={a;b}}c}')).toEqual([{ key: 'PWD', value: 'a;b}c' }]);
    expect(pairsOf('X={}}}}};Y={}')).toEqual([
      { key: 'X', value: '}}' },
      { key: 'Y', value: '' },
    ]);
    expect(pairsOf('X={a=b{c}')).toEqual([{ key: 'X', value: 'a=b{c' }]);
  });

  it('compares keys case-insensitively and keeps the spelling', () => {
    expect(parseConnectionString('dsn=a;Driver={b}')).toMatchObject({
      dsn: 'a',
      driver: 'b',
      pairs: [
        { key: 'dsn', value: 'a' },
        { key: 'Driver', value: 'b' },
      ],
    });
  });

  it('tolerates empty segments, leading ";" and whitespace between pairs', () => {
    expect(pairsOf(';;DSN=a;;  ; UID=u ;;')).toEqual([
      { key: 'DSN', value: 'a' },
      { key: 'UID', value: 'u' },
    ]);
    expect(pairsOf('')).toEqual([]);
    expect(pairsOf('  ;  ')).toEqual([]);
  });

  it('keeps "=" inside an unbraced value and spaces inside keys', () => {
    expect(pairsOf('Options=a=b;Server SPN=x')).toEqual([
      { key: 'Options', value: 'a=b' },
      { key: 'Server SPN', value: 'x' },
    ]);
  });

  it('allows spaces after a closing brace', () => {
    expect(pairsOf('A={x}  ;B=1')).toEqual([
      { key: 'A', value: 'x' },
      { key: 'B', value: '1' },
    ]);
  });
});

describe('parseConnectionString: errors and their offsets', () => {
  it.each([
    ['an unterminated "{"', 'DSN=x;PWD={abc', 10, /no closing "}"/],
    ['an unterminated "{" whose "}}" is an escape', 'PWD={a}}', 4, /no closing "}"/],
    ['a key without "="', 'DSN=x;myDsn;UID=u', 6, /no "="/],
    ['a key without "=" at the end', 'DSN=x; oops', 7, /no "="/],
    ['an empty key', 'DSN=x;=y', 6, /no key before it/],
    ['a blank key', 'DSN=x;  =y', 8, /no key before it/],
    ['text after a closing brace', 'DRIVER={a}b;DSN=x', 10, /after the closing "}"/],
    ['text after a closing brace and spaces', 'DRIVER={a}  b', 12, /after the closing "}"/],
    ['a key with "("', 'DSN=x;Opt(1)=y', 9, /"\(".*may not contain/],
    ['a key with "{"', '{DSN}=x', 0, /"\{"/],
    ['a key with "@"', 'user@host=x', 4, /"@"/],
    ['a key with "!"', 'A!=1', 1, /"!"/],
    ['a key with "?", "*", "[", "]", ","', 'A?*[],=1', 1, /"\?"/],
  ])('reports %s', (_name, text, offset, message) => {
    const error = errorOf(text);
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(new RegExp(`character ${offset + 1}\\b`, 'i'));
  });

  it('never quotes the text in an error message', () => {
    const error = errorOf('DSN=x;PWD=Canary;Pw-7f3a9');
    expect(error.offset).toBe(17);
    expect(error.message).not.toMatch(/Canary|7f3a9/);
  });
});

describe('parseConnectionString: warnings', () => {
  it('warns about a repeated key and keeps the first value', () => {
    const parsed = parseConnectionString('DSN=first;UID=u;dsn=second');
    expect(parsed).toMatchObject({ ok: true, dsn: 'first' });
    expect(parsed.ok && parsed.warnings).toEqual([
      expect.objectContaining({ code: 'duplicate-key', key: 'DSN', message: expect.stringMatching(/2 times.*first/) }),
    ]);
  });

  it('warns that DSN and DRIVER together means the first one written wins', () => {
    const dsnFirst = parseConnectionString('DSN=a;DRIVER={b}');
    expect(dsnFirst).toMatchObject({ ok: true, dsn: 'a', driver: 'b' });
    expect(dsnFirst.ok && dsnFirst.warnings).toEqual([
      expect.objectContaining({
        code: 'dsn-and-driver',
        key: 'DRIVER',
        message: expect.stringContaining('written first (DSN) and ignores DRIVER'),
      }),
    ]);
    const driverFirst = parseConnectionString('Driver={b};DSN=a');
    expect(driverFirst.ok && driverFirst.warnings[0]).toMatchObject({
      code: 'dsn-and-driver',
      key: 'DSN',
      message: expect.stringContaining('written first (Driver) and ignores DSN'),
    });
    const fileDsn = parseConnectionString('FILEDSN=f.dsn;DSN=a');
    expect(fileDsn.ok && fileDsn.warnings[0]?.code).toBe('dsn-and-driver');
    // FILEDSN and DRIVER may be combined: the string's keys override the file's.
    expect(parseConnectionString('FILEDSN=f.dsn;DRIVER={x}')).toMatchObject({ warnings: [] });
  });

  it('warns about spaces that unixODBC would keep around "=" and values', () => {
    for (const text of ['DSN =x', 'DSN= x', 'DSN=x ;', 'PWD= {a}']) {
      const parsed = parseConnectionString(text);
      expect(parsed.ok && parsed.warnings.map((warning) => warning.code), text).toEqual(['stray-spaces']);
    }
    expect(parseConnectionString(' DSN=x; UID=u')).toMatchObject({ warnings: [] });
    expect(pairsOf('DSN = x ;PWD= {a}')).toEqual([
      { key: 'DSN', value: 'x' },
      { key: 'PWD', value: 'a' },
    ]);
  });
});

describe('buildConnectionString', () => {
  it('quotes exactly the values that need it', () => {
    expect(
      buildConnectionString([
        { key: 'DRIVER', value: 'IBM INFORMIX ODBC DRIVER' },
        { key: 'PWD', value: 'a;b}c' },
        { key: 'A', value: '{x' },
        { key: 'B', value: ' padded ' },
        { key: 'C', value: '' },
        { key: 'D', value: 'a=b' },
      ]),
    ).toBe('DRIVER=IBM INFORMIX ODBC DRIVER;PWD={a;b}}c};A={{x};B={ padded };C=;D=a=b;');
  });

  it('refuses a key the parser would read differently', () => {
    for (const key of ['', ' DSN', 'A=B', 'A;B', 'A{B']) {
      expect(() => buildConnectionString([{ key, value: 'x' }])).toThrow(RangeError);
    }
  });

  it('round-trips any pairs with ordinary keys and any values', () => {
    const key = fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9_ ]{0,12}$/)
      .map((text) => text.trim())
      .filter((text) => text !== '');
    const anyValue = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[ ;{}=a]*$/));
    fc.assert(
      fc.property(fc.array(fc.record({ key, value: anyValue }), { maxLength: 8 }), (pairs) => {
        const parsed = parseConnectionString(buildConnectionString(pairs));
        expect(parsed.ok && parsed.pairs).toEqual(pairs);
      }),
      { numRuns: 500 },
    );
  });
});
