import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExternalSystem, Integration } from '../../../src-shared/contract/model';
import { handoffFileName } from '../../../src-main/transfer/handoff';

const system = (name: string) => ({ name }) as ExternalSystem;
const integration = (name: string) => ({ name }) as Integration;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** What every platform's file system and every download dialog accepts. */
function expectSafe(fileName: string, ext: 'html' | 'md'): void {
  expect(fileName).not.toBe('');
  expect(fileName.startsWith('.')).toBe(false);
  expect(fileName).not.toMatch(/[/\\:*?"<>|]/);
  expect(fileName).not.toMatch(/\p{Cc}|\p{Cf}|\p{Cs}/u);
  expect(fileName.length).toBeLessThanOrEqual(120);
  expect(Buffer.byteLength(fileName, 'utf8')).toBeLessThanOrEqual(255);
  expect(fileName.endsWith(`.${ext}`)).toBe(true);
  expect(fileName).not.toMatch(/[. ]$/);
  expect(WINDOWS_RESERVED.test(fileName.split('.')[0] ?? '')).toBe(false);
}

describe('handoffFileName', () => {
  it('joins both names in lower case with dashes', () => {
    expect(handoffFileName(system('Avaya CMS'), integration('Intervals'), 'html')).toBe(
      'handoff-avaya-cms-intervals.html',
    );
    expect(handoffFileName(system('Café Ünïcode'), integration('Agent states (live)'), 'md')).toBe(
      'handoff-cafe-unicode-agent-states-live.md',
    );
  });

  it('drops path parts, reserved characters and leading dots, and keeps non-Latin letters', () => {
    expect(handoffFileName(system('../../x'), integration('..\\..\\windows'), 'html')).toBe('handoff-x-windows.html');
    expect(handoffFileName(system('CON'), integration('NUL'), 'md')).toBe('handoff-con-nul.md');
    expect(handoffFileName(system('<>:"/\\|?*'), integration('...'), 'md')).toBe('handoff-system-integration.md');
    expect(handoffFileName(system('Колл-центр'), integration('客服'), 'html')).toBe('handoff-колл-центр-客服.html');
  });

  it('cuts long names on whole characters and stays within 120 characters', () => {
    // U+20000 is a letter outside the BMP: two UTF-16 units, four UTF-8 bytes.
    const name = handoffFileName(system('x'.repeat(300)), integration('\u{20000}'.repeat(200)), 'html');
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toMatch(/^handoff-x+-(\u{20000})+\.html$/u);
    expectSafe(name, 'html');
  });

  it('is always safe, whatever the names (property)', () => {
    const hostile = fc.constantFrom('CON', 'aux', 'LPT1', '.', '..', '../../x', '.hidden', 'a/b\\c:d*e?f"g<h>i|j', ' ');
    const anyName = fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(anyName, anyName, fc.constantFrom('html' as const, 'md' as const), (systemName, name, ext) => {
        expectSafe(handoffFileName(system(systemName), integration(name), ext), ext);
      }),
      { numRuns: 2000 },
    );
  });
});
