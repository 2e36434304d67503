import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../../src-shared/contract/bundle-format';
import { sealPasswords } from '../../src-main/transfer/bundle/bundle-secrets';

export interface LargeBundleOptions {
  systems: number;
  /** Seals the passwords of every `passwordEvery`-th system with this passphrase. */
  passphrase?: string;
  passwordEvery?: number;
  /** Gives the last system a port no connection can have, so the whole import must be refused. */
  breakLast?: boolean;
}

/** The name of the system at `index` in a large bundle (zero-padded, so name order is index order). */
export const largeSystemName = (index: number) => `S${String(index).padStart(5, '0')}`;
/** The password a large bundle carries for the system at `index`. */
export const largePassword = (index: number) => `pw-${index}`;

/**
 * A workspace bundle of many systems with one integration each, written compactly as a hostile
 * or scripted writer would (the app's own writer indents, which would pass the 3 MB limit at
 * about 5,000 systems): 20,000 systems are about 2.7 MB. Encrypted passwords are sealed with the
 * real sealPasswords, bound to the systems exactly as a reader parses them back.
 */
export function largeBundleText(options: LargeBundleOptions): string {
  const every = options.passwordEvery ?? 20;
  const withPassword = (index: number) => options.passphrase !== undefined && index % every === 0;
  const systems = Array.from({ length: options.systems }, (_, index) => {
    const broken = options.breakLast === true && index === options.systems - 1;
    return {
      name: largeSystemName(index),
      timeZone: 'UTC',
      connection: withPassword(index)
        ? { kind: 'postgres', host: 'acd', ...(broken ? { port: 70000 } : {}), database: 'd', user: 'u' }
        : { kind: 'sqlite', file: broken ? '' : '/a' },
      ...(withPassword(index) ? { passwordSet: true, passwordIncluded: true } : {}),
      integrations: [{ name: 'Q', importType: 'interval', sql: 'SELECT 1' }],
    };
  });
  const passwords = new Map<number, string>();
  systems.forEach((_, index) => {
    if (withPassword(index)) passwords.set(index, largePassword(index));
  });
  const bundle = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: '2025-01-01T00:00:00.000Z',
    exportedBy: { app: 'ACD Link Studio', version: 'bench' },
    systems,
    ...(options.passphrase !== undefined
      ? { secrets: sealPasswords(passwords, JSON.parse(JSON.stringify(systems)), options.passphrase) }
      : {}),
  };
  return JSON.stringify(bundle);
}
