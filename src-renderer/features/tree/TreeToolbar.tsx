import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/store-context';

/** Actions on the tree; each works on the current selection and is disabled when it cannot apply. */
export function TreeToolbar({ onRename }: { onRename(): void }) {
  const { t } = useTranslation();
  const selection = useAppStore((state) => state.selection);
  const tree = useAppStore((state) => state.tree);
  const select = useAppStore((state) => state.select);
  const askDelete = useAppStore((state) => state.askDelete);
  const updateIntegration = useAppStore((state) => state.updateIntegration);

  const integration =
    selection.kind === 'integration'
      ? tree.flatMap((system) => system.integrations).find((node) => node.id === selection.id)
      : undefined;
  const systemId =
    selection.kind === 'system' ? selection.id : selection.kind === 'integration' ? integration?.systemId : undefined;
  const canEdit = selection.kind === 'system' || selection.kind === 'integration';

  return (
    <div className="toolbar" role="toolbar" aria-label={t('tree.heading')}>
      <button type="button" onClick={() => select({ kind: 'new-system', form: Date.now() })}>
        {t('tree.newSystem')}
      </button>
      <button
        type="button"
        disabled={systemId === undefined}
        onClick={() => systemId !== undefined && select({ kind: 'new-integration', systemId, form: Date.now() })}
      >
        {t('tree.newIntegration')}
      </button>
      <button type="button" disabled={!canEdit} onClick={onRename}>
        {t('tree.rename')}
      </button>
      <button
        type="button"
        disabled={!integration}
        onClick={() => integration && void updateIntegration(integration.id, { paused: !integration.paused })}
      >
        {integration?.paused ? t('tree.resume') : t('tree.pause')}
      </button>
      <button
        type="button"
        className="danger"
        disabled={!canEdit}
        onClick={() => {
          if (selection.kind === 'system' || selection.kind === 'integration') askDelete(selection.kind, selection.id);
        }}
      >
        {t('tree.delete')}
      </button>
    </div>
  );
}
