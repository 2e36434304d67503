import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../src-shared/contract/api';
import { CheckboxField } from '../../components/Field';
import { useAppStore } from '../../stores/store-context';
import { newRunId } from '../../stores/transfer-slice';
import { ExportOutcome } from './ExportOutcome';
import { useExportAction } from './use-export-action';
import './transfer.css';

type RowsQuery = Pick<InputOf<'rows.export'>, 'systemId' | 'integrationId' | 'sql' | 'validation'>;

interface Props {
  query: RowsQuery;
  /** preview: the rows the preview showed (same limit); full: every row, streamed and cancellable. */
  scope: 'preview' | 'full';
}

const PREVIEW_LIMIT = 200;

/** Export the validated rows of a query as CSV or JSON Lines; rows with an error are left out by default. */
export function RowsExportButtons({ query, scope }: Props) {
  const { t } = useTranslation();
  const exportRows = useAppStore((state) => state.exportRows);
  const cancelRun = useAppStore((state) => state.cancelRun);
  const progress = useAppStore((state) => state.rowsExportProgress);
  const [includeInvalid, setIncludeInvalid] = useState(false);
  const [runId, setRunId] = useState<string | undefined>();
  const action = useExportAction();
  const working = action.state.status === 'working';

  const start = (format: 'csv' | 'jsonl') => {
    const id = scope === 'full' ? newRunId('x') : undefined;
    setRunId(id);
    void action.run(() =>
      exportRows({
        ...query,
        format,
        scope,
        includeInvalid,
        ...(scope === 'preview' ? { limit: PREVIEW_LIMIT } : {}),
        ...(id ? { runId: id } : {}),
      }),
    );
  };
  const names =
    scope === 'full'
      ? { group: t('transfer.rows.fullLabel'), csv: t('transfer.rows.fullCsv'), jsonl: t('transfer.rows.fullJsonl') }
      : { group: t('transfer.rows.label'), csv: t('transfer.rows.csv'), jsonl: t('transfer.rows.jsonl') };
  return (
    <div className="rows-export" role="group" aria-label={names.group}>
      <div className="actions">
        <button type="button" disabled={working} onClick={() => start('csv')}>
          {names.csv}
        </button>
        <button type="button" disabled={working} onClick={() => start('jsonl')}>
          {names.jsonl}
        </button>
        <CheckboxField
          label={t('transfer.rows.includeInvalid')}
          checked={includeInvalid}
          onChange={setIncludeInvalid}
        />
      </div>
      <p className="help">{scope === 'full' ? t('transfer.rows.fullHelp') : t('transfer.rows.help')}</p>
      {working && scope === 'full' && runId ? (
        <div role="status" className="actions progress-line">
          <progress aria-label={t('transfer.rows.progressLabel')} />
          <span>
            {progress?.runId === runId && progress.rowsRead > 0
              ? t('transfer.rows.fullProgress', { rows: progress.rowsRead.toLocaleString('en-US') })
              : t('transfer.rows.fullRunning')}
          </span>
          <button type="button" onClick={() => void cancelRun(runId)}>
            {t('preview.cancel')}
          </button>
        </div>
      ) : (
        <ExportOutcome
          state={action.state}
          cancelledText={t('transfer.rows.cancelled')}
          onDeliverAgain={(file) => void action.deliver(file)}
        />
      )}
    </div>
  );
}
