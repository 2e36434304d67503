import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VENDOR_INTERFACES, type ExternalSystem, type VendorInterface } from '../../../src-shared/contract/model';
import { listTimeZones } from '../../../src-shared/contract/time-zone';
import { CheckboxField, Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { noErrors, toFormErrors, withoutFieldError, type FormErrors } from '../../components/form-errors';
import { useAppStore } from '../../stores/store-context';
import { ConnectionFields } from './ConnectionFields';
import { TestConnectionResult, type TestOutcome } from './TestConnectionResult';
import {
  CONNECTION_KINDS,
  emptyConnectionDraft,
  fromConnectionDraft,
  toConnectionDraft,
  withKind,
} from './connection-draft';

/** Create or edit an external system: its name, vendor interface, time zone and connection. */
export function SystemForm({ system }: { system?: ExternalSystem }) {
  const { t } = useTranslation();
  const createSystem = useAppStore((state) => state.createSystem);
  const updateSystem = useAppStore((state) => state.updateSystem);
  const [name, setName] = useState(system?.name ?? '');
  const [vendor, setVendor] = useState<VendorInterface>(system?.vendor ?? 'universal');
  const [timeZone, setTimeZone] = useState(system?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [connection, setConnection] = useState(system ? toConnectionDraft(system.connection) : emptyConnectionDraft());
  const [password, setPassword] = useState('');
  const [clearPassword, setClearPassword] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  const [testOutcome, setTestOutcome] = useState<TestOutcome | undefined>();
  const testConnection = useAppStore((state) => state.testConnection);
  const zones = useMemo(() => listTimeZones(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const passwordField = clearPassword ? { password: '' } : password ? { password } : {};
    const fields = { name, vendor, timeZone, connection: fromConnectionDraft(connection), ...passwordField } as never;
    const result = system ? await updateSystem(system.id, fields) : await createSystem(fields);
    if (!result.ok) return setErrors(toFormErrors(result.error));
    setErrors(noErrors);
    setPassword('');
    setClearPassword(false);
    setSaved(true);
  };

  const runTest = async () => {
    setTestOutcome({ kind: 'running' });
    const answer = await testConnection(
      system?.id,
      fromConnectionDraft(connection),
      clearPassword ? undefined : password,
    );
    if ('ok' in answer) setTestOutcome({ kind: 'result', result: answer });
    else {
      setTestOutcome({ kind: 'invalid', error: answer });
      setErrors(toFormErrors(answer));
    }
  };

  return (
    <form className="detail-form" onSubmit={submit} noValidate aria-labelledby="system-form-title">
      <h2 id="system-form-title">{system ? t('system.heading') : t('system.newHeading')}</h2>
      {system?.isDemo && <p className="note">{t('system.demoNote')}</p>}
      <Field label={t('system.name')} error={errors.fields.name}>
        <input
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setErrors((current) => withoutFieldError(current, 'name'));
          }}
          autoFocus={!system}
        />
      </Field>
      <div className="field-grid">
        <Field label={t('system.vendor')} error={errors.fields.vendor}>
          <select value={vendor} onChange={(event) => setVendor(event.target.value as VendorInterface)}>
            {VENDOR_INTERFACES.map((value) => (
              <option key={value} value={value}>
                {t(`vendor.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('system.timeZone')} help={t('system.timeZoneHelp')} error={errors.fields.timeZone}>
          <input
            list="time-zones"
            value={timeZone}
            onChange={(event) => {
              setTimeZone(event.target.value);
              setErrors((current) => withoutFieldError(current, 'timeZone'));
            }}
          />
        </Field>
        <datalist id="time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <Field label={t('system.connectionKind')} error={errors.fields['connection.kind']}>
        <select
          value={connection.kind}
          onChange={(event) => setConnection(withKind(connection, event.target.value as typeof connection.kind))}
        >
          {CONNECTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`connectionKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <ConnectionFields
        draft={connection}
        errors={errors.fields}
        onChange={(next) => {
          const changed = Object.keys(next).filter(
            (key) => next[key as keyof typeof next] !== connection[key as keyof typeof connection],
          );
          setConnection(next);
          setErrors((current) => withoutFieldError(current, ...changed.map((key) => `connection.${key}`)));
        }}
      />
      {connection.kind !== 'sqlite' && (
        <>
          <Field
            label={t('system.password')}
            help={system?.passwordSet ? t('system.passwordSet') : t('system.passwordNotSet')}
            error={errors.fields.password}
          >
            <input
              type="password"
              autoComplete="new-password"
              value={password}
              disabled={clearPassword}
              onChange={(event) => setPassword(event.target.value)}
            />
          </Field>
          {system?.passwordSet && (
            <CheckboxField label={t('system.clearPassword')} checked={clearPassword} onChange={setClearPassword} />
          )}
        </>
      )}
      <FormFooter
        errors={errors}
        submitLabel={system ? t('system.save') : t('system.create')}
        saved={saved}
        savedLabel={t('system.saved')}
      >
        <button type="button" onClick={() => void runTest()} disabled={testOutcome?.kind === 'running'}>
          {t('connection.test')}
        </button>
      </FormFooter>
      {testOutcome && <TestConnectionResult outcome={testOutcome} />}
    </form>
  );
}
