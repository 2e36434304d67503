import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/store-context';
import { MenuButton } from './MenuButton';

/** The header's entry to migration and hand-over: Import… and Export…, each with its two formats. */
export function TransferMenu() {
  const { t } = useTranslation();
  const open = useAppStore((state) => state.openTransferDialog);
  return (
    <nav className="header-actions" aria-label={t('transfer.menu.label')}>
      <MenuButton
        label={t('transfer.menu.import')}
        items={[
          { label: t('transfer.menu.importXlink'), onSelect: () => open({ kind: 'xlink-import' }) },
          { label: t('transfer.menu.importBundle'), onSelect: () => open({ kind: 'bundle-import' }) },
        ]}
      />
      <MenuButton
        label={t('transfer.menu.export')}
        items={[
          { label: t('transfer.menu.exportBundle'), onSelect: () => open({ kind: 'export', format: 'bundle' }) },
          { label: t('transfer.menu.exportXlink'), onSelect: () => open({ kind: 'export', format: 'xlink' }) },
        ]}
      />
    </nav>
  );
}
