import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src-shared/contract/api';
import { XLINK_FILE_MAX_BYTES, type ConflictResolution, type XlinkPlan } from '../../../src-shared/contract/transfer';
import { useAppStore } from '../../stores/store-context';
import { DialogError } from './DialogError';
import { FileField } from './FileField';
import { ImportPreviews } from './ImportPreviews';
import { ImportProgressLine } from './ImportProgressLine';
import { ImportResult } from './ImportResult';
import { PlannedSystemCard } from './PlannedSystemCard';
import { TransferDialogFrame } from './TransferDialogFrame';
import { TransferNotes } from './TransferNotes';
import { enteredPasswords, importCounts, initialResolutions } from './import-choices';
import { formatBytes } from './format-bytes';
import { readChosenFile } from './read-chosen-file';
import { readFileAsBase64 } from './transfer-files';

interface XlinkFiles {
  iniBase64: string;
  acdMapBase64?: string;
  fileName: string;
}

type Step =
  | { step: 'choose' }
  | { step: 'plan'; files: XlinkFiles; plan: XlinkPlan }
  | { step: 'done'; created: OutputOf<'xlink.import'> };

/**
 * The migration assistant: read isps_ul.ini (and acd_map.ini), show what would be created and
 * every item that cannot be carried over, let the admin settle name conflicts and passwords,
 * import, then preview every created integration at once.
 */
export function XlinkImportDialog() {
  const { t } = useTranslation();
  const close = useAppStore((state) => state.closeTransferDialog);
  const planXlink = useAppStore((state) => state.planXlink);
  const importXlink = useAppStore((state) => state.importXlink);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [iniFile, setIniFile] = useState<File | undefined>();
  const [mapFile, setMapFile] = useState<File | undefined>();
  const [fileErrors, setFileErrors] = useState<{ ini?: string; map?: string }>({});
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [resolutions, setResolutions] = useState<Record<string, ConflictResolution>>({});
  const [passwords, setPasswords] = useState<Record<string, string>>({});

  const readFiles = async () => {
    setError(undefined);
    if (!iniFile) return setFileErrors({ ini: t('transfer.xlink.missingIni') });
    const ini = await readChosenFile(iniFile, XLINK_FILE_MAX_BYTES, t, readFileAsBase64);
    const map = mapFile ? await readChosenFile(mapFile, XLINK_FILE_MAX_BYTES, t, readFileAsBase64) : undefined;
    const errors = { ...(!ini.ok ? { ini: ini.message } : {}), ...(map && !map.ok ? { map: map.message } : {}) };
    setFileErrors(errors);
    if (!ini.ok || (map && !map.ok)) return;
    const files: XlinkFiles = {
      iniBase64: ini.value,
      ...(map?.ok ? { acdMapBase64: map.value } : {}),
      fileName: iniFile.name,
    };
    setBusy(true);
    const result = await planXlink(files);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setResolutions(initialResolutions(result.value.systems));
    setPasswords({});
    setStep({ step: 'plan', files, plan: result.value });
  };

  const runImport = async (files: XlinkFiles, plan: XlinkPlan) => {
    setError(undefined);
    setBusy(true);
    const result = await importXlink({
      ...files,
      resolutions,
      passwords: enteredPasswords(plan.systems, passwords, resolutions),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPasswords({});
    setStep({ step: 'done', created: result.value });
  };

  return (
    <TransferDialogFrame
      titleId="xlink-import-title"
      title={t('transfer.xlink.title')}
      busy={busy}
      step={step.step}
      onClose={close}
    >
      {step.step === 'choose' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void readFiles();
          }}
          noValidate
        >
          <p className="help-block">{t('transfer.xlink.intro')}</p>
          <FileField
            label={t('transfer.xlink.iniFile')}
            help={t('transfer.xlink.iniHelp', { max: formatBytes(XLINK_FILE_MAX_BYTES) })}
            accept=".ini,text/plain"
            file={iniFile}
            error={fileErrors.ini}
            onChange={(file) => {
              setIniFile(file);
              setFileErrors((current) => ({ ...current, ini: undefined }));
            }}
          />
          <FileField
            label={t('transfer.xlink.mapFile')}
            help={t('transfer.xlink.mapHelp')}
            accept=".ini,text/plain"
            file={mapFile}
            error={fileErrors.map}
            onChange={(file) => {
              setMapFile(file);
              setFileErrors((current) => ({ ...current, map: undefined }));
            }}
          />
          <ImportProgressLine />
          <DialogError message={error} />
          <div className="actions dialog-actions">
            <button type="button" onClick={close} disabled={busy}>
              {t('transfer.dialog.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('transfer.dialog.busy') : t('transfer.xlink.read')}
            </button>
          </div>
        </form>
      )}
      {step.step === 'plan' && (
        <XlinkPlanView
          step={step}
          busy={busy}
          error={error}
          resolutions={resolutions}
          passwords={passwords}
          onResolution={(name, value) => setResolutions((current) => ({ ...current, [name]: value }))}
          onPassword={(name, value) => setPasswords((current) => ({ ...current, [name]: value }))}
          onBack={() => {
            setError(undefined);
            setStep({ step: 'choose' });
          }}
          onImport={() => void runImport(step.files, step.plan)}
        />
      )}
      {step.step === 'done' && (
        <>
          <ImportResult created={step.created} />
          <ImportPreviews created={step.created} />
          <TransferNotes notes={step.created.notes} />
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

interface PlanViewProps {
  step: Extract<Step, { step: 'plan' }>;
  busy: boolean;
  error: string | undefined;
  resolutions: Record<string, ConflictResolution>;
  passwords: Record<string, string>;
  onResolution(name: string, resolution: ConflictResolution): void;
  onPassword(name: string, password: string): void;
  onBack(): void;
  onImport(): void;
}

function XlinkPlanView({ step, busy, error, resolutions, passwords, ...on }: PlanViewProps) {
  const { t } = useTranslation();
  const { plan, files } = step;
  const counts = importCounts(plan.systems, resolutions);
  const integrations = plan.systems.reduce((sum, system) => sum + system.integrations.length, 0);
  const noteCounts = {
    error: plan.notes.filter((note) => note.severity === 'error').length,
    warning: plan.notes.filter((note) => note.severity === 'warning').length,
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        on.onImport();
      }}
      noValidate
      aria-label={t('transfer.xlink.planHeading')}
    >
      <h3>{t('transfer.xlink.planHeading')}</h3>
      <p>
        {plan.systems.length === 0
          ? t('transfer.xlink.nothing')
          : t('transfer.xlink.planSummary', {
              systems: plan.systems.length,
              integrations,
              file: files.fileName,
              encoding: plan.encoding,
            })}
      </p>
      {noteCounts.error + noteCounts.warning > 0 && (
        <p className="note warn">
          {noteCounts.error > 0
            ? t('transfer.xlink.notesSummary', noteCounts)
            : t('transfer.xlink.notesSummaryChecks', noteCounts)}
        </p>
      )}
      <ul className="planned-systems">
        {plan.systems.map((system) => (
          <PlannedSystemCard
            key={system.name}
            name={system.name}
            vendor={system.vendor}
            connectionLabel={t('transfer.plan.connection')}
            connection={system.connectionString}
            connectionIsCode
            conflict={system.conflict}
            integrations={system.integrations}
            resolution={resolutions[system.name]}
            onResolution={(value) => on.onResolution(system.name, value)}
            password={{
              value: passwords[system.name] ?? '',
              help: t('transfer.plan.passwordHelpXlink'),
              onChange: (value) => on.onPassword(system.name, value),
            }}
          />
        ))}
      </ul>
      <TransferNotes notes={plan.notes} />
      <ImportProgressLine />
      <DialogError message={error} />
      <div className="actions dialog-actions">
        <button type="button" onClick={on.onBack} disabled={busy}>
          {t('transfer.dialog.back')}
        </button>
        <button type="submit" className="primary" disabled={busy || counts.systems === 0}>
          {busy ? t('transfer.dialog.busy') : t('transfer.xlink.import', { count: counts.systems })}
        </button>
      </div>
    </form>
  );
}
