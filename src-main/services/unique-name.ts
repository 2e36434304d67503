import { ServiceError } from '../../src-shared/rpc/result';

/**
 * Runs a write whose name check happened in the same transaction. Another process (the CLI
 * beside the app) can still win the race between two transactions; the UNIQUE index then
 * answers, and that answer is the same CONFLICT a user would see from the check.
 */
export function conflictOnDuplicate<T>(write: () => T, conflictMessage: () => string): T {
  try {
    return write();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const message = conflictMessage();
      throw new ServiceError('CONFLICT', message, [{ path: 'name', message }]);
    }
    throw error;
  }
}
