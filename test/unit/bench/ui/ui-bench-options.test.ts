import { describe, expect, it } from 'vitest';
import { parseUiBenchArgs } from '../../../../scripts/bench/ui/options';

describe('ui bench command line', () => {
  it('defaults to 5 runs over 100,000 grid rows, building when needed', () => {
    expect(parseUiBenchArgs([])).toEqual({
      runs: 5,
      out: undefined,
      smoke: false,
      gridRuns: 3,
      gridRows: 100_000,
      scrollMs: 3000,
      build: true,
      screenshots: undefined,
    });
  });

  it('makes --smoke one run over 10,000 rows, and lets explicit values win', () => {
    expect(parseUiBenchArgs(['--smoke'])).toMatchObject({ smoke: true, runs: 1, gridRuns: 1, gridRows: 10_000 });
    expect(parseUiBenchArgs(['--smoke', '--runs', '3', '--out', 'r.json'])).toMatchObject({ runs: 3, out: 'r.json' });
    expect(parseUiBenchArgs(['--no-build', '--grid-rows', '500'])).toMatchObject({ build: false, gridRows: 500 });
  });

  it('names the option and the value it refuses', () => {
    expect(() => parseUiBenchArgs(['--runs', '0'])).toThrow('--runs "0" must be a whole number from 1 to 100');
    expect(() => parseUiBenchArgs(['--runs', '2.5'])).toThrow(/--runs "2.5"/);
    expect(() => parseUiBenchArgs(['--scroll-ms', 'fast'])).toThrow(/--scroll-ms "fast"/);
    expect(() => parseUiBenchArgs(['--out', ' '])).toThrow('--out needs a path');
    expect(() => parseUiBenchArgs(['--rows', '5'])).toThrow(/--rows/);
  });
});
