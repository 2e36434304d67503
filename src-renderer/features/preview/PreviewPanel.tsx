import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDto, PreviewResult } from '../../../src-shared/contract/api';
import type { ImportType } from '../../../src-shared/contract/model';
import { AgentTimeline } from '../charts/AgentTimeline';
import { IntervalChart } from '../charts/IntervalChart';
import { ResultGrid } from '../grid/ResultGrid';
import { useAppStore } from '../../stores/store-context';
import type { PreviewRequest } from '../../stores/app-store';
import { RowsExportButtons } from '../transfer/RowsExportButtons';
import { FindingsList } from './FindingsList';
import { withUtcColumns } from './with-utc-columns';

interface Props {
  integrationId: number;
  importType: ImportType;
  intervalMinutes: 15 | 30;
}

/** The query's first rows with every finding on them, and a chart of what the data looks like. */
export function PreviewPanel({ integrationId, importType, intervalMinutes }: Props) {
  const { t } = useTranslation();
  const preview = useAppStore((state) => state.preview);
  const cancelPreview = useAppStore((state) => state.cancelPreview);
  if (preview.status === 'idle' || preview.integrationId !== integrationId) return null;
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('preview.heading')}</h2>
      {preview.status === 'running' && (
        <p role="status" className="actions">
          {t('preview.running')}
          <button type="button" onClick={() => void cancelPreview()}>
            {t('preview.cancel')}
          </button>
        </p>
      )}
      {preview.status === 'error' && (
        <p className={preview.error.code === 'CANCELLED' ? 'note' : 'form-error'} role="alert">
          {preview.error.code === 'CANCELLED'
            ? t('preview.cancelled')
            : `${t('preview.failed')}: ${preview.error.message}`}
        </p>
      )}
      {preview.status === 'ready' && (
        <PreviewResultView result={preview.result} importType={importType} intervalMinutes={intervalMinutes} />
      )}
      {preview.status === 'ready' && <PreviewRowsExport integrationId={integrationId} request={preview.request} />}
    </section>
  );
}

function PreviewResultView({
  result,
  importType,
  intervalMinutes,
}: {
  result: PreviewResult;
  importType: ImportType;
  intervalMinutes: 15 | 30;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'rows' | 'chart'>('rows');
  const [focus, setFocus] = useState<{ row: number; column: number } | null>(null);
  const table = useMemo(() => withUtcColumns(result.columns, result.rows, result.timeZone), [result]);
  const findingsByCell = useMemo(() => {
    const map = new Map<string, { severity: FindingDto['severity']; messages: string[] }>();
    for (const finding of result.validation?.findings ?? []) {
      if (finding.row === 0) continue;
      const resultIndex =
        finding.column === null
          ? -1
          : result.columns.findIndex((name) => name.toLowerCase() === finding.column?.toLowerCase());
      const key = `${finding.row}:${resultIndex < 0 ? 0 : (table.displayIndex[resultIndex] ?? 0) + 1}`;
      const entry = map.get(key) ?? { severity: finding.severity, messages: [] };
      if (finding.severity === 'error' || (finding.severity === 'warning' && entry.severity === 'info'))
        entry.severity = finding.severity;
      entry.messages.push(finding.message);
      map.set(key, entry);
    }
    return map;
  }, [result, table]);
  const jump = (finding: FindingDto) => {
    if (finding.row === 0) return;
    const resultIndex = result.columns.findIndex((name) => name.toLowerCase() === finding.column?.toLowerCase());
    setTab('rows');
    setFocus({ row: finding.row, column: resultIndex < 0 ? 1 : (table.displayIndex[resultIndex] ?? 0) + 1 });
  };
  const chartable = importType === 'interval' || importType === 'agent-states';
  return (
    <>
      <p role="status" className="muted">
        {t('preview.rows', { count: result.rows.length, ms: result.elapsedMs })}.
        {result.truncated && ` ${t('preview.truncated', { count: result.rows.length })}`}
        {result.timeZone && ` ${t('preview.timeZone', { zone: result.timeZone })}`}
      </p>
      {result.validation && <FindingsList summary={result.validation} onSelect={jump} />}
      <div role="tablist" aria-label={t('preview.views')} className="tabs">
        <button type="button" role="tab" aria-selected={tab === 'rows'} onClick={() => setTab('rows')}>
          {t('preview.rowsTab')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'chart'}
          disabled={!chartable}
          onClick={() => setTab('chart')}
        >
          {t('preview.chartTab')}
        </button>
      </div>
      {tab === 'rows' ? (
        result.rows.length === 0 ? (
          <p>{t('preview.empty')}</p>
        ) : (
          <ResultGrid
            label={t('preview.tableLabel')}
            columns={table.columns}
            rows={table.rows}
            findingsByCell={findingsByCell}
            focusCell={focus}
            onCellSelect={(row, column) => setFocus({ row, column })}
          />
        )
      ) : importType === 'interval' ? (
        <IntervalChart columns={result.columns} rows={result.rows} intervalMinutes={intervalMinutes} />
      ) : (
        <AgentTimeline columns={result.columns} rows={result.rows} timeZone={result.timeZone} />
      )}
    </>
  );
}

/** The rows export repeats the query this preview ran, checked against the same contract. */
function PreviewRowsExport({ integrationId, request }: { integrationId: number; request: PreviewRequest }) {
  if (!request.validation) return null;
  return (
    <RowsExportButtons
      scope="preview"
      query={{ systemId: request.systemId, integrationId, sql: request.sql, validation: request.validation }}
    />
  );
}
