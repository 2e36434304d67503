import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretCipher } from './secret-cipher';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

export const FILE_KEY_WARNING =
  'Passwords are encrypted with a key kept in a file readable only by your user account, ' +
  'not in the operating system keychain. Anyone who can read your files can read them.';

/**
 * AES-256-GCM with a random key in a 0600 file: the web-mode and CLI cipher. Weaker than the OS
 * keychain (the key sits beside the data), which `info.warning` says out loud in the UI.
 */
export function createFileKeyCipher(keyFile: string): SecretCipher {
  const key = loadOrCreateKey(keyFile);
  return {
    info: { kind: 'encrypted-file', warning: FILE_KEY_WARNING },
    encrypt(plain) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(cipherText) {
      const [format, iv, tag, body] = cipherText.split(':');
      if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('unrecognised secret format');
      }
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

function loadOrCreateKey(keyFile: string): Buffer {
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  try {
    const key = Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`the key file ${keyFile} is damaged (wrong length)`);
    tightenPermissions(keyFile);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = crypto.randomBytes(KEY_BYTES);
  // 'wx' fails if another process created it meanwhile; then use theirs.
  try {
    fs.writeFileSync(keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKey(keyFile);
    throw error;
  }
}

function tightenPermissions(file: string): void {
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}
