import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedItems } from '../../../src-shared/contract/transfer';
import { newRunId } from '../../stores/transfer-slice';
import { useAppStore } from '../../stores/store-context';
import { digestPreview, type PreviewOutcome } from './preview-outcome';
import { forEachLimited } from './run-limited';

/** Each preview forks a driver process; two at a time keeps a big import from flooding one database. */
const PARALLEL_PREVIEWS = 2;

/**
 * Right after an import, every created integration's query runs once, checked against its own
 * contract, so the admin sees at once which generated queries work and which need a password or
 * a fix. Closing the dialog stops the previews still running.
 */
export function ImportPreviews({ created }: { created: CreatedItems }) {
  const { t } = useTranslation();
  const previewImported = useAppStore((state) => state.previewImported);
  const cancelRun = useAppStore((state) => state.cancelRun);
  const [outcomes, setOutcomes] = useState<Record<number, PreviewOutcome>>({});

  useEffect(() => {
    let active = true;
    const running = new Set<string>();
    const update = (id: number, outcome: PreviewOutcome) => {
      if (active) setOutcomes((current) => ({ ...current, [id]: outcome }));
    };
    void forEachLimited(created.integrations, PARALLEL_PREVIEWS, async (integration) => {
      if (!active) return;
      const previewId = newRunId('i');
      running.add(previewId);
      update(integration.id, { status: 'running', previewId });
      const result = await previewImported(integration.id, previewId);
      running.delete(previewId);
      update(
        integration.id,
        result.ok ? { status: 'ready', result: result.value } : { status: 'error', error: result.error },
      );
    });
    return () => {
      active = false;
      for (const previewId of running) void cancelRun(previewId);
    };
  }, [created, previewImported, cancelRun]);

  if (created.integrations.length === 0) return null;
  const systemName = (systemId: number) => created.systems.find((system) => system.id === systemId)?.name ?? '';
  return (
    <section className="import-previews" aria-labelledby="import-previews-title">
      <h3 id="import-previews-title">{t('transfer.previews.heading')}</h3>
      <p className="help">{t('transfer.previews.help')}</p>
      <table className="import-preview-table" aria-label={t('transfer.previews.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('transfer.previews.integration')}</th>
            <th scope="col">{t('transfer.previews.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {created.integrations.map((integration) => (
            <tr key={integration.id}>
              <th scope="row">
                <OpenIntegration id={integration.id} name={integration.name} outcome={outcomes[integration.id]} />
                <div className="muted small">{systemName(integration.systemId)}</div>
              </th>
              <td>
                <OutcomeText outcome={outcomes[integration.id] ?? { status: 'waiting' }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OpenIntegration({ id, name, outcome }: { id: number; name: string; outcome?: PreviewOutcome }) {
  const { t } = useTranslation();
  const openImported = useAppStore((state) => state.openImported);
  return (
    <button
      type="button"
      className="link"
      aria-label={t('transfer.result.open', { name })}
      onClick={() =>
        openImported({ kind: 'integration', id }, outcome?.status === 'ready' ? outcome.result : undefined)
      }
    >
      {name}
    </button>
  );
}

function OutcomeText({ outcome }: { outcome: PreviewOutcome }) {
  const { t } = useTranslation();
  switch (outcome.status) {
    case 'waiting':
      return <span className="muted">{t('transfer.previews.waiting')}</span>;
    case 'running':
      return <span className="muted">{t('transfer.previews.running')}</span>;
    case 'error':
      return (
        <div className="preview-outcome failed">
          {outcome.error.code === 'CANCELLED'
            ? t('transfer.previews.cancelled')
            : t('transfer.previews.failed', { message: outcome.error.message })}
          {outcome.error.code !== 'CANCELLED' && <div className="muted small">{t('transfer.previews.failedHint')}</div>}
        </div>
      );
    case 'ready': {
      const digest = digestPreview(outcome.result);
      const clean = digest.errors === 0 && digest.warnings === 0;
      return (
        <div className={`preview-outcome ${digest.errors > 0 ? 'failed' : clean ? 'ok' : 'warn'}`}>
          {t('transfer.previews.rows', { count: digest.rows })}
          {digest.truncated && ` ${t('transfer.previews.more')}`}
          {', '}
          {clean
            ? t('transfer.previews.clean')
            : t('transfer.previews.findings', { error: digest.errors, warning: digest.warnings })}
          {digest.highlights.length > 0 && (
            <ul className="preview-highlights">
              {digest.highlights.map((finding, index) => (
                <li key={index}>
                  <span className={`badge sev-${finding.severity}`}>{t(`findings.severity.${finding.severity}`)}</span>{' '}
                  {finding.row > 0 ? t('findings.row', { row: finding.row }) : t('findings.columns')}
                  {finding.column ? ` · ${finding.column}` : ''} — {finding.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    }
  }
}
