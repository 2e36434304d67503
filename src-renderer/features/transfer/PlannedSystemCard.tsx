import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorInterface } from '../../../src-shared/contract/model';
import type { ConflictResolution, PlannedIntegration } from '../../../src-shared/contract/transfer';
import { Field } from '../../components/Field';

const RESOLUTIONS: readonly ConflictResolution[] = ['rename', 'skip', 'replace'];

interface Props {
  name: string;
  vendor: VendorInterface;
  connectionLabel: string;
  connection: string;
  /** A connection string is shown as code; a database type name as text. */
  connectionIsCode: boolean;
  conflict: boolean;
  integrations: readonly PlannedIntegration[];
  resolution: ConflictResolution | undefined;
  onResolution(resolution: ConflictResolution): void;
  /** Offered when the import may ask for this system's password. */
  password?: { value: string; help: string; onChange(value: string): void };
}

/** One system of an import plan: what it brings, what to do if the name is taken, its password. */
export function PlannedSystemCard(props: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const skipped = props.conflict && props.resolution === 'skip';
  return (
    <li className={`planned-system${skipped ? ' skipped' : ''}`} aria-labelledby={headingId}>
      <h4 id={headingId}>
        {props.name} {skipped && <span className="badge subtle">{t('transfer.plan.skipped')}</span>}
      </h4>
      <dl className="planned-facts">
        <dt>{t('transfer.plan.vendor')}</dt>
        <dd>{t(`vendor.${props.vendor}`)}</dd>
        <dt>{props.connectionLabel}</dt>
        <dd className={props.connectionIsCode ? 'mono' : undefined}>{props.connection}</dd>
      </dl>
      <IntegrationList integrations={props.integrations} />
      {props.conflict && (
        <fieldset className="conflict-choice">
          <legend>{t('transfer.plan.conflictLegend', { name: props.name })}</legend>
          {RESOLUTIONS.map((resolution) => (
            <label key={resolution} className="radio">
              <input
                type="radio"
                name={`${headingId}-resolution`}
                value={resolution}
                checked={(props.resolution ?? 'rename') === resolution}
                onChange={() => props.onResolution(resolution)}
              />{' '}
              {t(`transfer.plan.resolution.${resolution}`)}
            </label>
          ))}
        </fieldset>
      )}
      {props.password && !skipped && (
        <Field label={t('transfer.plan.password', { name: props.name })} help={props.password.help}>
          <input
            type="password"
            autoComplete="new-password"
            value={props.password.value}
            onChange={(event) => props.password?.onChange(event.target.value)}
          />
        </Field>
      )}
    </li>
  );
}

function IntegrationList({ integrations }: { integrations: readonly PlannedIntegration[] }) {
  const { t } = useTranslation();
  if (integrations.length === 0) return <p className="muted small">{t('transfer.plan.noIntegrations')}</p>;
  return (
    <ul className="planned-integrations" aria-label={t('transfer.plan.integrations', { count: integrations.length })}>
      {integrations.map((integration) => (
        <li key={integration.name}>
          <strong>{integration.name}</strong>{' '}
          <span className="muted">
            {t('transfer.plan.integrationLine', {
              type: t(`importType.${integration.importType}`),
              minutes: integration.intervalMinutes,
              ruleSet: integration.ruleSet,
            })}
          </span>
          {integration.sql && (
            <details>
              <summary>{t('transfer.plan.showSql')}</summary>
              <pre className="mono planned-sql">{integration.sql}</pre>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
