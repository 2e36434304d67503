/** The bounds of the contract's passphrase schema (src-shared/contract/transfer.ts). */
export const PASSPHRASE_MIN_LENGTH = 8;
export const PASSPHRASE_MAX_LENGTH = 1024;

export type PassphraseProblem = 'tooShort' | 'tooLong' | 'mismatch';

/**
 * Checked before exporting, so a typo in a passphrase nobody can read back never ends up
 * protecting a bundle. The length is checked first: a mismatch of two too-short entries would
 * send the user to retype both for nothing.
 */
export function passphraseProblem(passphrase: string, repeat: string): PassphraseProblem | undefined {
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) return 'tooShort';
  if (passphrase.length > PASSPHRASE_MAX_LENGTH) return 'tooLong';
  if (passphrase !== repeat) return 'mismatch';
  return undefined;
}
