import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeItem } from './tree-model';
import { InlineRename } from './InlineRename';
import { ConnectionBadge } from './ConnectionBadge';

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
  return (
    <li
      ref={ref}
      role="treeitem"
      aria-level={item.level}
      aria-selected={selected}
      aria-expanded={expanded}
      tabIndex={focused ? 0 : -1}
      className={`tree-row level-${item.level} kind-${item.kind}${selected ? ' selected' : ''}`}
      onClick={(event) => {
        event.stopPropagation();
        props.onOpen();
      }}
    >
      <span className="tree-line">
        {item.expandable ? (
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
          <span className="twisty" aria-hidden="true" />
        )}
        {renaming && (item.kind === 'system' || item.kind === 'integration') ? (
          <InlineRename item={item} onDone={props.onRenameDone} />
        ) : (
          <RowContent item={item} />
        )}
      </span>
    </li>
  );
});

/** Names from the database are rendered as text only. */
function RowContent({ item }: { item: TreeItem }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'system':
      return (
        <>
          <span className="tree-name">{item.label}</span>
          {item.system.isDemo && <span className="badge">{t('tree.demo')}</span>}
          <ConnectionBadge systemId={item.system.id} />
        </>
      );
    case 'integration':
      return (
        <>
          <span className={`type-dot type-${item.integration.importType}`} aria-hidden="true" />
          <span className="tree-name">{item.label}</span>
          <span className="badge subtle">{t(`importType.${item.integration.importType}`)}</span>
          {item.integration.paused && <span className="badge warn">{t('tree.paused')}</span>}
        </>
      );
    case 'catalogue':
      return <span className="tree-name muted">{t('tree.databaseObjects')}</span>;
    case 'schema':
      return <span className="tree-name">{item.label}</span>;
    case 'table':
      return (
        <>
          <span className="tree-name">{item.label}</span>
          {item.table.type === 'view' && <span className="badge subtle">{t('tree.view')}</span>}
        </>
      );
    case 'column':
      return (
        <>
          <span className="tree-name mono">{item.label}</span>
          <span className="muted small">{item.column.type}</span>
        </>
      );
    case 'placeholder':
      return (
        <span className={`tree-name ${item.state === 'error' ? 'field-error' : 'muted'}`}>
          {item.state === 'loading' ? t('tree.loading') : item.state === 'empty' ? t('tree.nothingHere') : item.message}
        </span>
      );
  }
}
