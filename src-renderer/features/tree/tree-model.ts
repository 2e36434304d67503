import type { Integration, SystemTreeNode } from '../../../src-shared/contract/model';

export type TreeItem =
  | { key: string; kind: 'system'; system: SystemTreeNode; level: 1 }
  | { key: string; kind: 'integration'; integration: Integration; system: SystemTreeNode; level: 2 };

export const systemKey = (id: number) => `s:${id}`;
export const integrationKey = (id: number) => `i:${id}`;

/** The rows a keyboard user moves through: systems, and integrations of expanded systems. */
export function visibleItems(tree: SystemTreeNode[], expanded: Record<number, boolean>): TreeItem[] {
  return tree.flatMap((system): TreeItem[] => [
    { key: systemKey(system.id), kind: 'system', system, level: 1 },
    ...(expanded[system.id]
      ? system.integrations.map((integration): TreeItem => ({
          key: integrationKey(integration.id),
          kind: 'integration',
          integration,
          system,
          level: 2,
        }))
      : []),
  ]);
}
