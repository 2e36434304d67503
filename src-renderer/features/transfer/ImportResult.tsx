import { useTranslation } from 'react-i18next';
import type { CreatedItems } from '../../../src-shared/contract/transfer';
import { useAppStore } from '../../stores/store-context';

/** What an import created, each with a way to open it in the tree. */
export function ImportResult({ created }: { created: CreatedItems }) {
  const { t } = useTranslation();
  const openImported = useAppStore((state) => state.openImported);
  return (
    <section className="import-result" aria-label={t('transfer.result.heading')}>
      <h3>{t('transfer.result.heading')}</h3>
      <p role="status" className="notice">
        {created.systems.length === 0
          ? t('transfer.result.nothingCreated')
          : t('transfer.result.created', {
              systems: created.systems.length,
              integrations: created.integrations.length,
            })}
      </p>
      {created.systems.length > 0 && (
        <ul className="created-systems">
          {created.systems.map((system) => (
            <li key={system.id}>
              <button type="button" className="link" onClick={() => openImported({ kind: 'system', id: system.id })}>
                {t('transfer.result.openSystem', { name: system.name })}
              </button>
              {system.replaced && <span className="badge warn">{t('transfer.result.replaced')}</span>}
            </li>
          ))}
        </ul>
      )}
      {created.skipped.length > 0 && (
        <p className="muted">{t('transfer.result.skipped', { names: created.skipped.join(', ') })}</p>
      )}
    </section>
  );
}
