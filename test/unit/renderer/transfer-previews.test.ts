import { describe, expect, it } from 'vitest';
import type { FindingDto, PreviewResult } from '../../../src-shared/contract/api';
import { downloadUrl } from '../../../src-renderer/api/download-url';
import { digestPreview } from '../../../src-renderer/features/transfer/preview-outcome';
import { forEachLimited } from '../../../src-renderer/features/transfer/run-limited';

const finding = (severity: FindingDto['severity'], message: string): FindingDto => ({
  row: 1,
  column: 'channel',
  rule: 'r',
  severity,
  message,
});

function result(findings: FindingDto[], rows = 3, truncated = false): PreviewResult {
  const count = (severity: FindingDto['severity']) => findings.filter((item) => item.severity === severity).length;
  return {
    columns: ['a'],
    rows: Array.from({ length: rows }, (_, index) => [index]),
    truncated,
    elapsedMs: 5,
    validation: {
      rowsChecked: rows,
      findingCounts: {},
      countsBySeverity: { error: count('error'), warning: count('warning'), info: count('info') },
      findings,
      ok: count('error') === 0,
      distinct: { queues: 0, channels: 0, agents: 0, activities: 0 },
      firstTimestamp: null,
      lastTimestamp: null,
    },
  };
}

describe('digestPreview', () => {
  it('counts rows and findings and picks errors before warnings, never notes', () => {
    const digest = digestPreview(
      result(
        [
          finding('info', 'n'),
          finding('warning', 'w1'),
          finding('error', 'e1'),
          finding('warning', 'w2'),
          finding('error', 'e2'),
          finding('error', 'e3'),
        ],
        200,
        true,
      ),
    );
    expect(digest).toMatchObject({ rows: 200, truncated: true, errors: 3, warnings: 2 });
    expect(digest.highlights.map((item) => item.message)).toEqual(['e1', 'e2', 'e3']);
    expect(digestPreview(result([finding('warning', 'w')])).highlights.map((item) => item.message)).toEqual(['w']);
  });

  it('reports a preview without validation as clean rows', () => {
    const { validation: _ignored, ...plain } = result([], 2);
    expect(digestPreview(plain)).toEqual({ rows: 2, truncated: false, errors: 0, warnings: 0, highlights: [] });
  });
});

describe('forEachLimited', () => {
  it('runs every item once, never more than the limit at a time, starting them in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const items = Array.from({ length: 9 }, (_, index) => index);
    await forEachLimited(items, 2, async (item) => {
      started.push(item);
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, (item % 3) * 3));
      running--;
    });
    expect(peak).toBe(2);
    expect(started).toEqual(items);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await forEachLimited([], 3, async () => {
      calls++;
    });
    expect(calls).toBe(0);
  });
});

describe('downloadUrl', () => {
  it('names the staged file by id only and carries the token, both escaped', () => {
    expect(downloadUrl('0123abcd', 'a+b/c=')).toBe('/downloads/0123abcd?token=a%2Bb%2Fc%3D');
    expect(downloadUrl('../x', 't')).toBe('/downloads/..%2Fx?token=t');
  });
});
