import { describe, expect, it } from 'vitest';
import { cellKind, cellText, MAX_CELL_CHARS } from '../../../src-renderer/features/grid/cell-text';

const labels = { null: 'NULL', bytes: (count: number) => `${count} B` };
const base64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('cellText', () => {
  it('shows NULL with the given label and tells it apart from the text NULL by kind', () => {
    expect(cellText(null, labels)).toBe('NULL');
    expect(cellKind(null)).toBe('null');
    expect(cellText('NULL', labels)).toBe('NULL');
    expect(cellKind('NULL')).toBe('text');
    expect(cellText(null, { ...labels, null: 'NUL' })).toBe('NUL');
  });

  it('shows numbers, booleans and bigints as they are', () => {
    expect(cellText(0, labels)).toBe('0');
    expect(cellText(-12.5, labels)).toBe('-12.5');
    expect(cellText(false, labels)).toBe('false');
    expect(cellText({ $bigint: '9007199254740993' }, labels)).toBe('9007199254740993');
    expect([cellKind(1), cellKind(true), cellKind({ $bigint: '1' })]).toEqual(['number', 'boolean', 'bigint']);
  });

  it('shows bytes as a hex prefix and the byte count', () => {
    expect(cellText({ $bytes: base64([0xde, 0xad, 0xbe, 0xef]) }, labels)).toBe('0xDEADBEEF (4 B)');
    expect(cellText({ $bytes: base64([...Array(20).keys()]) }, labels)).toBe('0x0001020304050607… (20 B)');
    expect(cellText({ $bytes: '' }, labels)).toBe('0x (0 B)');
    expect(cellKind({ $bytes: '' })).toBe('bytes');
  });

  it('does not throw on malformed base64 and still gives a size', () => {
    expect(cellText({ $bytes: '!!!!' }, labels)).toBe('3 B');
  });

  it('keeps text as text: markup is not interpreted, line breaks and tabs become visible marks', () => {
    expect(cellText('<img src=x onerror=alert(1)>', labels)).toBe('<img src=x onerror=alert(1)>');
    expect(cellText('a\r\nb\nc\td', labels)).toBe('a↵b↵c⇥d');
    expect(cellText(' A1 ', labels)).toBe(' A1 ');
  });

  it('cuts very long text so a row stays one DOM text node of bounded size', () => {
    const text = cellText('x'.repeat(100_000), labels);
    expect(text).toHaveLength(MAX_CELL_CHARS + 1);
    expect(text.endsWith('…')).toBe(true);
  });
});
