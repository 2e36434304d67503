import { describe, expect, it } from 'vitest';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';

// Names are what an admin reads in the tree: no invisible characters, and two names that look the
// same are the same name.
const tempDir = useTempDirs('acd-names-');
const openContext = useAppContexts();
const connection = { kind: 'sqlite', file: '/data/acd.sqlite' } as const;

describe('system and integration names', () => {
  it.each([
    ['NUL', 'Avaya\u0000CMS', 'U+0000'],
    ['a right-to-left override', 'Avaya\u202eSMC', 'U+202E'],
    ['a zero-width space', 'Ava\u200bya', 'U+200B'],
    ['a byte-order mark', 'Ava\ufeffya', 'U+FEFF'],
    ['a soft hyphen', 'Ava\u00adya', 'U+00AD'],
    ['a line separator', 'Avaya\u2028CMS', 'U+2028'],
  ])('refuses %s, naming the character, and writes nothing', async (_label, name, codePoint) => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const result = await context.dispatch('systems.create', { name, connection });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(result)).toContain(`found ${codePoint}`);
    expect(context.workspace.systems.count()).toBe(0);
  });

  it.each([
    ['full-width letters', 'Avaya', 'Ａｖａｙａ'],
    ['a ligature', 'file export', 'ﬁle export'],
    ['a no-break space', 'Avaya CMS', 'Avaya\u00a0CMS'],
    ['two spaces', 'Avaya CMS', 'Avaya  CMS'],
    ['another case', 'Avaya', 'AVAYA'],
  ])('treats a look-alike with %s as the same name: CONFLICT', async (_label, first, second) => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    expect(await context.dispatch('systems.create', { name: first, connection })).toMatchObject({ ok: true });
    expect(await context.dispatch('systems.create', { name: second, connection })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const system = context.workspace.systems.list()[0];
    const integration = { systemId: system?.id, importType: 'interval' } as const;
    expect(await context.dispatch('integrations.create', { ...integration, name: first })).toMatchObject({ ok: true });
    expect(await context.dispatch('integrations.create', { ...integration, name: second })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('stores a name in NFC: "é" typed as e + combining accent is the same stored text as "é"', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const created = await context.dispatch('systems.create', { name: 'Caf\u0065\u0301', connection });
    expect(created).toMatchObject({ ok: true, value: { name: 'Café' } });
    expect(await context.dispatch('systems.create', { name: 'Café', connection })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refuses a name over 100 characters, and a megabyte of them, with the limit in the message', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    for (const name of ['x'.repeat(101), 'x'.repeat(1024 * 1024), ' '.repeat(1024 * 1024)]) {
      const result = await context.dispatch('systems.create', { name, connection });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(result)).toMatch(/name: (must be at most 100 characters|must not be empty)/);
    }
  });
});
