import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every regular file below `dir`, recursively. */
export function listFilesRecursive(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFilesRecursive(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/**
 * The encodings a careless implementation could leave a secret in: plain UTF-8, UTF-16 (as some
 * drivers and SQLite text encodings store it), and base64 / hex (encoded instead of encrypted).
 */
export function secretEncodings(secret: string): Buffer[] {
  return [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''), 'utf8'),
    Buffer.from(Buffer.from(secret, 'utf8').toString('hex'), 'utf8'),
  ];
}

/** The files under `dir` whose bytes contain `secret` in any of the encodings above. */
export function filesContainingSecret(dir: string, secret: string): string[] {
  const needles = secretEncodings(secret);
  return listFilesRecursive(dir).filter((file) => {
    const bytes = fs.readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}
