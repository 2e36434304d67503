import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../src-shared/contract/api';
import { useAppStore } from '../../stores/store-context';
import type { ValidationRange } from '../../stores/validation-run-slice';
import { FindingsList } from '../preview/FindingsList';
import { RowsExportButtons } from '../transfer/RowsExportButtons';

interface Props {
  integrationId: number;
  systemId: number;
  sql: string;
  validation: InputOf<'query.validate'>['validation'];
}

const RANGES: ValidationRange[] = ['all', 'last-24-hours', 'last-3-years'];
const rate = (rows: number, ms: number) => Math.round(rows / Math.max(ms / 1000, 0.001)).toLocaleString('en-US');

/** Checks every row the query returns, not only the preview's first rows, with live progress. */
export function FullValidationPanel({ integrationId, systemId, sql, validation }: Props) {
  const { t } = useTranslation();
  const run = useAppStore((state) => state.validationRun);
  const start = useAppStore((state) => state.runFullValidation);
  const cancel = useAppStore((state) => state.cancelFullValidation);
  const [range, setRange] = useState<ValidationRange>('all');
  const mine = run.status !== 'idle' && run.integrationId === integrationId ? run : undefined;
  return (
    <section className="preview" aria-labelledby="full-validation-title">
      <h2 id="full-validation-title">{t('fullValidation.heading')}</h2>
      <p className="help">{t('fullValidation.help')}</p>
      <div className="actions">
        <label htmlFor="validation-range">{t('fullValidation.range')}</label>
        <select
          id="validation-range"
          value={range}
          onChange={(event) => setRange(event.target.value as ValidationRange)}
        >
          {RANGES.map((value) => (
            <option key={value} value={value}>
              {t(`fullValidation.ranges.${value}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={mine?.status === 'running'}
          onClick={() => void start(integrationId, systemId, sql, validation, range)}
        >
          {t('fullValidation.start')}
        </button>
      </div>
      {mine?.status === 'running' && (
        <div role="status" className="actions progress-line">
          <progress aria-label={t('fullValidation.progressLabel')} />
          <span>
            {t('fullValidation.progress', {
              rows: mine.rowsRead.toLocaleString('en-US'),
              rate: rate(mine.rowsRead, mine.elapsedMs),
            })}
          </span>
          <button type="button" onClick={() => void cancel()}>
            {t('preview.cancel')}
          </button>
        </div>
      )}
      {mine?.status === 'error' && (
        <p role="alert" className={mine.error.code === 'CANCELLED' ? 'note' : 'form-error'}>
          {mine.error.code === 'CANCELLED' ? t('fullValidation.cancelled') : mine.error.message}
        </p>
      )}
      {mine?.status === 'done' && (
        <div role="status" aria-label={t('fullValidation.summaryLabel')}>
          <p>
            {t('fullValidation.summary', {
              checked: mine.result.rowsChecked.toLocaleString('en-US'),
              seconds: (mine.result.elapsedMs / 1000).toFixed(1),
              rate: rate(mine.result.rowsRead, mine.result.elapsedMs),
            })}{' '}
            {t('fullValidation.distinct', mine.result.distinct)}
          </p>
          {Object.keys(mine.result.findingCounts).length > 0 && (
            <table className="rule-counts" aria-label={t('fullValidation.countsLabel')}>
              <tbody>
                {Object.entries(mine.result.findingCounts).map(([rule, count]) => (
                  <tr key={rule}>
                    <th scope="row">{rule}</th>
                    <td className="number">{count.toLocaleString('en-US')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FindingsList summary={mine.result} />
        </div>
      )}
      <RowsExportButtons scope="full" query={{ systemId, integrationId, sql, validation }} />
    </section>
  );
}
