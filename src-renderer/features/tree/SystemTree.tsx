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

/** The Xlink-style tree: external systems with their integrations beneath. */
export function SystemTree() {
  const { t } = useTranslation();
  const tree = useAppStore((state) => state.tree);
  const expanded = useAppStore((state) => state.expanded);
  const selection = useAppStore((state) => state.selection);
  const select = useAppStore((state) => state.select);
  const setExpanded = useAppStore((state) => state.setExpanded);
  const askDelete = useAppStore((state) => state.askDelete);
  const items = useMemo(() => visibleItems(tree, expanded), [tree, expanded]);
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

  const open = (item: TreeItem) =>
    select(
      item.kind === 'system'
        ? { kind: 'system', id: item.system.id }
        : { kind: 'integration', id: item.integration.id },
    );
  const focus = (key: string) => {
    setFocusedKey(key);
    rowRefs.current.get(key)?.focus();
  };
  const remove = (item: TreeItem) =>
    item.kind === 'system' ? askDelete('system', item.system.id) : askDelete('integration', item.integration.id);

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
              expanded={item.kind === 'system' ? Boolean(expanded[item.system.id]) : undefined}
              renaming={item.key === renamingKey}
              onOpen={() => {
                setFocusedKey(item.key);
                open(item);
              }}
              onToggle={() => item.kind === 'system' && setExpanded(item.system.id, !expanded[item.system.id])}
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
