import { describe, expect, it } from 'vitest';
import { scrubError, scrubText, withScrubbedErrors } from '../../../../src-main/drivers/shared/scrub-secret';

// The shared scrubber lives with the ODBC tests because ODBC driver managers are the ones that
// echo connection strings, password included, in their errors.
const PASSWORD = 'Canary-Pw-7f3a9}x';

describe('scrubText', () => {
  it('removes the password as typed and as brace-quoted in a connection string', () => {
    expect(scrubText(`PWD={Canary-Pw-7f3a9}}x}; and Canary-Pw-7f3a9}x`, PASSWORD)).toBe('PWD={***}; and ***');
  });

  it('changes nothing without a password', () => {
    expect(scrubText('text', undefined)).toBe('text');
    expect(scrubText('text', '')).toBe('text');
  });
});

describe('scrubError', () => {
  it('scrubs message, stack, odbcErrors and causes in place, keeping class and codes', () => {
    const cause = new Error(`cause with ${PASSWORD}`);
    const error = Object.assign(new Error(`failed for ${PASSWORD}`, { cause }), {
      code: 'X1',
      odbcErrors: [{ state: '08001', code: 101, message: `echo PWD={Canary-Pw-7f3a9}}x};` }],
    });
    const result = scrubError(error, PASSWORD);
    expect(result).toBe(error);
    expect(error.code).toBe('X1');
    expect(error.message).toBe('failed for ***');
    expect(error.stack).not.toContain('Canary');
    expect(error.odbcErrors[0]?.message).toBe('echo PWD={***};');
    expect(cause.message).toBe('cause with ***');
  });

  it('scrubs the members of an AggregateError and plain strings', () => {
    const error = new AggregateError([new Error(PASSWORD)], 'many');
    scrubError(error, PASSWORD);
    expect((error.errors[0] as Error).message).toBe('***');
    expect(scrubError(`x${PASSWORD}`, PASSWORD)).toBe('x***');
  });

  it('rethrows scrubbed through withScrubbedErrors', async () => {
    await expect(
      withScrubbedErrors(PASSWORD, async () => {
        throw new Error(`bad ${PASSWORD}`);
      }),
    ).rejects.toThrow(/^bad \*\*\*$/);
  });
});
