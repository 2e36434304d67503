import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/store-context';
import type { Selection } from '../../stores/app-store';
import { integrationKey, systemKey, visibleItems, type TreeItem } from './tree-model';
import { TreeRow } from './TreeRow';
import { TreeToolbar } from './TreeToolbar';
import { handleTreeKey } from './use-tree-keyboard';

function selectionKey(selection: Selection): string | undefined {
  if (selection.kind === 'system') return systemKey(selection.id);
  if (selection.kind === 'integration') return integrationKey(selection.id);
  return undefined;
}

/** The Xlink-style tree: external systems, their integrations, and their database objects. */
export function SystemTree() {
  const { t } = useTranslation();
  const tree = useAppStore((state) => state.tree);
  const expanded = useAppStore((state) => state.expanded);
  const schemas = useAppStore((state) => state.schemas);
  const tables = useAppStore((state) => state.tables);
  const columns = useAppStore((state) => state.columns);
  const selection = useAppStore((state) => state.selection);
  const select = useAppStore((state) => state.select);
  const setExpandedKey = useAppStore((state) => state.setExpanded);
  const loadSchemas = useAppStore((state) => state.loadSchemas);
  const loadTables = useAppStore((state) => state.loadTables);
  const loadColumns = useAppStore((state) => state.loadColumns);
  const askDelete = useAppStore((state) => state.askDelete);
  const items = useMemo(
    () => visibleItems(tree, expanded, { schemas, tables, columns }),
    [tree, expanded, schemas, tables, columns],
  );
  const [focusedKey, setFocusedKey] = useState<string | undefined>(undefined);
  const [renamingKey, setRenamingKey] = useState<string | undefined>(undefined);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());

  // Focus follows the selection (a created node becomes focused): adjusted while rendering, as
  // React recommends for state derived from a changing prop, and kept on a row that exists.
  const selectedKey = selectionKey(selection);
  const [lastSelectedKey, setLastSelectedKey] = useState(selectedKey);
  if (lastSelectedKey !== selectedKey) {
    setLastSelectedKey(selectedKey);
    if (selectedKey) setFocusedKey(selectedKey);
  }
  const activeKey = items.some((item) => item.key === focusedKey) ? focusedKey : items[0]?.key;

  /** Expanding a database node reads its children through the connection, once. */
  const setExpanded = (item: TreeItem, open: boolean) => {
    setExpandedKey(item.key, open);
    if (!open) return;
    if (item.kind === 'catalogue') void loadSchemas(item.system.id);
    if (item.kind === 'schema') void loadTables(item.system.id, item.schema);
    if (item.kind === 'table') void loadColumns(item.system.id, item.schema, item.table.name);
  };
  const open = (item: TreeItem) => {
    if (item.kind === 'system') select({ kind: 'system', id: item.system.id });
    else if (item.kind === 'integration') select({ kind: 'integration', id: item.integration.id });
    else if (item.expandable) setExpanded(item, !expanded[item.key]);
  };
  const focus = (key: string) => {
    setFocusedKey(key);
    rowRefs.current.get(key)?.focus();
  };
  const remove = (item: TreeItem) => {
    if (item.kind === 'system') askDelete('system', item.system.id);
    if (item.kind === 'integration') askDelete('integration', item.integration.id);
  };
  const canRename = (item: TreeItem) => item.kind === 'system' || item.kind === 'integration';

  return (
    <nav className="tree-panel" aria-label={t('tree.label')}>
      <TreeToolbar onRename={() => selectedKey && setRenamingKey(selectedKey)} />
      {tree.length === 0 ? (
        <p className="muted">{t('tree.empty')}</p>
      ) : (
        <ul
          role="tree"
          aria-label={t('tree.label')}
          className="tree"
          onKeyDown={(event) => {
            if (renamingKey) return;
            handleTreeKey(event, items, activeKey, expanded, {
              focus,
              open,
              setExpanded,
              rename: (item) => {
                if (!canRename(item)) return;
                open(item);
                setRenamingKey(item.key);
              },
              remove,
            });
          }}
        >
          {items.map((item) => (
            <TreeRow
              key={item.key}
              item={item}
              ref={(element) => {
                if (element) rowRefs.current.set(item.key, element);
                else rowRefs.current.delete(item.key);
              }}
              focused={item.key === activeKey}
              selected={item.key === selectedKey}
              expanded={item.expandable ? Boolean(expanded[item.key]) : undefined}
              renaming={item.key === renamingKey}
              onOpen={() => {
                setFocusedKey(item.key);
                open(item);
              }}
              onToggle={() => setExpanded(item, !expanded[item.key])}
              onRenameDone={() => {
                setRenamingKey(undefined);
                focus(item.key);
              }}
            />
          ))}
        </ul>
      )}
      <p className="muted small">{t('tree.keyboardHint')}</p>
    </nav>
  );
}
