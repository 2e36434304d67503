import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secretKeysIn } from '../../../src-shared/contract/odbc-secrets';
import {
  buildConnectionString,
  ConnectionStringError,
  type ConnectionStringPair,
  isSecretKey,
  maskConnectionString,
  maskConnectionStringAt,
  maskPairs,
  maskParsed,
  parseConnectionString,
  withPassword,
} from '../../../src-shared/odbc/connection-string';

const CANARY = 'Canary-Pw-7f3a9';

describe('isSecretKey', () => {
  it('knows the secret-bearing keys in any case', () => {
    for (const key of [
      'PWD',
      'pwd',
      'Password',
      'PASS',
      'Passwd',
      'Secret',
      'ClientSecret',
      'TOKEN',
      'AccessToken',
      'Auth_AccessToken',
      'APIKEY',
      'api_key',
      'SecretKey',
      'PRIV_KEY_FILE_PWD',
      'KeyStorePassword',
      'PrivateKeyPassphrase',
      'Credentials',
      'Authentication',
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
  });

  it('leaves the ordinary keys alone', () => {
    for (const key of [
      'UID',
      'User',
      'SERVER',
      'DATABASE',
      'DELIMIDENT',
      'DSN',
      'DRIVER',
      'HOST',
      'PORT',
      'AccessKeyId',
    ]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });
});

describe('maskConnectionString', () => {
  it('masks secret values and keeps the rest as written', () => {
    expect(maskConnectionString(`DSN=cms; UID=reader;PWD=${CANARY};DELIMIDENT=y`)).toBe(
      'DSN=cms; UID=reader;PWD=***;DELIMIDENT=y',
    );
    expect(maskConnectionString('DRIVER={X};Token={a;b}}c};ApiKey=k;SERVER=s;DATABASE=d')).toBe(
      'DRIVER={X};Token=***;ApiKey=***;SERVER=s;DATABASE=d',
    );
    expect(maskConnectionString('PWD=;UID=u')).toBe('PWD=***;UID=u');
  });

  it('masks a value that hides a password assignment inside braces', () => {
    expect(maskConnectionString(`DSN=x;Description={a;PWD=${CANARY}};UID=u`)).toBe('DSN=x;Description=***;UID=u');
  });

  it.each([
    ['an unterminated brace', `DSN=x;PWD={${CANARY}`, 'DSN=x;PWD=***'],
    ['a password with an unquoted ";"', `DSN=x;PWD=Canary;Pw-7f3a9`, 'DSN=x;PWD=***'],
    ['text after a brace', `DSN=x;PWD={Canary}-Pw-7f3a9;UID=u`, 'DSN=x;PWD=***;UID=u'],
    ['a broken pair before it', `{oops;PWD=${CANARY};UID=u`, '{oops;PWD=***;UID=u'],
    ['a password inside an unterminated brace', `DSN=x;Description={a;PWD=${CANARY}`, 'DSN=x;Description={a;PWD=***'],
    ['a password key glued to text', `X={a}bPWD=${CANARY};UID=u`, 'X={a}bPWD=***;UID=u'],
  ])('masks text that does not parse: %s', (_name, text, masked) => {
    expect(parseConnectionString(text).ok).toBe(false);
    expect(maskConnectionString(text)).toBe(masked);
  });

  it('moves an offset to the same place in the masked text', () => {
    const text = `PWD=${CANARY};DSN=x;{bad`;
    const offset = text.indexOf('{bad');
    const masked = maskConnectionStringAt(text, offset);
    expect(masked.text).toBe('PWD=***;DSN=x;{bad');
    expect(masked.text.slice(masked.offset)).toBe('{bad');
    // an offset inside a secret points at its mask
    expect(maskConnectionStringAt(`DSN=x;PWD={${CANARY}`, 12)).toEqual({ text: 'DSN=x;PWD=***', offset: 10 });
    expect(maskConnectionStringAt('DSN=x', 2)).toEqual({ text: 'DSN=x', offset: 2 });
  });
});

describe('maskPairs and maskParsed', () => {
  it('mask the secret values only', () => {
    expect(
      maskPairs([
        { key: 'UID', value: 'u' },
        { key: 'Password', value: CANARY },
        { key: 'Description', value: `PWD=${CANARY}` },
      ]),
    ).toEqual([
      { key: 'UID', value: 'u' },
      { key: 'Password', value: '***' },
      { key: 'Description', value: '***' },
    ]);
  });

  it('takes dsn and driver from the masked pairs', () => {
    const parsed = parseConnectionString(`DRIVER={X;PWD=${CANARY}};DSN=d`);
    if (!parsed.ok) throw new Error('expected to parse');
    expect(maskParsed(parsed)).toMatchObject({ driver: '***', dsn: 'd' });
  });
});

describe('withPassword', () => {
  it('adds PWD={…} at the end, brace-quoted', () => {
    expect(withPassword('DSN=cms;UID=r;', CANARY)).toBe(`DSN=cms;UID=r;PWD={${CANARY}};`);
    expect(withPassword('DSN=cms;UID=r', 'a;b}c')).toBe('DSN=cms;UID=r;PWD={a;b}}c};');
    expect(withPassword('DSN=cms; ', ' x ')).toBe('DSN=cms; PWD={ x };');
    expect(withPassword('', 'p')).toBe('PWD={p};');
  });

  it('replaces every password key already present and keeps the rest as written', () => {
    expect(withPassword('DSN=cms;PWD=old;UID=r;password={o;ld};Pass=x', 'new')).toBe('DSN=cms;UID=r;PWD={new};');
    expect(withPassword('PWD=old;DSN = cms', 'new')).toBe('DSN = cms;PWD={new};');
  });

  it('gives back what the parser reads as that password', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'binary' }), (uid, password) => {
        const text = withPassword(buildConnectionString([{ key: 'UID', value: uid }]), password);
        const parsed = parseConnectionString(text);
        expect(parsed.ok && parsed.pairs).toEqual([
          { key: 'UID', value: uid },
          { key: 'PWD', value: password },
        ]);
      }),
    );
  });

  it('refuses text that does not parse, without repeating the password or the text', () => {
    let thrown: unknown;
    try {
      withPassword('DSN=x;Description={abc', CANARY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectionStringError);
    expect((thrown as ConnectionStringError).offset).toBe(18);
    expect((thrown as Error).message).not.toContain(CANARY);
    expect((thrown as Error).message).not.toContain('abc');
  });
});

describe('secretKeysIn (the contract check) on the shared tokenizer', () => {
  it('reads structure when the text parses', () => {
    expect(secretKeysIn('DSN=x;PWD=a;Passwd=b')).toEqual(['PWD', 'Passwd']);
    expect(secretKeysIn('DSN=x;Description={PWD=a}')).toEqual([]);
    expect(secretKeysIn('DSN=x;Token=t')).toEqual([]); // only the keys the password field replaces
  });

  it('is conservative when the text does not parse', () => {
    expect(secretKeysIn('DSN=x;Description={a;PWD=b')).toEqual(['PWD']);
    expect(secretKeysIn('oops;password=b')).toEqual(['password']);
  });
});

describe('properties', () => {
  const passwordKey = fc.mixedCase(fc.constantFrom('pwd', 'password'));
  const ordinaryKey = fc
    .stringMatching(/^[A-Za-z][A-Za-z0-9_ ]{0,10}$/)
    .map((text) => text.trim())
    .filter((text) => text !== '');
  const anyValue = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));
  const otherPairs = fc.array(fc.record({ key: ordinaryKey, value: anyValue }), { maxLength: 4 });
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(/^[A-Za-z ;={}]*$/),
  );

  it('never leaks a password of a string that parses, and masks it like maskPairs', () => {
    fc.assert(
      fc.property(
        otherPairs,
        otherPairs,
        passwordKey,
        fc.string({
          minLength: 4,
          unit: fc.oneof(fc.constantFrom('}', ';', '{', ' ', '='), fc.string({ maxLength: 1 })),
        }),
        (before, after, key, secret) => {
          const pairs: ConnectionStringPair[] = [...before, { key, value: secret }, ...after];
          const text = buildConnectionString(pairs);
          const masked = maskConnectionString(text);
          expect(masked).toBe(buildConnectionString(maskPairs(pairs)));
          const visible = buildConnectionString([...before, { key, value: '***' }, ...after]);
          const encoded = buildConnectionString([{ key: 'K', value: secret }]).slice(2, -1);
          fc.pre(!visible.includes(secret) && !visible.includes(encoded));
          expect(masked).not.toContain(secret);
          expect(masked).not.toContain(encoded);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never leaks a password of a string that does not parse', () => {
    const noStar = (text: string) => !text.includes('*');
    const plain = fc
      .string({ minLength: 4, maxLength: 16 })
      .filter((text) => noStar(text) && !/[;{}]/.test(text) && text.trim() === text && text !== '');
    const secretForm = fc.oneof(
      plain.map((secret) => ({ raw: secret, parts: [secret] })),
      fc
        .string({ minLength: 4, maxLength: 16 })
        .filter(noStar)
        .map((secret) => ({ raw: `{${secret.replaceAll('}', '}}')}}`, parts: [secret] })),
      fc
        .string({ minLength: 4, maxLength: 16 })
        .filter((text) => noStar(text) && !text.includes('}'))
        .map((secret) => ({ raw: `{${secret}`, parts: [secret] })),
      fc.tuple(plain, plain).map(([inside, tail]) => ({ raw: `{${inside}}${tail}`, parts: [inside, tail] })),
      // An unquoted ";" inside the password: the part after it has no "=", so the text cannot parse.
      fc
        .tuple(
          plain,
          plain.filter((text) => !text.includes('=')),
        )
        .map(([head, tail]) => ({ raw: `${head};${tail}`, parts: [head, tail] })),
    );
    const breaker = fc.constantFrom('{oops', '=novalue', 'lonely', 'K(1)=v', 'X={a}b', '{', 'A={x', '');
    fc.assert(
      fc.property(
        otherPairs,
        breaker,
        passwordKey,
        secretForm,
        breaker,
        otherPairs,
        (before, breakBefore, key, secret, breakAfter, after) => {
          const prefix = buildConnectionString(before) + (breakBefore === '' ? '' : `${breakBefore};`) + key + '=';
          const suffix = (breakAfter === '' ? '' : `;${breakAfter}`) + ';' + buildConnectionString(after);
          const text = prefix + secret.raw + suffix;
          const masked = maskConnectionString(text);
          for (const part of [...secret.parts, secret.raw]) {
            if (part.length < 4 || part.includes('*') || prefix.includes(part) || suffix.includes(part)) continue;
            expect(masked, text).not.toContain(part);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws from parse, lint, mask or secretKeysIn, whatever the text', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (text, offset) => {
        expect(typeof parseConnectionString(text).ok).toBe('boolean');
        expect(typeof maskConnectionString(text)).toBe('string');
        expect(typeof maskConnectionStringAt(text, offset % (text.length + 1)).offset).toBe('number');
        expect(Array.isArray(secretKeysIn(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks the value of every secret pair of any text that parses', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseConnectionString(text);
        if (!parsed.ok) return;
        const masked = parseConnectionString(maskConnectionString(text));
        expect(masked.ok).toBe(true);
        if (!masked.ok) return;
        expect(masked.pairs.map((pair) => pair.key)).toEqual(parsed.pairs.map((pair) => pair.key));
        for (const pair of masked.pairs) if (isSecretKey(pair.key)) expect(pair.value).toBe('***');
      }),
      { numRuns: 2000 },
    );
  });
});
