import type { Connection } from '../../src-shared/contract/model';
import { ServiceError } from '../../src-shared/rpc/result';
import { systemPasswordKey } from '../secrets/secret-store';
import type { SystemsService } from './systems-service';
import type { Workspace } from './workspace';

export interface ResolvedConnection {
  connection: Connection;
  password?: string;
  /** E.g. a stored password that could not be decrypted. */
  warnings: string[];
}

/**
 * The connection to use and its password: what a form sent (not saved yet), else what is stored
 * for the system. A password typed in the form wins over the stored one.
 */
export function resolveConnection(
  ws: Workspace,
  systems: SystemsService,
  input: { systemId?: number; connection?: Connection; password?: string },
): ResolvedConnection {
  const warnings: string[] = [];
  const system = input.systemId === undefined ? undefined : systems.require(input.systemId);
  const connection = input.connection ?? system?.connection;
  if (!connection) throw new ServiceError('INVALID_INPUT', 'Give a saved system or a connection.');
  let password = input.password === '' ? undefined : input.password;
  if (password === undefined && system) {
    const stored = ws.secrets.read(systemPasswordKey(system.id));
    if (stored.state === 'present') password = stored.value;
    if (stored.state === 'unreadable') warnings.push(`The stored password could not be used: ${stored.reason}.`);
  }
  return { connection, ...(password !== undefined ? { password } : {}), warnings };
}
