import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeItem } from './tree-model';
import { InlineRename } from './InlineRename';

interface TreeRowProps {
  item: TreeItem;
  focused: boolean;
  selected: boolean;
  expanded: boolean | undefined;
  renaming: boolean;
  onOpen(): void;
  onToggle(): void;
  onRenameDone(): void;
}

export const TreeRow = forwardRef<HTMLLIElement, TreeRowProps>(function TreeRow(props, ref) {
  const { item, focused, selected, expanded, renaming } = props;
  const { t } = useTranslation();
  const name = item.kind === 'system' ? item.system.name : item.integration.name;
  return (
    <li
      ref={ref}
      role="treeitem"
      aria-level={item.level}
      aria-selected={selected}
      aria-expanded={expanded}
      tabIndex={focused ? 0 : -1}
      className={`tree-row level-${item.level}${selected ? ' selected' : ''}`}
      onClick={(event) => {
        event.stopPropagation();
        props.onOpen();
      }}
    >
      <span className="tree-line">
        {item.kind === 'system' ? (
          <span
            className="twisty"
            aria-hidden="true"
            onClick={(event) => {
              event.stopPropagation();
              props.onToggle();
            }}
          >
            {expanded ? '▾' : '▸'}
          </span>
        ) : (
          <span className={`type-dot type-${item.integration.importType}`} aria-hidden="true" />
        )}
        {renaming ? (
          <InlineRename item={item} onDone={props.onRenameDone} />
        ) : (
          <span className="tree-name">{name}</span>
        )}
        {item.kind === 'system' && item.system.isDemo && <span className="badge">{t('tree.demo')}</span>}
        {item.kind === 'integration' && (
          <span className="badge subtle">{t(`importType.${item.integration.importType}`)}</span>
        )}
        {item.kind === 'integration' && item.integration.paused && (
          <span className="badge warn">{t('tree.paused')}</span>
        )}
      </span>
    </li>
  );
});
