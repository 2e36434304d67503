import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportStaging } from '../../../src-main/transfer/export-staging';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-staging-');

/** A pid that is certainly not running: above Linux's pid_max. */
const DEAD_PID = 4_194_305;

describe('ExportStaging', () => {
  it('hands out a slot by id and resolves it back to the file written there', () => {
    const staging = new ExportStaging(tempDir().path);
    staging.clean();
    const slot = staging.reserve('isps_ul.ini');
    fs.writeFileSync(slot.path, 'x');

    expect(slot.downloadId).toMatch(/^[a-f0-9]{32}$/);
    expect(staging.resolve(slot.downloadId)).toEqual(slot);
  });

  it('answers NOT_FOUND for unknown, malformed and path-like ids', () => {
    const staging = new ExportStaging(tempDir().path);
    staging.clean();
    for (const id of ['0'.repeat(32), '../../etc/passwd', '', 'ABC']) {
      expect(() => staging.resolve(id)).toThrow(/no longer available/);
    }
  });

  it('refuses file names that are paths or hidden', () => {
    const staging = new ExportStaging(tempDir().path);
    staging.clean();
    expect(() => staging.reserve('../x.ini')).toThrow(/plain names/);
    expect(() => staging.reserve('.hidden')).toThrow(/plain names/);
  });

  it('at start removes the folders of processes that are gone and keeps those of live ones', () => {
    const dir = tempDir();
    const dead = new ExportStaging(dir.path, DEAD_PID);
    dead.clean();
    fs.writeFileSync(dead.reserve('old.json').path, 'old');
    const live = new ExportStaging(dir.path, process.ppid);
    live.clean();
    const kept = live.reserve('kept.json');
    fs.writeFileSync(kept.path, 'kept');

    new ExportStaging(dir.path).clean();

    expect(fs.existsSync(dead.dir)).toBe(false);
    expect(fs.readFileSync(kept.path, 'utf8')).toBe('kept');
    expect(fs.readdirSync(path.join(dir.path, 'exports')).sort()).toEqual(
      [String(process.pid), String(process.ppid)].sort(),
    );
  });

  it('release forgets a failed slot', () => {
    const staging = new ExportStaging(tempDir().path);
    staging.clean();
    const slot = staging.reserve('rows.csv');
    staging.release(slot);
    expect(() => staging.resolve(slot.downloadId)).toThrow(/no longer available/);
  });
});
