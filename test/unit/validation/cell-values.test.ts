import { describe, expect, it } from 'vitest';
import { describeValue, EMPTY, INVALID, toInteger, toText } from '../../../src-shared/validation/cell-values';

describe('driver values as contract types', () => {
  it('integers: numbers, bigint and numeric text that is whole', () => {
    expect([12, 12n, '12', ' 12 ', '+3', '-4', '12.00', '0'].map(toInteger)).toEqual([12, 12, 12, 12, 3, -4, 12, 0]);
    for (const value of [12.5, '12.5', '1e3', 'twelve', true, NaN, Infinity, new Date(), {}]) {
      expect(toInteger(value)).toBe(INVALID);
    }
    for (const value of [null, undefined, '', '  ']) expect(toInteger(value)).toBe(EMPTY);
  });

  it('text: strings, and numbers as their decimal text', () => {
    expect(['Q1', 42, 42n].map(toText)).toEqual(['Q1', '42', '42']);
    for (const value of [true, new Date(), new Uint8Array(2), NaN, {}]) expect(toText(value)).toBe(INVALID);
  });

  it('describes any value without throwing', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(describeValue(null)).toBe('NULL');
    expect(describeValue('x'.repeat(100))).toMatch(/^"x{60}…"$/);
    expect(describeValue(5n)).toBe('5');
    expect(describeValue(new Date(NaN))).toBe('an invalid Date');
    expect(describeValue(hostile)).toBe('a value of type object');
    expect(describeValue(Symbol('s'))).toBe('a value of type symbol');
    expect(describeValue(new Uint8Array(3))).toBe('binary data (3 bytes)');
  });
});
