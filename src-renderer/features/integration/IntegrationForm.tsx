import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_TYPES,
  INTERVAL_LENGTHS,
  RULE_SETS,
  type ImportType,
  type Integration,
  type SystemTreeNode,
} from '../../../src-shared/contract/model';
import { CheckboxField, Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { noErrors, toFormErrors, withoutFieldError, type FormErrors } from '../../components/form-errors';
import { useAppStore } from '../../stores/store-context';
import { connectionDialect } from '../../../src-shared/sql/connection-dialect';
import { SqlEditor } from '../editor/SqlEditor';
import { TemplateMenu } from '../editor/TemplateMenu';
import { useSqlCompletion } from '../editor/use-sql-completion';
import { PreviewPanel } from '../preview/PreviewPanel';
import { HandoffButtons } from '../transfer/HandoffButtons';
import { FullValidationPanel } from '../validation/FullValidationPanel';

const LIVE_PREVIEW_DELAY_MS = 700;

interface Props {
  system: SystemTreeNode;
  integration?: Integration;
}

/** Create or edit an integration: import type, interval, rules, flags and the SQL the WFM system runs. */
export function IntegrationForm({ system, integration }: Props) {
  const { t } = useTranslation();
  const createIntegration = useAppStore((state) => state.createIntegration);
  const updateIntegration = useAppStore((state) => state.updateIntegration);
  const runPreview = useAppStore((state) => state.runPreview);
  const cancelPreview = useAppStore((state) => state.cancelPreview);
  const [name, setName] = useState(integration?.name ?? '');
  const [importType, setImportType] = useState<ImportType>(integration?.importType ?? 'interval');
  const [intervalMinutes, setIntervalMinutes] = useState<15 | 30>(integration?.intervalMinutes ?? 15);
  const [ruleSet, setRuleSet] = useState(integration?.ruleSet ?? RULE_SETS[0]);
  const [realTime, setRealTime] = useState(integration?.realTime ?? false);
  const [reconciliation, setReconciliation] = useState(integration?.reconciliation ?? true);
  const [paused, setPaused] = useState(integration?.paused ?? false);
  const [sql, setSql] = useState(integration?.sql ?? '');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  const [live, setLive] = useState(false);

  // Live mode: a preview shortly after typing stops; a newer run replaces an older one (the store
  // cancels it and drops its answer), so only the latest text is ever shown.
  useEffect(() => {
    if (!live || !integration || sql.trim() === '') return;
    const timer = setTimeout(
      () => void runPreview(integration.id, system.id, sql, { importType, intervalMinutes, ruleSet }),
      LIVE_PREVIEW_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [live, sql, importType, intervalMinutes, ruleSet, integration, system.id, runPreview]);

  const fields = { name, importType, intervalMinutes, ruleSet, realTime, reconciliation, paused, sql };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = integration
      ? await updateIntegration(integration.id, fields)
      : await createIntegration({ systemId: system.id, ...fields });
    if (!result.ok) return setErrors(toFormErrors(result.error));
    setErrors(noErrors);
    setSaved(true);
  };

  const preview = () => {
    if (integration) void runPreview(integration.id, system.id, sql, { importType, intervalMinutes, ruleSet });
  };
  const dialect = connectionDialect(system.connection);
  const completion = useSqlCompletion({ systemId: system.id, importType, ruleSet, dialect, sql });

  /**
   * Ctrl/Cmd+Enter runs the preview, Esc cancels it: the keys SQL clients use. The SQL editor
   * handles them itself (Esc closes its suggestions first), so its keys are not handled twice.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!integration || (event.target as HTMLElement).closest('.sql-editor')) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      preview();
    } else if (event.key === 'Escape') {
      void cancelPreview();
    }
  };

  return (
    <div className="detail-stack" onKeyDown={onKeyDown}>
      <form className="detail-form" onSubmit={submit} noValidate aria-labelledby="integration-form-title">
        <h2 id="integration-form-title">
          {integration ? t('integration.heading') : t('integration.newHeading', { system: system.name })}
        </h2>
        {integration?.paused && <p className="note warn">{t('integration.pausedNote')}</p>}
        <Field label={t('integration.name')} error={errors.fields.name}>
          <input
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setErrors((current) => withoutFieldError(current, 'name'));
            }}
            autoFocus={!integration}
          />
        </Field>
        <div className="field-grid">
          <Field label={t('integration.importType')} error={errors.fields.importType}>
            <select value={importType} onChange={(event) => setImportType(event.target.value as ImportType)}>
              {IMPORT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`importType.${type}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('integration.intervalMinutes')} error={errors.fields.intervalMinutes}>
            <select
              value={intervalMinutes}
              onChange={(event) => setIntervalMinutes(Number(event.target.value) as 15 | 30)}
            >
              {INTERVAL_LENGTHS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t('integration.minutes', { count: minutes })}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('integration.ruleSet')} error={errors.fields.ruleSet}>
            <select value={ruleSet} onChange={(event) => setRuleSet(event.target.value as typeof ruleSet)}>
              {RULE_SETS.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {importType === 'agent-states' && (
          <CheckboxField label={t('integration.realTime')} checked={realTime} onChange={setRealTime} />
        )}
        <CheckboxField label={t('integration.reconciliation')} checked={reconciliation} onChange={setReconciliation} />
        <CheckboxField label={t('integration.paused')} checked={paused} onChange={setPaused} />
        <TemplateMenu
          importType={importType}
          ruleSet={ruleSet}
          dialect={dialect}
          intervalMinutes={intervalMinutes}
          onInsert={(template) => setSql(template)}
        />
        <Field label={t('integration.sql')} help={t('integration.sqlHelp')} error={errors.fields.sql}>
          <SqlEditor
            label={t('integration.sql')}
            value={sql}
            onChange={setSql}
            onRun={preview}
            onCancel={() => void cancelPreview()}
            completion={completion}
          />
        </Field>
        <FormFooter
          errors={errors}
          submitLabel={integration ? t('integration.save') : t('integration.create')}
          saved={saved}
          savedLabel={t('integration.saved')}
        >
          {integration && (
            <button type="button" onClick={preview}>
              {t('integration.runPreview')}
            </button>
          )}
          {integration && <CheckboxField label={t('integration.livePreview')} checked={live} onChange={setLive} />}
        </FormFooter>
        <HandoffButtons
          integrationId={integration?.id}
          unsaved={integration !== undefined && !matchesSaved(integration, fields)}
        />
      </form>
      {integration && (
        <FullValidationPanel
          integrationId={integration.id}
          systemId={system.id}
          sql={sql}
          validation={{ importType, intervalMinutes, ruleSet }}
        />
      )}
      {integration && (
        <PreviewPanel integrationId={integration.id} importType={importType} intervalMinutes={intervalMinutes} />
      )}
    </div>
  );
}

/** Whether the form still shows what is stored (the hand-off sheet describes the stored integration). */
function matchesSaved(integration: Integration, fields: Omit<Integration, 'id' | 'systemId'>): boolean {
  return (Object.keys(fields) as (keyof typeof fields)[]).every((key) => integration[key] === fields[key]);
}
