/**
 * Checks a user-given output path (the CLI's --out, the save dialog's choice) before anything is
 * written there, on the path the operating system would really reach: an export written over the
 * workspace or into the data folder (secrets.key, the logs) would destroy it, and a symbolic link
 * (the file itself, a folder on the way, `link/..`) must not smuggle such a path past the check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { comparablePath, isSameOrInside } from './path-compare';

export class OutputPathError extends Error {}

/** What no export may overwrite. */
export interface ProtectedPlaces {
  /** The data folder: nothing inside it. */
  dataDir: string;
  /** The open workspace (it may live outside the data folder), its -wal/-shm files and its backups. */
  workspaceFile?: string;
}

/**
 * Returns the path to write: the real path of the output's folder (every link and `..` resolved
 * as the operating system resolves them) joined with its file name. Writing there, rather than
 * at the given path, means a folder on the way cannot be swapped for a link after the check.
 * Throws an OutputPathError, whose message starts with `label`, when the path is refused.
 */
export function resolveOutputPath(given: string, label: string, places: ProtectedPlaces): string {
  // Not path.resolve on POSIX: it drops `link/..` as text, while the system goes to the parent of
  // the link's target. Windows does remove `..` as text, so there path.resolve is what it does.
  const absolute =
    process.platform === 'win32' ? path.resolve(given) : path.isAbsolute(given) ? given : `${process.cwd()}/${given}`;
  const name = path.basename(absolute);
  if (name === '' || name === '.' || name === '..' || /[\\/]$/.test(given))
    throw new OutputPathError(`${label} is a folder; name the file to write`);
  let folder: string;
  try {
    folder = fs.realpathSync.native(path.dirname(absolute));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new OutputPathError(`the folder of ${label} does not exist`);
    throw new OutputPathError(`cannot open the folder of ${label} (${code ?? (error as Error).message})`);
  }
  if (!fs.statSync(folder).isDirectory()) throw new OutputPathError(`the folder of ${label} does not exist`);
  const target = path.join(folder, name);
  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink())
    throw new OutputPathError(
      `${label} is a symbolic link (to ${readLinkQuietly(target)}); exports are not written through links: name the real file, or another file`,
    );
  if (existing?.isDirectory()) throw new OutputPathError(`${label} is a folder; name the file to write`);
  if (existing !== undefined && !existing.isFile())
    throw new OutputPathError(`${label} is not a regular file (a device, pipe or socket); name a regular file`);
  if (isProtected(target, places)) {
    // Where it really leads, when that is not plain from what was given (links, `..`, a relative path).
    const resolved = target === given ? '' : ` (it leads to ${target})`;
    throw new OutputPathError(
      `${label}${resolved} is the workspace or inside the data folder (${places.dataDir}); choose a file elsewhere`,
    );
  }
  return target;
}

/** `target` has a real folder; `places` may be given through links, so they are resolved too. */
function isProtected(target: string, places: ProtectedPlaces): boolean {
  const dataDir = realPathOr(places.dataDir);
  if (isSameOrInside(dataDir, target) || isBelowByIdentity(path.dirname(target), dataDir)) return true;
  if (places.workspaceFile === undefined) return false;
  const workspace = path.join(realPathOr(path.dirname(places.workspaceFile)), path.basename(places.workspaceFile));
  if (isWorkspaceFile(workspace, target)) return true;
  // The same file under another name (a hard link, a bind mount): same identity.
  const targetId = identity(target);
  return (
    targetId !== undefined &&
    ['', '-wal', '-shm', '-journal'].some((suffix) => identity(`${workspace}${suffix}`) === targetId)
  );
}

/** The workspace, its SQLite sidecars (`-wal`, `-shm`, `-journal`) and its migration backups (`.v1-….bak`). */
function isWorkspaceFile(workspace: string, target: string): boolean {
  if (comparablePath(path.dirname(workspace)) !== comparablePath(path.dirname(target))) return false;
  const base = comparablePath(path.basename(workspace));
  const name = comparablePath(path.basename(target));
  return name === base || name.startsWith(`${base}-`) || (name.startsWith(`${base}.v`) && name.endsWith('.bak'));
}

/**
 * Whether `folder` or one of its parents is the data folder, by device and inode: catches what
 * the names hide (a bind mount, a second drive letter for the same folder).
 */
function isBelowByIdentity(folder: string, dataDir: string): boolean {
  const wanted = identity(dataDir);
  if (wanted === undefined) return false;
  for (let current = folder; ; current = path.dirname(current)) {
    if (identity(current) === wanted) return true;
    if (path.dirname(current) === current) return false;
  }
}

/** `dev:ino`, or undefined where the file system gives no inode numbers (0 on some Windows volumes). */
function identity(file: string): string | undefined {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return stat.ino === 0n ? undefined : `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

function realPathOr(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file); // not created yet: nothing behind a link to protect
  }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

function readLinkQuietly(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return 'somewhere else';
  }
}
