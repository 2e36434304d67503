import type { KeyboardEvent } from 'react';
import type { TreeItem } from './tree-model';
import { systemKey } from './tree-model';

export interface TreeKeyboardActions {
  focus(key: string): void;
  open(item: TreeItem): void;
  setExpanded(systemId: number, expanded: boolean): void;
  rename(item: TreeItem): void;
  remove(item: TreeItem): void;
}

/** WAI-ARIA tree keys: arrows move and expand, Home/End jump, Enter opens, F2 renames, Delete deletes. */
export function handleTreeKey(
  event: KeyboardEvent,
  items: TreeItem[],
  focusedKey: string | undefined,
  expanded: Record<number, boolean>,
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
        if (item.kind === 'system') {
          if (!expanded[item.system.id]) actions.setExpanded(item.system.id, true);
          else if (item.system.integrations.length > 0) move(index + 1);
        }
        return true;
      case 'ArrowLeft':
        if (item.kind === 'system') actions.setExpanded(item.system.id, false);
        else actions.focus(systemKey(item.system.id));
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
