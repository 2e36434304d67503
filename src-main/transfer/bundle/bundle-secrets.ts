import crypto from 'node:crypto';
import { z } from 'zod';
import type { BundleSecrets } from '../../../src-shared/contract/bundle-format';
import { ServiceError } from '../../../src-shared/rpc/result';
import { canonicalJson } from './canonical-json';

/** scrypt's recommended interactive cost (2^15, 8, 1): about 0.1 s and 32 MB. */
const KDF = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const WRONG_PASSPHRASE_MESSAGE = 'The passphrase is wrong or the bundle was altered; nothing was imported.';

/** Passwords by the index of their system in the bundle's systems array. */
export type PasswordsByIndex = ReadonlyMap<number, string>;

/**
 * Encrypts the passwords with AES-256-GCM under a key derived from the passphrase. The systems
 * array is the additional authenticated data: editing any system afterwards makes decryption fail.
 */
export function sealPasswords(passwords: PasswordsByIndex, systems: unknown, passphrase: string): BundleSecrets {
  const salt = crypto.randomBytes(SALT_BYTES);
  const iv = crypto.randomBytes(IV_BYTES);
  const key = deriveKey(passphrase, { ...KDF, salt });
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(canonicalJson(systems), 'utf8'));
  const plain = JSON.stringify(
    Object.fromEntries([...passwords].map(([index, password]) => [String(index), password])),
  );
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

const decryptedSchema = z.record(z.string().regex(/^(0|[1-9]\d*)$/), z.string().min(1));

/**
 * Decrypts what sealPasswords wrote. `rawSystems` is the systems array exactly as parsed from the
 * file. A wrong passphrase and any change to the ciphertext, tag, iv, salt or systems fail the
 * same way, closed: the caller gets WRONG_PASSPHRASE_MESSAGE and no password.
 */
export function openPasswords(secrets: BundleSecrets, rawSystems: unknown, passphrase: string): Map<number, string> {
  let plain: string;
  try {
    const key = deriveKey(passphrase, { ...secrets.kdf, salt: Buffer.from(secrets.kdf.salt, 'base64') });
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(secrets.iv, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(canonicalJson(rawSystems), 'utf8'));
    decipher.setAuthTag(Buffer.from(secrets.tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(secrets.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new ServiceError('INVALID_INPUT', WRONG_PASSPHRASE_MESSAGE, [
      { path: 'passphrase', message: WRONG_PASSPHRASE_MESSAGE },
    ]);
  }
  // Authentic but not what this version writes: a foreign or faulty writer, not a wrong passphrase.
  let parsed: z.infer<typeof decryptedSchema>;
  try {
    parsed = decryptedSchema.parse(JSON.parse(plain));
  } catch {
    throw new ServiceError(
      'INVALID_INPUT',
      'secrets: the decrypted content is not a map of system index to password. Nothing was imported.',
      [{ path: 'secrets', message: 'the decrypted content is not a map of system index to password' }],
    );
  }
  return new Map(Object.entries(parsed).map(([index, password]) => [Number(index), password]));
}

function deriveKey(passphrase: string, kdf: { N: number; r: number; p: number; salt: Buffer }): Buffer {
  // NFC: the same passphrase typed on another system's keyboard or input method gives the same key.
  return crypto.scryptSync(passphrase.normalize('NFC'), kdf.salt, KEY_BYTES, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    // scrypt needs about 128 × N × r bytes (plus 128 × r × p); the default limit is exactly 32 MB.
    maxmem: 2 * 128 * kdf.N * kdf.r + 128 * kdf.r * kdf.p,
  });
}
