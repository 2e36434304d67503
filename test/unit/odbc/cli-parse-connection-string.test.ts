import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../support/cli';

const CANARY = 'Canary-Pw-7f3a9';

/** This command reads no workspace, so an empty environment proves it needs none. */
function run(...argv: string[]) {
  return runCliCaptured(['parse-connection-string', ...argv], {});
}

describe('acd-link parse-connection-string --json', () => {
  it('prints the pairs with secrets masked, the DSN and driver, and the advice', async () => {
    const result = await run(`DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=s;UID=u;PWD={${CANARY}};`, '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout);
    expect(output).toEqual({
      ok: true,
      pairs: [
        { key: 'DRIVER', value: 'IBM INFORMIX ODBC DRIVER' },
        { key: 'SERVER', value: 's' },
        { key: 'UID', value: 'u' },
        { key: 'PWD', value: '***' },
      ],
      dsn: null,
      fileDsn: null,
      driver: 'IBM INFORMIX ODBC DRIVER',
      warnings: [
        expect.objectContaining({ code: 'password-in-string', key: 'PWD' }),
        expect.objectContaining({ code: 'informix-delimident', key: 'DRIVER' }),
      ],
    });
  });

  it('prints a clean DSN string with no warnings', async () => {
    const result = await run('DSN=AvayaCMS;DELIMIDENT=y;', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, dsn: 'AvayaCMS', driver: null, warnings: [] });
  });

  it('prints the error and its offset with exit code 2', async () => {
    const result = await run('DSN=x;PWD={abc', '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: { message: expect.stringContaining('no closing "}"'), offset: 10 },
    });
  });
});

describe('acd-link parse-connection-string (text)', () => {
  it('prints a table, the target and the warnings', async () => {
    const result = await run(`DSN=cms;UID=r;Password=${CANARY}`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^KEY\s+VALUE\n-+\s+-+\nDSN\s+cms\nUID\s+r\nPassword\s+\*\*\*\n/);
    expect(result.stdout).toContain('Data source (DSN): cms');
    expect(result.stdout).toContain('1 warning(s):\n  - password-in-string: Remove Password');
  });

  it('says when there is nothing to warn about', async () => {
    const result = await run('DSN=AvayaCMS;DELIMIDENT=y;');
    expect(result.stdout).toContain('No warnings.');
  });

  it('shows the masked string with a caret under the error', async () => {
    const text = `PWD=${CANARY};DSN=x;Opt(1)=y`;
    const result = await run(text);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('acd-link parse-connection-string: the connection string does not parse.');
    expect(lines[1]).toMatch(/contains "\(" at character 30/);
    expect(lines[2]).toBe('  PWD=***;DSN=x;Opt(1)=y');
    expect(lines[3]).toBe('  ' + ' '.repeat('PWD=***;DSN=x;Opt'.length) + '^');
  });

  it('puts the caret under the right character after an emoji and a tab', async () => {
    const result = await run('Description=🙂\tx;oops');
    const lines = result.stderr.split('\n');
    expect(lines[2]).toBe('  Description=🙂 x;oops');
    expect(lines[3]).toBe('  ' + ' '.repeat('Description=. x;'.length) + '^');
  });

  it('asks for exactly one string', async () => {
    for (const argv of [[], ['DSN=a', 'DSN=b'], ['--bogus', 'DSN=a']]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('acd-link parse-connection-string');
      expect(result.stdout).toBe('');
    }
  });

  it('is listed in the usage', async () => {
    const result = await runCliCaptured(['--help'], {});
    expect(result.stdout).toContain('acd-link parse-connection-string "DRIVER={...};SERVER=...;" [--json]');
    expect(result.stdout).toContain('acd-link odbc sources [--json]');
  });
});

describe('acd-link parse-connection-string never prints the password', () => {
  it.each([
    ['a valid string', `DSN=cms;UID=r;PWD=${CANARY};`],
    ['a braced password', `DSN=cms;PWD={${CANARY}}`],
    ['an unterminated brace', `DSN=cms;PWD={${CANARY}`],
    ['an unquoted ";" in the password', `DSN=cms;PWD=Canary;Pw-7f3a9`],
    ['text after the closing brace', `DSN=cms;PWD={Canary-Pw}-7f3a9;UID=r`],
    ['an error after the password', `DSN=cms;PWD=${CANARY};Opt(1)=y`],
    ['an error before the password', `{oops;PWD=${CANARY}`],
    ['a password hidden in a description', `DSN=cms;Description={x;PWD=${CANARY}}`],
    ['a token', `DRIVER={Databricks};Auth_AccessToken=${CANARY}`],
  ])('for %s', async (_name, text) => {
    for (const flags of [[], ['--json']]) {
      const result = await run(text, ...flags);
      expect(result.stdout + result.stderr).not.toContain(CANARY);
      expect(result.stdout + result.stderr).not.toContain('7f3a9');
    }
  });

  it('for any text around it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 12 }),
        fc.mixedCase(fc.constantFrom('pwd', 'password')),
        fc.constantFrom('', '{', '{x}', ';lonely', ';K(1)=v', ';X={'),
        fc.string({ maxLength: 12 }),
        async (before, key, glue, after) => {
          const text = `${before};${key}=${CANARY}${glue}${after}`;
          for (const flags of [[], ['--json']]) {
            const result = await run(text, ...flags);
            expect(result.stdout + result.stderr, text).not.toContain(CANARY);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
