import { describe, expect, it } from 'vitest';
import { readProfileInt } from '../../../src-main/transfer/xlink/read/profile-int';

const read = (value: string | undefined) =>
  readProfileInt(value === undefined ? undefined : { key: 'ActivityTimeSpanType', value, line: 1 });

describe('numbers as GetPrivateProfileInt reads them', () => {
  // The values of Wine's conformance test (dlls/kernel32/tests/profile.c, test_profile_int), which
  // passes on Windows; Xlink kept the UINT in an int, so 4294967295 is -1 here.
  it.each([
    ['-1', -1],
    ['1', 1],
    ['+1', 1],
    ['4294967296', 0],
    ['4294967297', 1],
    ['-4294967297', -1],
    ['42A94967297', 42],
    ['B4294967297', 0],
  ])('reads %j as %i, as Windows does', (value, expected) => {
    expect(read(value).value).toBe(expected);
  });

  it('gives the default (undefined) for a missing key and an empty value', () => {
    expect(read(undefined)).toEqual({ value: undefined });
    expect(read('')).toEqual({ value: undefined });
  });

  it('reads plain numbers and the documented trailing comment without a note', () => {
    expect(read('2')).toEqual({ value: 2 });
    expect(read('1 ;(start and end time only)')).toEqual({ value: 1 });
    expect(read('2;(date/time field)')).toEqual({ value: 2 });
    expect(read('-0')).toEqual({ value: 0 });
    expect(read('007')).toEqual({ value: 7 });
  });

  it('reads text that is no number as 0, with a reason', () => {
    expect(read('abc')).toEqual({ value: 0, unclean: 'it does not start with a number, which Windows reads as 0' });
    expect(read('- 1')).toMatchObject({ value: 0, unclean: expect.stringMatching(/does not start with a number/) });
    expect(read('one')).toMatchObject({ value: 0 });
  });

  it('reads the number at the start of other text, with a reason', () => {
    expect(read('2 minutes')).toEqual({
      value: 2,
      unclean: 'Windows reads the number at its start and ignores the rest',
    });
    expect(read('1 (start and end)')).toMatchObject({ value: 1, unclean: expect.any(String) });
    expect(read('1.5')).toMatchObject({ value: 1, unclean: expect.any(String) });
  });

  // RtlUnicodeStringToInteger with base 0, as GetPrivateProfileIntW calls it: lower-case prefixes only.
  it('reads 0x, 0o and 0b as hexadecimal, octal and binary, as Wine does, and says so', () => {
    expect(read('0x10')).toEqual({ value: 16, unclean: 'Windows reads it as a hexadecimal number' });
    expect(read('0x2')).toMatchObject({ value: 2 });
    expect(read('0o17')).toEqual({ value: 15, unclean: 'Windows reads it as an octal number' });
    expect(read('0b101')).toEqual({ value: 5, unclean: 'Windows reads it as a binary number' });
    expect(read('-0x1')).toMatchObject({ value: -1 });
    expect(read('0X10')).toMatchObject({ value: 0, unclean: expect.stringMatching(/ignores the rest/) });
  });

  it('says when a number wraps around at 32 bits', () => {
    expect(read('4294967297')).toEqual({
      value: 1,
      unclean: 'it is beyond a 32-bit number, and Windows wraps it around',
    });
    expect(read('2147483648')).toMatchObject({ value: -2147483648, unclean: expect.stringMatching(/32-bit/) });
  });

  it('reads only the first 29 characters, as the 30-character buffer holds', () => {
    expect(read(`${'0'.repeat(28)}1`)).toEqual({ value: 1 });
    expect(read(`${'0'.repeat(29)}1`)).toEqual({
      value: 0,
      unclean: 'Windows reads only its first 29 characters',
    });
  });
});
