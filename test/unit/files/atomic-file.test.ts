import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanLeftovers,
  openAtomicWriter,
  TEMP_SUFFIX,
  writeFileAtomic,
  writeFileAtomicAsync,
} from '../../../src-main/files/atomic-file';
import { finished, REPO_ROOT, useChildProcesses } from '../../support/child-process';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-atomic-');
const spawnChild = useChildProcesses();
const CHILD = path.join(REPO_ROOT, 'test', 'support', 'atomic-write-child.ts');

const tempFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith(TEMP_SUFFIX));

/** Runs the writer child under a file-size limit (ulimit -f, in 1 KiB blocks). */
async function writeInLimitedChild(mode: string, target: string, bytes: number, limitKiB: number) {
  const child = spawnChild('bash', [
    '-c',
    `ulimit -f ${limitKiB}; exec "$0" "$@"`,
    process.execPath,
    '--import',
    'tsx',
    CHILD,
    mode,
    target,
    String(bytes),
  ]);
  const { stdout, stderr } = await finished(child);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  expect(line, stderr).not.toBe('');
  return JSON.parse(line) as { ok: boolean; message?: string; tempPath?: string };
}

/** The pid of a process that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('writeFileAtomic', () => {
  it('creates the file with mode 0600 and leaves no temp file', () => {
    const dir = tempDir();
    const target = dir.join('out.csv');
    writeFileAtomic(target, 'a,b\r\n');
    expect(fs.readFileSync(target, 'utf8')).toBe('a,b\r\n');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir.path)).toEqual(['out.csv']);
  });

  it('replaces an existing file and touches nothing else', async () => {
    const dir = tempDir();
    const target = dir.join('out.jsonl');
    fs.writeFileSync(target, 'old');
    fs.writeFileSync(dir.join('other.txt'), 'other');
    writeFileAtomic(target, new Uint8Array([0x6e, 0x65, 0x77]));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    await writeFileAtomicAsync(target, 'newer');
    expect(fs.readFileSync(target, 'utf8')).toBe('newer');
    expect(fs.readdirSync(dir.path).sort()).toEqual(['other.txt', 'out.jsonl']);
  });

  it('writes a target whose name is near the 255-byte limit (the temp name is cut to whole characters)', async () => {
    const dir = tempDir();
    const name = `${'é'.repeat(120)}-€.csv`; // 247 bytes of UTF-8
    writeFileAtomic(dir.join(name), 'x');
    const writer = await openAtomicWriter(dir.join(name));
    expect(Buffer.byteLength(path.basename(writer.tempPath))).toBeLessThanOrEqual(255);
    await writer.write('y');
    await writer.commit();
    expect(fs.readdirSync(dir.path)).toEqual([name]);
    expect(fs.readFileSync(dir.join(name), 'utf8')).toBe('y');
  });

  it('says which folder is missing, and creates nothing', async () => {
    const dir = tempDir();
    const target = dir.join('missing', 'out.csv');
    expect(() => writeFileAtomic(target, 'x')).toThrow(`the folder ${dir.join('missing')} does not exist`);
    await expect(writeFileAtomicAsync(target, 'x')).rejects.toThrow('does not exist');
    expect(fs.readdirSync(dir.path)).toEqual([]);
  });

  it('leaves a folder in the way untouched and removes its temp file when the rename fails', async () => {
    const dir = tempDir();
    const target = dir.join('out.csv');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'keep');
    expect(() => writeFileAtomic(target, 'x')).toThrow(`Could not write ${target}`);
    await expect(writeFileAtomicAsync(target, 'x')).rejects.toThrow(`Could not write ${target}`);
    expect(fs.readdirSync(dir.path)).toEqual(['out.csv']);
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('keep');
  });

  it.each(['sync', 'stream'])(
    'keeps the old file when the disk refuses more bytes half-way (%s, EFBIG)',
    async (mode) => {
      const dir = tempDir();
      const target = dir.join('out.csv');
      fs.writeFileSync(target, 'the old export\n');
      const result = await writeInLimitedChild(mode, target, 4 * 1024 * 1024, 256);
      expect(result.ok).toBe(false);
      expect(result.message).toContain(`Could not write ${target}`);
      expect(result.message).toContain('unchanged');
      expect(fs.readFileSync(target, 'utf8')).toBe('the old export\n');
      expect(tempFiles(dir.path)).toEqual([]);
    },
    30_000,
  );

  it('writes the same payload completely when the limit allows it', async () => {
    const dir = tempDir();
    const target = dir.join('out.csv');
    const result = await writeInLimitedChild('stream', target, 3 * 1024 * 1024 + 17, 8192);
    expect(result).toEqual({ ok: true });
    expect(fs.statSync(target).size).toBe(3 * 1024 * 1024 + 17);
  }, 30_000);
});

describe('openAtomicWriter', () => {
  it('keeps the old file readable until commit, then replaces it whole', async () => {
    const dir = tempDir();
    const target = dir.join('rows.csv');
    fs.writeFileSync(target, 'old');
    const writer = await openAtomicWriter(target);
    expect(path.dirname(writer.tempPath)).toBe(dir.path);
    expect(path.basename(writer.tempPath)).toMatch(
      new RegExp(`^\\.rows\\.csv\\.${process.pid}\\.[0-9a-f]+\\.acd-link-tmp$`),
    );
    const chunk = 'x'.repeat(300 * 1024);
    for (let index = 0; index < 10; index++) await writer.write(chunk);
    // Past the 1 MiB buffer: bytes are on disk in the temp file, the target is still the old one.
    expect(fs.statSync(writer.tempPath).size).toBeGreaterThan(0);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(writer.bytesWritten).toBe(10 * chunk.length);
    await writer.commit();
    expect(fs.statSync(target).size).toBe(10 * chunk.length);
    expect(fs.existsSync(writer.tempPath)).toBe(false);
    await expect(writer.write('more')).rejects.toThrow('after the atomic write');
  });

  it('keeps the order of writes that were not awaited', async () => {
    const dir = tempDir();
    const target = dir.join('rows.jsonl');
    const writer = await openAtomicWriter(target);
    const writes = Array.from({ length: 200 }, (_, index) => writer.write(`${index}\n`));
    await Promise.all(writes);
    await writer.commit();
    expect(fs.readFileSync(target, 'utf8')).toBe(Array.from({ length: 200 }, (_, index) => `${index}\n`).join(''));
  });

  it('abort (after an error of the producer) removes the temp file and keeps the old target', async () => {
    const dir = tempDir();
    const target = dir.join('rows.csv');
    fs.writeFileSync(target, 'old');
    const writer = await openAtomicWriter(target);
    const produce = async () => {
      await writer.write('half a file');
      throw new Error('the query failed after 1000 rows');
    };
    await expect(
      produce().catch(async (error: unknown) => {
        await writer.abort();
        throw error;
      }),
    ).rejects.toThrow('the query failed');
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir.path)).toEqual(['rows.csv']);
    await writer.abort(); // twice is harmless
  });

  it('removes its temp file when the process exits in an orderly way mid-write', async () => {
    const dir = tempDir();
    const target = dir.join('rows.csv');
    const result = await writeInLimitedChild('exit-mid-write', target, 2 * 1024 * 1024, 8192);
    expect(result.ok).toBe(true);
    expect(result.tempPath).toContain(TEMP_SUFFIX);
    expect(fs.readdirSync(dir.path)).toEqual([]);
  }, 30_000);
});

describe('cleanLeftovers', () => {
  it('removes only our temp files whose writer is gone; live writers and foreign files stay', async () => {
    const dir = tempDir();
    const dead = await deadPid();
    const live = spawnChild(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const deadTemps = [`.rows.csv.${dead}.0a1b2c${TEMP_SUFFIX}`, `.a.b.c.csv.${dead}.ff${TEMP_SUFFIX}`];
    const liveTemp = `.rows.csv.${live.pid}.0a1b2c${TEMP_SUFFIX}`;
    // Our own pid, but not a file we hold open: left by an earlier process that had the same pid.
    const ownStale = `.old.csv.${process.pid}.abc${TEMP_SUFFIX}`;
    const foreign = [
      'rows.csv',
      `rows.csv${TEMP_SUFFIX}`,
      `.rows.csv.${dead}.0a1b2c.tmp`,
      `.rows.csv.notapid.0a1b2c${TEMP_SUFFIX}`,
      `rows.csv.${dead}.0a1b2c${TEMP_SUFFIX}`,
    ];
    for (const name of [...deadTemps, liveTemp, ownStale, ...foreign]) fs.writeFileSync(dir.join(name), 'x');
    fs.mkdirSync(dir.join(`.folder.${dead}.abc${TEMP_SUFFIX}`));
    const writer = await openAtomicWriter(dir.join('open.csv'));
    await writer.write('in progress');

    expect(cleanLeftovers(dir.path)).toBe(3);
    expect(fs.readdirSync(dir.path).sort()).toEqual(
      [liveTemp, ...foreign, `.folder.${dead}.abc${TEMP_SUFFIX}`, path.basename(writer.tempPath)].sort(),
    );
    await writer.commit();
    expect(fs.readFileSync(dir.join('open.csv'), 'utf8')).toBe('in progress');
    live.kill('SIGKILL');
    await new Promise((resolve) => live.once('exit', resolve));
    expect(cleanLeftovers(dir.path)).toBe(1);
    expect(cleanLeftovers(dir.join('no-such-folder'))).toBe(0);
  });
});
