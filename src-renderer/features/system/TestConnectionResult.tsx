import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult } from '../../../src-shared/contract/connection-test';
import type { RpcError } from '../../../src-shared/rpc/result';

export type TestOutcome =
  { kind: 'running' } | { kind: 'result'; result: ConnectionTestResult } | { kind: 'invalid'; error: RpcError };

/** The answer of Test connection, next to the button: what happened, what to do, any warnings. */
export function TestConnectionResult({ outcome }: { outcome: TestOutcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'running') {
    return (
      <p role="status" className="test-result running">
        {t('connection.testing')}
      </p>
    );
  }
  if (outcome.kind === 'invalid') {
    return (
      <p role="alert" className="test-result failed">
        {outcome.error.issues?.length ? t('errors.fixFields') : outcome.error.message}
      </p>
    );
  }
  const { result } = outcome;
  return (
    <div role="status" aria-label={t('connection.test')} className={`test-result ${result.ok ? 'ok' : 'failed'}`}>
      <p>
        <strong>{t(`connection.category.${result.category}`)}</strong> — {result.message}{' '}
        <span className="muted small">({t('connection.elapsed', { ms: result.elapsedMs })})</span>
      </p>
      {result.warnings.length > 0 && (
        <ul className="warnings" aria-label={t('connection.warnings')}>
          {result.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
