import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './components/ConfirmDialog';
import { LinkBanner } from './components/LinkBanner';
import { DetailPanel } from './features/DetailPanel';
import { TransferDialogs } from './features/transfer/TransferDialogs';
import { TransferMenu } from './features/transfer/TransferMenu';
import { SystemTree } from './features/tree/SystemTree';
import { useAppStore } from './stores/store-context';

export function App() {
  const { t } = useTranslation();
  const load = useAppStore((state) => state.load);
  const status = useAppStore((state) => state.treeStatus);
  const treeError = useAppStore((state) => state.treeError);
  const info = useAppStore((state) => state.info);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <img src="./favicon.svg" alt="" width={22} height={22} /> {t('app.title')}
        </h1>
        {info && <span className="muted small">{t('app.workspace', { file: info.workspaceFile })}</span>}
        <TransferMenu />
      </header>
      <LinkBanner />
      {info?.secretStore.warning && (
        <div className="banner" role="note" aria-label={t('app.secretWarningTitle')}>
          <strong>{t('app.secretWarningTitle')}.</strong> {info.secretStore.warning}
        </div>
      )}
      {status === 'error' && treeError && (
        <div className="banner error" role="alert">
          {t('errors.generic', { message: treeError.message })}
        </div>
      )}
      <main className="workbench">
        {status === 'loading' && !info ? <p role="status">{t('app.loading')}</p> : <SystemTree />}
        <section className="detail" aria-label={t('detail.nothingSelected')}>
          <DetailPanel />
        </section>
      </main>
      <ConfirmDialog />
      <TransferDialogs />
    </div>
  );
}
