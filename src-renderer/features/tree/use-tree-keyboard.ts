import type { KeyboardEvent } from 'react';
import type { TreeItem } from './tree-model';

export interface TreeKeyboardActions {
  focus(key: string): void;
  open(item: TreeItem): void;
  setExpanded(item: TreeItem, expanded: boolean): void;
  rename(item: TreeItem): void;
  remove(item: TreeItem): void;
}

/** WAI-ARIA tree keys: arrows move and expand, Home/End jump, Enter opens, F2 renames, Delete deletes. */
export function handleTreeKey(
  event: KeyboardEvent,
  items: TreeItem[],
  focusedKey: string | undefined,
  expanded: Record<string, boolean>,
  actions: TreeKeyboardActions,
): void {
  const index = items.findIndex((item) => item.key === focusedKey);
  const item = items[index];
  if (!item) return;
  const move = (to: number) => {
    const target = items[Math.max(0, Math.min(items.length - 1, to))];
    if (target) actions.focus(target.key);
  };
  const handled = (() => {
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        return true;
      case 'ArrowUp':
        move(index - 1);
        return true;
      case 'Home':
        move(0);
        return true;
      case 'End':
        move(items.length - 1);
        return true;
      case 'ArrowRight':
        if (item.expandable && !expanded[item.key]) actions.setExpanded(item, true);
        else if (item.expandable && items[index + 1]?.parentKey === item.key) move(index + 1);
        return true;
      case 'ArrowLeft':
        if (item.expandable && expanded[item.key]) actions.setExpanded(item, false);
        else if (item.parentKey) actions.focus(item.parentKey);
        return true;
      case 'Enter':
      case ' ':
        actions.open(item);
        return true;
      case 'F2':
        actions.rename(item);
        return true;
      case 'Delete':
        actions.remove(item);
        return true;
      default:
        return false;
    }
  })();
  if (handled) event.preventDefault();
}
