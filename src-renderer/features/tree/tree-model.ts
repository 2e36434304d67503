import type { Integration, SystemTreeNode } from '../../../src-shared/contract/model';
import type { ColumnInfo, TableRef } from '../../../src-shared/contract/connection-test';
import { columnsKey, schemasKey, tablesKey, type Loadable } from '../../stores/catalogue-slice';

interface Base {
  key: string;
  level: number;
  label: string;
  expandable: boolean;
  parentKey?: string;
  system: SystemTreeNode;
}

export type TreeItem =
  | (Base & { kind: 'system' })
  | (Base & { kind: 'integration'; integration: Integration })
  | (Base & { kind: 'catalogue' })
  | (Base & { kind: 'schema'; schema: string })
  | (Base & { kind: 'table'; schema: string; table: TableRef })
  | (Base & { kind: 'column'; column: ColumnInfo })
  | (Base & { kind: 'placeholder'; state: 'loading' | 'error' | 'empty'; message?: string });

export const systemKey = (id: number) => `s:${id}`;
export const integrationKey = (id: number) => `i:${id}`;
export const catalogueKey = (systemId: number) => `c:${systemId}`;
const schemaKey = (systemId: number, schema: string) => `d:${tablesKey(systemId, schema)}`;
const tableKey = (systemId: number, schema: string, table: string) => `t:${columnsKey(systemId, schema, table)}`;

export interface CatalogueView {
  schemas: Record<string, Loadable<string[]>>;
  tables: Record<string, Loadable<TableRef[]>>;
  columns: Record<string, Loadable<ColumnInfo[]>>;
}

/**
 * The rows a keyboard user moves through: systems; under an expanded system its integrations and
 * a "database objects" node that opens into schemas, tables and columns, read on demand.
 */
export function visibleItems(
  tree: SystemTreeNode[],
  expanded: Record<string, boolean>,
  catalogue: CatalogueView,
): TreeItem[] {
  const items: TreeItem[] = [];
  for (const system of tree) {
    const sKey = systemKey(system.id);
    items.push({ kind: 'system', key: sKey, level: 1, label: system.name, expandable: true, system });
    if (!expanded[sKey]) continue;
    for (const integration of system.integrations) {
      items.push({
        kind: 'integration',
        key: integrationKey(integration.id),
        level: 2,
        label: integration.name,
        expandable: false,
        parentKey: sKey,
        system,
        integration,
      });
    }
    const cKey = catalogueKey(system.id);
    items.push({ kind: 'catalogue', key: cKey, level: 2, label: '', expandable: true, parentKey: sKey, system });
    if (!expanded[cKey]) continue;
    withLoadable(items, catalogue.schemas[schemasKey(system.id)], cKey, 3, system, (schemas) => {
      for (const schema of schemas) {
        const dKey = schemaKey(system.id, schema);
        items.push({
          kind: 'schema',
          key: dKey,
          level: 3,
          label: schema,
          expandable: true,
          parentKey: cKey,
          system,
          schema,
        });
        if (!expanded[dKey]) continue;
        withLoadable(items, catalogue.tables[tablesKey(system.id, schema)], dKey, 4, system, (tables) => {
          for (const table of tables) {
            const tKey = tableKey(system.id, schema, table.name);
            items.push({
              kind: 'table',
              key: tKey,
              level: 4,
              label: table.name,
              expandable: true,
              parentKey: dKey,
              system,
              schema,
              table,
            });
            if (!expanded[tKey]) continue;
            withLoadable(
              items,
              catalogue.columns[columnsKey(system.id, schema, table.name)],
              tKey,
              5,
              system,
              (columns) => {
                for (const column of columns) {
                  items.push({
                    kind: 'column',
                    key: `${tKey}|${column.name}`,
                    level: 5,
                    label: column.name,
                    expandable: false,
                    parentKey: tKey,
                    system,
                    column,
                  });
                }
              },
            );
          }
        });
      }
    });
  }
  return items;
}

function withLoadable<T extends unknown[]>(
  items: TreeItem[],
  loadable: Loadable<T> | undefined,
  parentKey: string,
  level: number,
  system: SystemTreeNode,
  render: (value: T) => void,
): void {
  const placeholder = (state: 'loading' | 'error' | 'empty', message?: string) =>
    items.push({
      kind: 'placeholder',
      key: `p:${parentKey}`,
      level,
      label: '',
      expandable: false,
      parentKey,
      system,
      state,
      message,
    });
  if (!loadable || loadable.status === 'loading') return void placeholder('loading');
  if (loadable.status === 'error') return void placeholder('error', loadable.error.message);
  if (loadable.value.length === 0) return void placeholder('empty');
  render(loadable.value);
}
