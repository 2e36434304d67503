import type { Integration, SystemTreeNode } from '../../src-shared/contract/model';
import type { Workspace } from './workspace';

/**
 * Every system with its integrations and whether it has a password: what the tree shows. Built
 * from three queries whatever the size: after an import of 20,000 systems, matching integrations
 * system by system (and asking for each password) held every window's calls for seconds.
 */
export function workspaceTree(ws: Workspace): SystemTreeNode[] {
  const withPassword = ws.secrets.systemsWithPassword();
  const bySystem = new Map<number, Integration[]>();
  for (const integration of ws.integrations.listAll()) {
    const list = bySystem.get(integration.systemId);
    if (list) list.push(integration);
    else bySystem.set(integration.systemId, [integration]);
  }
  return ws.systems.list().map((row) => ({
    ...row,
    passwordSet: withPassword.has(row.id),
    integrations: bySystem.get(row.id) ?? [],
  }));
}
