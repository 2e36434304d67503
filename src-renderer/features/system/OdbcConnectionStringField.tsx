import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useAppStore } from '../../stores/store-context';

interface Props {
  label: string;
  help?: string;
  error?: string;
  value: string;
  onChange(value: string): void;
}

const LINT_DELAY_MS = 300;

/**
 * The ODBC connection string, offering the machine's DSNs and drivers and showing advice as the
 * admin types (a missing DELIMIDENT for Informix, a password that belongs in its own field).
 */
export function OdbcConnectionStringField({ label, help, error, value, onChange }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const sources = useAppStore((state) => state.odbcSources);
  const loadOdbcSources = useAppStore((state) => state.loadOdbcSources);
  const lintOdbc = useAppStore((state) => state.lintOdbc);
  const [advice, setAdvice] = useState<{ text: string; messages: string[] }>({ text: '', messages: [] });

  useEffect(() => {
    void loadOdbcSources();
  }, [loadOdbcSources]);

  useEffect(() => {
    if (value.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void lintOdbc(value).then((answer) => {
        if (current && answer)
          setAdvice({ text: value, messages: answer.error ? [answer.error] : answer.warnings.map((w) => w.message) });
      });
    }, LINT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, lintOdbc]);

  const ready = sources?.status === 'ready' ? sources.value : undefined;
  // Advice for text that has since been cleared or changed is not shown.
  const messages = advice.text === value && value.trim() !== '' ? advice.messages : [];
  return (
    <div className="wide">
      <Field label={label} help={help} error={error}>
        <input list={listId} value={value} spellCheck={false} onChange={(event) => onChange(event.target.value)} />
      </Field>
      <datalist id={listId}>
        {ready?.dataSources.map((source) => (
          <option key={`dsn-${source.scope}-${source.name}`} value={`DSN=${source.name};`}>
            {t('system.odbcDsnOption', { driver: source.driver ?? '?', scope: source.scope })}
          </option>
        ))}
        {ready?.drivers.map((driver) => (
          <option key={`driver-${driver.name}`} value={`DRIVER={${driver.name}};`}>
            {t('system.odbcDriverOption')}
          </option>
        ))}
      </datalist>
      {ready && ready.dataSources.length + ready.drivers.length > 0 && (
        <p className="help">
          {t('system.odbcInstalled', { dsns: ready.dataSources.length, drivers: ready.drivers.length })}
        </p>
      )}
      {messages.length > 0 && (
        <ul className="lint" aria-label={t('system.odbcAdvice')}>
          {messages.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
