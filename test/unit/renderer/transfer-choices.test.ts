import { describe, expect, it } from 'vitest';
import {
  enteredPasswords,
  importCounts,
  initialResolutions,
} from '../../../src-renderer/features/transfer/import-choices';
import { passphraseProblem } from '../../../src-renderer/features/transfer/passphrase-check';

const systems = [
  { name: 'Avaya CMS', conflict: true, integrations: [1, 2] },
  { name: 'Genesys', conflict: false, integrations: [1] },
  { name: 'Cisco', conflict: true, integrations: [] },
];

describe('import choices', () => {
  it('starts every conflicting name on "rename", the choice that loses nothing', () => {
    expect(initialResolutions(systems)).toEqual({ 'Avaya CMS': 'rename', Cisco: 'rename' });
  });

  it('counts only what will be imported', () => {
    expect(importCounts(systems, initialResolutions(systems))).toEqual({ systems: 3, integrations: 3 });
    expect(importCounts(systems, { 'Avaya CMS': 'skip', Cisco: 'replace' })).toEqual({ systems: 2, integrations: 1 });
    // "skip" on a name without a conflict means nothing: that system is still new.
    expect(importCounts(systems, { Genesys: 'skip' })).toEqual({ systems: 3, integrations: 3 });
  });

  it('sends only passwords that were typed, and none for a skipped system', () => {
    expect(
      enteredPasswords(systems, { 'Avaya CMS': 's3cret', Genesys: '', Cisco: 'x' }, { 'Avaya CMS': 'skip' }),
    ).toEqual({ Cisco: 'x' });
    expect(enteredPasswords(systems, {}, {})).toEqual({});
  });
});

describe('passphraseProblem', () => {
  it('asks for 8 to 1024 characters typed the same twice', () => {
    expect(passphraseProblem('short', 'short')).toBe('tooShort');
    expect(passphraseProblem('x'.repeat(1025), 'x'.repeat(1025))).toBe('tooLong');
    expect(passphraseProblem('long enough', 'long enougH')).toBe('mismatch');
    expect(passphraseProblem('12345678', '12345678')).toBeUndefined();
  });

  it('reports the length before a mismatch, so nobody retypes two short entries', () => {
    expect(passphraseProblem('abc', 'abd')).toBe('tooShort');
  });
});
