import { describe, expect, it } from 'vitest';
import {
  columnLeft,
  columnWidths,
  findingKey,
  moveActive,
  rowNumberWidth,
  sampleRowIndexes,
  scrollLeftToReveal,
  textFits,
} from '../../../src-renderer/features/grid/grid-layout';

const labels = { null: 'NULL', bytes: (count: number) => `${count} B` };
const key = (name: string, ctrlKey = false) => ({ key: name, ctrlKey, metaKey: false });
const size = { rows: 100, columns: 5, pageRows: 10 };

describe('grid keyboard', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(moveActive({ row: 5, column: 2 }, key('ArrowDown'), size)).toEqual({ row: 6, column: 2 });
    expect(moveActive({ row: 5, column: 2 }, key('ArrowUp'), size)).toEqual({ row: 4, column: 2 });
    expect(moveActive({ row: 5, column: 2 }, key('ArrowRight'), size)).toEqual({ row: 5, column: 3 });
    expect(moveActive({ row: 1, column: 1 }, key('ArrowUp'), size)).toEqual({ row: 1, column: 1 });
    expect(moveActive({ row: 1, column: 1 }, key('ArrowLeft'), size)).toEqual({ row: 1, column: 1 });
    expect(moveActive({ row: 100, column: 5 }, key('ArrowDown'), size)).toEqual({ row: 100, column: 5 });
  });

  it('goes to the row ends with Home/End and the grid ends with Ctrl+Home/End', () => {
    expect(moveActive({ row: 5, column: 3 }, key('Home'), size)).toEqual({ row: 5, column: 1 });
    expect(moveActive({ row: 5, column: 3 }, key('End'), size)).toEqual({ row: 5, column: 5 });
    expect(moveActive({ row: 5, column: 3 }, key('Home', true), size)).toEqual({ row: 1, column: 1 });
    expect(moveActive({ row: 5, column: 3 }, key('End', true), size)).toEqual({ row: 100, column: 5 });
    expect(moveActive({ row: 5, column: 3 }, { key: 'End', ctrlKey: false, metaKey: true }, size)).toEqual({
      row: 100,
      column: 5,
    });
  });

  it('pages by the visible rows and leaves other keys alone', () => {
    expect(moveActive({ row: 5, column: 3 }, key('PageDown'), size)).toEqual({ row: 15, column: 3 });
    expect(moveActive({ row: 5, column: 3 }, key('PageUp'), size)).toEqual({ row: 1, column: 3 });
    expect(moveActive({ row: 5, column: 3 }, key('a'), size)).toBeNull();
    expect(moveActive({ row: 5, column: 3 }, key('Tab'), size)).toBeNull();
  });

  it('leaves the row-number column (0) with the right arrow', () => {
    expect(moveActive({ row: 5, column: 0 }, key('ArrowRight'), size)).toEqual({ row: 5, column: 1 });
  });

  it('does nothing on an empty grid', () => {
    expect(moveActive(null, key('ArrowDown'), { rows: 0, columns: 3, pageRows: 10 })).toBeNull();
  });
});

describe('grid layout', () => {
  it('keys findings by 1-based row and column', () => {
    expect(findingKey(3, 2)).toBe('3:2');
  });

  it('sizes columns from the header and a sample, within bounds', () => {
    const rows = [
      ['a', null],
      ['b', 'x'.repeat(1000)],
    ];
    const [narrow, wide] = columnWidths(['id', 'a very long column name indeed'], rows, labels);
    expect(narrow).toBe(56);
    expect(wide).toBe(320);
  });

  it('samples the head and the spread of a large result, not every row', () => {
    const indexes = sampleRowIndexes(100_000);
    expect(indexes.length).toBe(300);
    expect(indexes[0]).toBe(0);
    expect(Math.max(...indexes)).toBeGreaterThan(98_000);
    expect(sampleRowIndexes(3)).toEqual([0, 1, 2]);
  });

  it('widens the row-number column with the row count', () => {
    expect(rowNumberWidth(100_000_000)).toBeGreaterThan(rowNumberWidth(9));
  });

  it('tells whether a text fits its width', () => {
    expect(textFits('abc', 100)).toBe(true);
    expect(textFits('x'.repeat(50), 100)).toBe(false);
  });

  it('scrolls horizontally only as far as needed, behind the sticky row numbers', () => {
    const widths = [100, 100, 100, 100];
    expect(columnLeft(widths, 50, 1)).toBe(50);
    expect(columnLeft(widths, 50, 3)).toBe(250);
    const viewport = { scrollLeft: 0, width: 300 };
    expect(scrollLeftToReveal({ left: 50, width: 100 }, viewport, 50)).toBeNull();
    expect(scrollLeftToReveal({ left: 350, width: 100 }, viewport, 50)).toBe(150);
    expect(scrollLeftToReveal({ left: 150, width: 100 }, { scrollLeft: 200, width: 300 }, 50)).toBe(100);
  });
});
