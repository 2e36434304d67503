import type { ConflictResolution } from '../../../src-shared/contract/transfer';

interface PlannedName {
  name: string;
  conflict: boolean;
  integrations: readonly unknown[];
}

/** "Rename" for every name that exists already: the choice that never loses anything. */
export function initialResolutions(systems: readonly PlannedName[]): Record<string, ConflictResolution> {
  return Object.fromEntries(systems.filter((system) => system.conflict).map((system) => [system.name, 'rename']));
}

const isSkipped = (system: PlannedName, resolutions: Record<string, ConflictResolution>) =>
  system.conflict && resolutions[system.name] === 'skip';

/** What the Import button will do, for its label. */
export function importCounts(
  systems: readonly PlannedName[],
  resolutions: Record<string, ConflictResolution>,
): { systems: number; integrations: number } {
  const kept = systems.filter((system) => !isSkipped(system, resolutions));
  return { systems: kept.length, integrations: kept.reduce((sum, system) => sum + system.integrations.length, 0) };
}

/**
 * The passwords to send: only those typed in, and only for systems that are imported, so an
 * empty field never overwrites anything and a skipped system's password is not sent at all.
 */
export function enteredPasswords(
  systems: readonly PlannedName[],
  passwords: Record<string, string>,
  resolutions: Record<string, ConflictResolution>,
): Record<string, string> {
  return Object.fromEntries(
    systems
      .filter((system) => !isSkipped(system, resolutions))
      .map((system) => [system.name, passwords[system.name] ?? ''] as const)
      .filter(([, password]) => password !== ''),
  );
}
