import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMP_SUFFIX } from '../../src-main/files/atomic-file';
import { JOURNAL_FOLDER } from '../../src-main/files/write-journal';
import { finished, onStdoutLine, REPO_ROOT, useChildProcesses } from '../support/child-process';
import { runBuiltCli } from '../support/cli-transfer-bin';
import { sha256File } from '../support/files';
import { CLI_BIN, ensureNodeBuild } from '../support/node-build';
import { useTempDirs } from '../support/temp-dir';

/**
 * `kill -9` of the built `acd-link export --out` in the middle of its copy to --out: the temp file
 * it leaves in the output folder (outside the data folder) is removed by the next start, and
 * nothing else there is touched. The copy pauses deterministically (test/support/pause-copy-preload.mjs),
 * so the kill lands mid-copy however fast the machine is.
 */

const tempDir = useTempDirs('acd-cli-export-kill-');
const spawnChild = useChildProcesses();
const PRELOAD = path.join(REPO_ROOT, 'test', 'support', 'pause-copy-preload.mjs');

/** Every name in a folder with its bytes' hash (links as their target), to compare before and after. */
function contents(folder: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }))
    result[entry.name] = entry.isSymbolicLink()
      ? `link to ${fs.readlinkSync(path.join(folder, entry.name))}`
      : sha256File(path.join(folder, entry.name));
  return result;
}

const journalRecords = (home: string) =>
  fs.readdirSync(path.join(home, JOURNAL_FOLDER)).map((name) => ({
    name,
    ...(JSON.parse(fs.readFileSync(path.join(home, JOURNAL_FOLDER, name), 'utf8')) as {
      pid: number;
      tempPath: string;
    }),
  }));

describe('kill -9 during acd-link export --out', () => {
  beforeAll(() => ensureNodeBuild(), 120_000);

  it('leaves a recorded temp file beside --out; a start spares it while the copy lives, the next start removes it', async () => {
    const home = tempDir();
    const out = tempDir();
    const env = { ACD_LINK_HOME: home.path };
    const first = await runBuiltCli(['systems', 'list'], env);
    expect(first.code, first.stderr).toBe(0);

    const target = out.join('bundle.json');
    fs.writeFileSync(target, 'the previous export\n');
    fs.writeFileSync(out.join('notes.txt'), 'not ours\n');
    // Named like a temp file of ours, but recorded by no journal: not this data folder's to remove.
    fs.writeFileSync(out.join(`.other.json.999999.abcdef${TEMP_SUFFIX}`), 'someone else’s\n');
    fs.symlinkSync(out.join('notes.txt'), out.join('notes-link.txt'));
    const before = contents(out.path);

    const child = spawnChild(
      process.execPath,
      ['--import', PRELOAD, CLI_BIN, 'export', '--format', 'json', '--out', target],
      {
        env: {
          PATH: process.env.PATH,
          ...env,
          ACD_TEST_PAUSE_READ_UNDER: path.join(home.path, 'exports'),
        },
      },
    );
    const done = finished(child);
    let paused!: () => void;
    const pausedNow = new Promise<void>((resolve) => (paused = resolve));
    onStdoutLine(child, (line) => {
      if (line === 'paused') paused();
    });
    await Promise.race([pausedNow, done]);
    const pid = child.pid ?? -1;

    // Mid-copy: the temp file is beside --out, and the journal in the data folder names it.
    const tempName = Object.keys(contents(out.path)).find((name) => !(name in before));
    expect(tempName, `no temp file appeared in ${out.path}`).toMatch(
      new RegExp(`^\\.bundle\\.json\\.${pid}\\.[0-9a-f]+\\.acd-link-tmp$`),
    );
    const tempPath = out.join(tempName ?? '');
    expect(journalRecords(home.path)).toEqual([
      { name: expect.stringMatching(new RegExp(`^${pid}\\.[0-9a-f]+\\.json$`)), pid, tempPath },
    ]);

    // A start while the copy is alive (the desktop app opening beside the CLI) leaves it alone.
    const beside = await runBuiltCli(['systems', 'list'], env);
    expect(beside.code, beside.stderr).toBe(0);
    expect(fs.existsSync(tempPath)).toBe(true);
    expect(journalRecords(home.path)).toHaveLength(1);

    child.kill('SIGKILL');
    const { signal, stderr } = await done;
    expect(stderr).toBe('');
    expect(signal, 'the export ended on its own instead of pausing mid-copy').toBe('SIGKILL');
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export\n');
    expect(fs.existsSync(tempPath), 'kill -9 skips every exit hook').toBe(true);

    const next = await runBuiltCli(['systems', 'list'], env);
    expect(next.code, next.stderr).toBe(0);
    expect(contents(out.path)).toEqual(before);
    expect(fs.readdirSync(path.join(home.path, JOURNAL_FOLDER))).toEqual([]);
  });
});
