import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export interface TempDir {
  readonly path: string;
  /** A path inside the temp dir (not created). */
  join(...segments: string[]): string;
  remove(): void;
}

/** A fresh directory from fs.mkdtempSync; the caller removes it. */
export function makeTempDir(prefix = 'acd-link-test-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    path: dir,
    join: (...segments) => path.join(dir, ...segments),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Registers an afterEach that removes every temp dir made through the returned factory, so each
 * test owns its directories and a failing test still cleans up.
 */
export function useTempDirs(prefix?: string): () => TempDir {
  const made: TempDir[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) dir.remove();
  });
  return () => {
    const dir = makeTempDir(prefix);
    made.push(dir);
    return dir;
  };
}
