import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/store-context';
import { IntegrationForm } from './integration/IntegrationForm';
import { SystemForm } from './system/SystemForm';

/** Shows the form for whatever the tree selected; `key` remounts a form when the target changes. */
export function DetailPanel() {
  const { t } = useTranslation();
  const notice = useAppStore((state) => state.notice);
  return (
    <>
      {notice && (
        <p role="status" className="notice">
          {t(`detail.${notice}`)}
        </p>
      )}
      <SelectedForm />
    </>
  );
}

function SelectedForm() {
  const { t } = useTranslation();
  const selection = useAppStore((state) => state.selection);
  const tree = useAppStore((state) => state.tree);
  switch (selection.kind) {
    case 'new-system':
      return <SystemForm key={`new-system-${selection.form}`} />;
    case 'system': {
      const system = tree.find((node) => node.id === selection.id);
      return system ? <SystemForm key={`s${system.id}`} system={system} /> : null;
    }
    case 'new-integration': {
      const system = tree.find((node) => node.id === selection.systemId);
      return system ? <IntegrationForm key={`new-${system.id}-${selection.form}`} system={system} /> : null;
    }
    case 'integration': {
      const system = tree.find((node) => node.integrations.some((integration) => integration.id === selection.id));
      const integration = system?.integrations.find((node) => node.id === selection.id);
      return system && integration ? (
        <IntegrationForm key={`i${integration.id}`} system={system} integration={integration} />
      ) : null;
    }
    case 'none':
      return <p className="muted empty-detail">{t('detail.nothingSelected')}</p>;
  }
}
