import fs from 'node:fs';
import { conflictResolutionSchema, type ConflictResolution } from '../../../src-shared/contract/transfer';
import { UsageError } from '../cli-io';

export function readResolution(command: string, value: string | undefined): ConflictResolution {
  const parsed = conflictResolutionSchema.safeParse(value ?? 'rename');
  if (!parsed.success)
    throw new UsageError(`${command}: --on-conflict must be rename, skip or replace, not "${value}"`);
  return parsed.data;
}

/** `--password-env "Avaya CMS=AVAYA_PW"`: the password of that system, from that variable. */
export function readPasswordEnv(command: string, entries: string[], env: NodeJS.ProcessEnv): Record<string, string> {
  const passwords: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const system = entry.slice(0, at).trim();
    const variable = entry.slice(at + 1).trim();
    if (at <= 0 || system === '' || variable === '')
      throw new UsageError(`${command}: --password-env must look like "SYSTEM NAME=VARIABLE", not "${entry}"`);
    const value = env[variable];
    if (value === undefined || value === '')
      throw new UsageError(`${command}: --password-env: the environment variable ${variable} is not set`);
    passwords[system] = value;
  }
  return passwords;
}

/** The first line of a file, so the passphrase never shows in the process list or shell history. */
export function readPassphraseFile(command: string, file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${command}: cannot read --passphrase-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const passphrase = (text.split(/\r?\n/)[0] ?? '').trim();
  if (passphrase.length < 8)
    throw new UsageError(
      `${command}: the passphrase in ${file} must have at least 8 characters (first line of the file)`,
    );
  return passphrase;
}
