import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUNDLE_MAX_BYTES,
  type BundlePlan,
  type ConflictResolution,
  type CreatedItems,
} from '../../../src-shared/contract/transfer';
import type { ConnectionKind } from '../../../src-shared/contract/model';
import { Field } from '../../components/Field';
import { CONNECTION_KINDS } from '../system/connection-forms';
import { useAppStore } from '../../stores/store-context';
import { DialogError } from './DialogError';
import { FileField } from './FileField';
import { ImportProgressLine } from './ImportProgressLine';
import { ImportResult } from './ImportResult';
import { PlannedSystemCard } from './PlannedSystemCard';
import { TransferDialogFrame } from './TransferDialogFrame';
import { enteredPasswords, importCounts, initialResolutions } from './import-choices';
import { formatBytes } from './format-bytes';
import { readChosenFile } from './read-chosen-file';

type Step =
  { step: 'choose' } | { step: 'plan'; content: string; plan: BundlePlan } | { step: 'done'; created: CreatedItems };

/**
 * A colleague's workspace bundle: read it, show its systems with their conflicts, ask for the
 * passphrase (when it carries encrypted passwords) or for the passwords it does not carry, then
 * import. A refusal (a wrong passphrase, a damaged file) is shown here and changes nothing.
 */
export function BundleImportDialog() {
  const { t } = useTranslation();
  const close = useAppStore((state) => state.closeTransferDialog);
  const planBundle = useAppStore((state) => state.planBundle);
  const importBundle = useAppStore((state) => state.importBundle);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [resolutions, setResolutions] = useState<Record<string, ConflictResolution>>({});
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | undefined>();
  /** The bundle names the kind as text; a kind this version does not know is shown as written. */
  const connectionKindLabel = (kind: string) =>
    (CONNECTION_KINDS as readonly string[]).includes(kind) ? t(`connectionKind.${kind as ConnectionKind}`) : kind;

  const readBundle = async () => {
    setError(undefined);
    if (!file) return setFileError(t('transfer.bundle.missingFile'));
    const read = await readChosenFile(file, BUNDLE_MAX_BYTES, t, (chosen) => chosen.text());
    if (!read.ok) return setFileError(read.message);
    setBusy(true);
    const result = await planBundle(read.value);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setResolutions(initialResolutions(result.value.systems));
    setPasswords({});
    setPassphrase('');
    setStep({ step: 'plan', content: read.value, plan: result.value });
  };

  const runImport = async (content: string, plan: BundlePlan) => {
    setError(undefined);
    if (plan.secrets === 'encrypted' && passphrase === '') {
      return setPassphraseError(t('transfer.bundle.passphraseMissing'));
    }
    setBusy(true);
    const result = await importBundle({
      content,
      ...(plan.secrets === 'encrypted' ? { passphrase } : {}),
      resolutions,
      passwords: enteredPasswords(
        plan.systems.filter((system) => system.needsPassword),
        passwords,
        resolutions,
      ),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPasswords({});
    setPassphrase('');
    setStep({ step: 'done', created: result.value });
  };

  return (
    <TransferDialogFrame
      titleId="bundle-import-title"
      title={t('transfer.bundle.title')}
      busy={busy}
      step={step.step}
      onClose={close}
    >
      {step.step === 'choose' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void readBundle();
          }}
          noValidate
        >
          <p className="help-block">{t('transfer.bundle.intro')}</p>
          <FileField
            label={t('transfer.bundle.file')}
            help={t('transfer.bundle.fileHelp', { max: formatBytes(BUNDLE_MAX_BYTES) })}
            accept=".json,application/json"
            file={file}
            error={fileError}
            onChange={(chosen) => {
              setFile(chosen);
              setFileError(undefined);
            }}
          />
          <ImportProgressLine />
          <DialogError message={error} />
          <div className="actions dialog-actions">
            <button type="button" onClick={close} disabled={busy}>
              {t('transfer.dialog.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('transfer.dialog.busy') : t('transfer.bundle.read')}
            </button>
          </div>
        </form>
      )}
      {step.step === 'plan' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void runImport(step.content, step.plan);
          }}
          noValidate
          aria-label={t('transfer.bundle.planHeading')}
        >
          <h3>{t('transfer.bundle.planHeading')}</h3>
          <p>
            {t('transfer.bundle.planSummary', {
              version: step.plan.formatVersion,
              exportedAt: new Date(step.plan.exportedAt).toLocaleString(),
              systems: step.plan.systems.length,
              integrations: step.plan.systems.reduce((sum, system) => sum + system.integrations.length, 0),
            })}
          </p>
          <p className="note">
            {step.plan.secrets === 'encrypted'
              ? t('transfer.bundle.secretsEncrypted')
              : t('transfer.bundle.secretsNone')}
          </p>
          {step.plan.secrets === 'encrypted' && (
            <Field
              label={t('transfer.bundle.passphrase')}
              help={t('transfer.bundle.passphraseHelp')}
              error={passphraseError}
            >
              <input
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(event) => {
                  setPassphrase(event.target.value);
                  setPassphraseError(undefined);
                }}
              />
            </Field>
          )}
          <ul className="planned-systems">
            {step.plan.systems.map((system) => (
              <PlannedSystemCard
                key={system.name}
                name={system.name}
                vendor={system.vendor}
                connectionLabel={t('transfer.plan.connectionKind')}
                connection={connectionKindLabel(system.connectionKind)}
                connectionIsCode={false}
                conflict={system.conflict}
                integrations={system.integrations}
                resolution={resolutions[system.name]}
                onResolution={(value) => setResolutions((current) => ({ ...current, [system.name]: value }))}
                {...(system.needsPassword
                  ? {
                      password: {
                        value: passwords[system.name] ?? '',
                        help: t('transfer.plan.passwordHelpBundle'),
                        onChange: (value: string) => setPasswords((current) => ({ ...current, [system.name]: value })),
                      },
                    }
                  : {})}
              />
            ))}
          </ul>
          <ImportProgressLine />
          <DialogError message={error} />
          <div className="actions dialog-actions">
            <button
              type="button"
              onClick={() => {
                setError(undefined);
                setStep({ step: 'choose' });
              }}
              disabled={busy}
            >
              {t('transfer.dialog.back')}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={busy || importCounts(step.plan.systems, resolutions).systems === 0}
            >
              {busy
                ? t('transfer.dialog.busy')
                : t('transfer.bundle.import', { count: importCounts(step.plan.systems, resolutions).systems })}
            </button>
          </div>
        </form>
      )}
      {step.step === 'done' && (
        <>
          <ImportResult created={step.created} />
          <div className="actions dialog-actions">
            <button type="button" className="primary" onClick={close}>
              {t('transfer.dialog.close')}
            </button>
          </div>
        </>
      )}
    </TransferDialogFrame>
  );
}
