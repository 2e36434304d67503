import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/store-context';
import { ExportOutcome } from './ExportOutcome';
import { useExportAction } from './use-export-action';
import './transfer.css';

interface Props {
  /** Undefined while the integration is not created yet: there is nothing saved to describe. */
  integrationId: number | undefined;
  /** The form differs from what is saved; the sheet shows the saved state, so say so. */
  unsaved: boolean;
}

/** The hand-off sheet of a saved integration, as HTML (to print or mail) or Markdown (for a wiki or ticket). */
export function HandoffButtons({ integrationId, unsaved }: Props) {
  const { t } = useTranslation();
  const exportHandoff = useAppStore((state) => state.exportHandoff);
  const action = useExportAction();
  const helpId = useId();
  const working = action.state.status === 'working';
  const exportAs = (format: 'html' | 'markdown') => {
    if (integrationId !== undefined) void action.run(() => exportHandoff(integrationId, format));
  };
  return (
    <div className="handoff" role="group" aria-label={t('transfer.handoff.label')} aria-describedby={helpId}>
      <div className="actions">
        <span className="group-label" aria-hidden="true">
          {t('transfer.handoff.label')}:
        </span>
        <button
          type="button"
          aria-label={t('transfer.handoff.html')}
          disabled={integrationId === undefined || working}
          onClick={() => exportAs('html')}
        >
          {t('transfer.handoff.htmlShort')}
        </button>
        <button
          type="button"
          aria-label={t('transfer.handoff.markdown')}
          disabled={integrationId === undefined || working}
          onClick={() => exportAs('markdown')}
        >
          {t('transfer.handoff.markdownShort')}
        </button>
      </div>
      <p id={helpId} className="help">
        {integrationId === undefined
          ? t('transfer.handoff.createFirst')
          : unsaved
            ? t('transfer.handoff.saveFirst')
            : t('transfer.handoff.help')}
      </p>
      <ExportOutcome state={action.state} onDeliverAgain={(file) => void action.deliver(file)} />
    </div>
  );
}
