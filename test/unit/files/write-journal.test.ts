import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomicWriter, TEMP_SUFFIX } from '../../../src-main/files/atomic-file';
import {
  cleanPendingWrites,
  JOURNAL_FOLDER,
  journalFolder,
  writeJournalIn,
} from '../../../src-main/files/write-journal';
import { copyFileAtomic } from '../../../src-main/transfer/copy-file-atomic';
import { finished, useChildProcesses } from '../../support/child-process';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-journal-');
const spawnChild = useChildProcesses();

/** The pid of a process that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

function setUp() {
  const dir = tempDir();
  const dataDir = dir.join('home');
  const outDir = dir.join('out');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(outDir);
  return { dir, dataDir, outDir, journal: journalFolder(dataDir) };
}

/** A record as a killed writer leaves it: written by `pid`, naming `tempPath`. */
function leaveRecord(
  journal: string,
  pid: number,
  tempPath: unknown,
  name = `${pid}.${Math.random().toString(16).slice(2, 10)}.json`,
) {
  fs.mkdirSync(journal, { recursive: true });
  fs.writeFileSync(path.join(journal, name), JSON.stringify({ pid, tempPath }));
  return name;
}

const tempName = (base: string, pid: number) => `.${base}.${pid}.a1b2c3${TEMP_SUFFIX}`;
const records = (journal: string) => fs.readdirSync(journal).filter((name) => name.endsWith('.json'));

describe('the journal of temp files outside the data folder', () => {
  it('holds a record while the write is open and forgets it after commit or abort', async () => {
    const { dataDir, outDir, journal } = setUp();
    const target = path.join(outDir, 'bundle.json');
    const writer = await openAtomicWriter(target, { journal: writeJournalIn(dataDir) });
    const [record, ...others] = records(journal);
    expect(others).toEqual([]);
    expect(record).toMatch(new RegExp(`^${process.pid}\\.[0-9a-f]+\\.json$`));
    expect(JSON.parse(fs.readFileSync(path.join(journal, record ?? ''), 'utf8'))).toEqual({
      pid: process.pid,
      tempPath: writer.tempPath,
    });
    expect(fs.statSync(path.join(journal, record ?? '')).mode & 0o777).toBe(0o600);
    // A start in this same process while the write is open leaves both alone.
    expect(cleanPendingWrites(dataDir)).toBe(0);
    expect(fs.existsSync(writer.tempPath)).toBe(true);
    expect(records(journal)).toEqual([record]);
    await writer.write('{}');
    await writer.commit();
    expect(fs.readdirSync(journal)).toEqual([]);
    expect(fs.readdirSync(outDir)).toEqual(['bundle.json']);

    const aborted = await openAtomicWriter(target, { journal: writeJournalIn(dataDir) });
    await aborted.abort();
    expect(fs.readdirSync(journal)).toEqual([]);
    expect(fs.readdirSync(outDir)).toEqual(['bundle.json']);
  });

  it('refuses to start a write it cannot record, creating nothing', async () => {
    const { dir, outDir } = setUp();
    const notAFolder = dir.join('file-home');
    fs.writeFileSync(notAFolder, 'x');
    await expect(
      copyFileAtomic(__filename, path.join(outDir, 'x.json'), { journal: writeJournalIn(notAFolder) }),
    ).rejects.toThrow(/Could not write .*x\.json: could not record the temp file in .*pending-writes/);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('at start removes the temp file of a dead writer, then its record, and nothing else', async () => {
    const { dataDir, outDir, journal } = setUp();
    const dead = await deadPid();
    const leftover = path.join(outDir, tempName('bundle.json', dead));
    fs.writeFileSync(leftover, 'half');
    fs.writeFileSync(path.join(outDir, 'bundle.json'), 'old');
    // Ours by name but recorded by nobody: a live writer of another data folder may own it.
    const unrecorded = path.join(outDir, tempName('other.json', dead));
    fs.writeFileSync(unrecorded, 'x');
    leaveRecord(journal, dead, leftover);
    fs.writeFileSync(path.join(journal, 'README.txt'), 'not a record');

    expect(cleanPendingWrites(dataDir)).toBe(1);
    expect(fs.readdirSync(outDir).sort()).toEqual([path.basename(unrecorded), 'bundle.json'].sort());
    expect(fs.readFileSync(path.join(outDir, 'bundle.json'), 'utf8')).toBe('old');
    expect(fs.readdirSync(journal)).toEqual(['README.txt']);
  });

  it('keeps the temp file and record of a writer that is still running', async () => {
    const { dataDir, outDir, journal } = setUp();
    const child = spawnChild(process.execPath, ['-e', 'process.stdin.resume()']);
    const pid = child.pid ?? -1;
    const temp = path.join(outDir, tempName('x.json', pid));
    fs.writeFileSync(temp, 'writing');
    const record = leaveRecord(journal, pid, temp);
    expect(cleanPendingWrites(dataDir)).toBe(0);
    expect(fs.existsSync(temp)).toBe(true);
    expect(records(journal)).toEqual([record]);
    child.kill('SIGKILL');
    await finished(child);
    expect(cleanPendingWrites(dataDir)).toBe(1);
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(fs.readdirSync(journal)).toEqual([]);
  });

  it('drops, without touching what they name, records that do not name exactly a temp file of theirs', async () => {
    const { dir, dataDir, outDir, journal } = setUp();
    const dead = await deadPid();
    const other = await deadPid();
    const keep = (name: string, content = name) => {
      fs.writeFileSync(path.join(outDir, name), content);
      return path.join(outDir, name);
    };
    const userFile = keep('report.csv');
    const otherPids = keep(tempName('a.json', other));
    const linkTarget = keep('precious.txt');
    const link = path.join(outDir, tempName('b.json', dead));
    fs.symlinkSync(linkTarget, link);
    const folder = path.join(outDir, tempName('c.json', dead));
    fs.mkdirSync(folder);
    fs.symlinkSync(outDir, dir.join('out-link'));
    const viaLink = dir.join('out-link', path.basename(keep(tempName('d.json', dead))));
    const dotted = `${outDir}/../out/${path.basename(keep(tempName('e.json', dead)))}`;
    const relative = path.basename(keep(tempName('f.json', dead)));

    for (const tempPath of [userFile, otherPids, link, folder, viaLink, dotted, relative, 42, null])
      leaveRecord(journal, dead, tempPath);
    fs.writeFileSync(path.join(journal, `${dead}.abc.json`), '{not json');
    fs.writeFileSync(path.join(journal, `${dead}.abd.json`), JSON.stringify({ pid: -1, tempPath: userFile }));
    const before = fs.readdirSync(outDir).sort();

    expect(cleanPendingWrites(dataDir)).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual(before);
    expect(fs.readlinkSync(link)).toBe(linkTarget);
    expect(fs.readFileSync(linkTarget, 'utf8')).toBe('precious.txt');
    expect(fs.readdirSync(journal)).toEqual([]);
  });

  it('removes its own half-written records (a kill while writing one)', async () => {
    const { dataDir, journal } = setUp();
    const dead = await deadPid();
    fs.mkdirSync(journal);
    fs.writeFileSync(path.join(journal, tempName(`${dead}.abc.json`, dead)), '{"pid":');
    cleanPendingWrites(dataDir);
    expect(fs.readdirSync(journal)).toEqual([]);
    expect(path.basename(journal)).toBe(JOURNAL_FOLDER);
  });
});
