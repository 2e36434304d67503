import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/store-context';

/** The outcome of the last Test connection of a system, so the tree shows which ones work. */
export function ConnectionBadge({ systemId }: { systemId: number }) {
  const { t } = useTranslation();
  const state = useAppStore((store) => store.connectionStates[systemId]);
  if (!state) return null;
  if (state.status === 'testing') return <span className="badge subtle">{t('connection.testing')}</span>;
  const { result } = state;
  return result.ok ? (
    <span className="badge ok" title={result.message}>
      {t('connection.connected')}
    </span>
  ) : (
    <span className="badge error" title={result.message}>
      {t(`connection.category.${result.category}`)}
    </span>
  );
}
