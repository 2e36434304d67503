import { useTranslation } from 'react-i18next';
import type { CellValue } from '../../../src-shared/contract/api';
import { useAppStore } from '../../stores/store-context';

/** The first rows of the query, rendered as text only (values come from a database). */
export function PreviewPanel({ integrationId }: { integrationId: number }) {
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
        <>
          <p role="status" className="muted">
            {t('preview.rows', { count: preview.result.rows.length, ms: preview.result.elapsedMs })}.
            {preview.result.truncated && ` ${t('preview.truncated', { count: preview.result.rows.length })}`}
          </p>
          {preview.result.rows.length === 0 ? (
            <p>{t('preview.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table aria-label={t('preview.tableLabel')}>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    {preview.result.columns.map((column, index) => (
                      <th key={index} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.result.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      <td className="row-number">{rowIndex + 1}</td>
                      {row.map((cell, cellIndex) => (
                        <Cell key={cellIndex} value={cell} nullLabel={t('preview.null')} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Cell({ value, nullLabel }: { value: CellValue; nullLabel: string }) {
  if (value === null) return <td className="null">{nullLabel}</td>;
  if (typeof value === 'object')
    return <td>{'$bigint' in value ? value.$bigint : `0x… (${value.$bytes.length} b64)`}</td>;
  return <td className={typeof value === 'number' ? 'number' : undefined}>{String(value)}</td>;
}
