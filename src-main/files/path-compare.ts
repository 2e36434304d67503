/**
 * Comparing paths the way the file system does, for the output-path check. Pure (the platform is
 * a parameter), so the Windows rules are tested on Linux too.
 */
import path from 'node:path';

/**
 * A path as its file system compares it. Windows: without the `\\?\` prefix, case-insensitive,
 * trailing dots and spaces dropped from each name and an alternate data stream (`name:stream`)
 * cut off, as Win32 does. macOS: case-insensitive and NFC (the default APFS/HFS+ behaviour;
 * refusing too much on a case-sensitive volume is harmless here).
 */
export function comparablePath(file: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const plain = file.replace(/^\\\\\?\\UNC\\/i, '\\\\').replace(/^\\\\\?\\/, '');
    return path.win32
      .normalize(plain)
      .split('\\')
      .map((name) => (/^[a-z]:$/i.test(name) ? name : name.replace(/:.*$/, '').replace(/[. ]+$/, '')))
      .join('\\')
      .toLowerCase();
  }
  const normal = path.posix.normalize(file);
  return platform === 'darwin' ? normal.normalize('NFC').toLowerCase() : normal;
}

/** Whether `file` is `folder` or inside it; both absolute. */
export function isSameOrInside(folder: string, file: string, platform: NodeJS.Platform = process.platform): boolean {
  const api = platform === 'win32' ? path.win32 : path.posix;
  const relative = api.relative(comparablePath(folder, platform), comparablePath(file, platform));
  // Not startsWith('..'): a file named `..x` inside the folder is inside.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${api.sep}`) && !api.isAbsolute(relative));
}
