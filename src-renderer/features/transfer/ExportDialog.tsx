import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Field } from '../../components/Field';
import { useAppStore } from '../../stores/store-context';
import type { WorkspaceExportKind } from '../../stores/transfer-slice';
import { ExportOutcome } from './ExportOutcome';
import { TransferDialogFrame } from './TransferDialogFrame';
import { passphraseProblem, type PassphraseProblem } from './passphrase-check';
import { useExportAction } from './use-export-action';

const FORMATS: readonly WorkspaceExportKind[] = ['bundle', 'xlink'];
const PROBLEM_TEXT: Record<PassphraseProblem, 'passphraseTooShort' | 'passphraseTooLong' | 'passphraseMismatch'> = {
  tooShort: 'passphraseTooShort',
  tooLong: 'passphraseTooLong',
  mismatch: 'passphraseMismatch',
};

/**
 * Export the workspace, or some of its systems, as a bundle for another ACD Link Studio or as an
 * isps_ul.ini for a site that still runs Xlink. Passwords travel only inside a bundle, and only
 * encrypted with a passphrase typed twice.
 */
export function ExportDialog({ initialFormat }: { initialFormat: WorkspaceExportKind }) {
  const { t } = useTranslation();
  const close = useAppStore((state) => state.closeTransferDialog);
  const exportWorkspace = useAppStore((state) => state.exportWorkspace);
  const tree = useAppStore((state) => state.tree);
  const selectedSystemId = useAppStore((state) => {
    const selection = state.selection;
    if (selection.kind === 'system') return selection.id;
    if (selection.kind === 'integration')
      return state.tree.find((system) => system.integrations.some((node) => node.id === selection.id))?.id;
    return undefined;
  });
  const [format, setFormat] = useState(initialFormat);
  const [scope, setScope] = useState<'all' | 'chosen'>(selectedSystemId === undefined ? 'all' : 'chosen');
  const [chosen, setChosen] = useState<number[]>(selectedSystemId === undefined ? [] : [selectedSystemId]);
  const [scopeError, setScopeError] = useState<string | undefined>();
  const [withPasswords, setWithPasswords] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem | undefined>();
  const action = useExportAction();

  const submit = () => {
    const systemIds =
      scope === 'chosen' ? tree.map((system) => system.id).filter((id) => chosen.includes(id)) : undefined;
    if (systemIds?.length === 0) return setScopeError(t('transfer.export.noneChosen'));
    const passphraseIssue = format === 'bundle' && withPasswords ? passphraseProblem(passphrase, repeat) : undefined;
    setProblem(passphraseIssue);
    if (passphraseIssue) return;
    const options = {
      ...(systemIds ? { systemIds } : {}),
      ...(format === 'bundle' && withPasswords ? { passphrase } : {}),
    };
    void action.run(() => exportWorkspace(format, options));
  };

  const working = action.state.status === 'working';
  return (
    <TransferDialogFrame titleId="export-title" title={t('transfer.export.title')} busy={working} onClose={close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <fieldset className="choice-group">
          <legend>{t('transfer.export.format')}</legend>
          {FORMATS.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="export-format"
                value={value}
                checked={format === value}
                onChange={() => {
                  setFormat(value);
                  action.reset();
                }}
              />{' '}
              {t(`transfer.export.formats.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>{t('transfer.export.scope')}</legend>
          {tree.length === 0 && <p className="muted">{t('transfer.export.noSystems')}</p>}
          <label className="radio">
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'all'}
              onChange={() => {
                setScope('all');
                setScopeError(undefined);
              }}
            />{' '}
            {t('transfer.export.all', { count: tree.length })}
          </label>
          <label className="radio">
            <input type="radio" name="export-scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} />{' '}
            {t('transfer.export.chosen')}
          </label>
          <ul className="system-choices" aria-label={t('transfer.export.chooseLegend')}>
            {tree.map((system) => (
              <li key={system.id}>
                <CheckboxField
                  label={system.name}
                  checked={chosen.includes(system.id)}
                  disabled={scope !== 'chosen'}
                  onChange={(checked) => {
                    setChosen((current) =>
                      checked ? [...current, system.id] : current.filter((id) => id !== system.id),
                    );
                    setScopeError(undefined);
                  }}
                />
              </li>
            ))}
          </ul>
          {scopeError && (
            <p className="field-error" role="alert">
              {scopeError}
            </p>
          )}
        </fieldset>
        {format === 'bundle' ? (
          <div className="passphrase-block">
            <CheckboxField
              label={t('transfer.export.includePasswords')}
              checked={withPasswords}
              onChange={(checked) => {
                setWithPasswords(checked);
                setProblem(undefined);
              }}
            />
            {withPasswords ? (
              <div className="field-grid">
                <Field
                  label={t('transfer.export.passphrase')}
                  help={t('transfer.export.passphraseHelp')}
                  error={problem && problem !== 'mismatch' ? t(`transfer.export.${PROBLEM_TEXT[problem]}`) : undefined}
                >
                  <input
                    type="password"
                    autoComplete="new-password"
                    value={passphrase}
                    onChange={(event) => {
                      setPassphrase(event.target.value);
                      setProblem(undefined);
                    }}
                  />
                </Field>
                <Field
                  label={t('transfer.export.passphraseRepeat')}
                  error={problem === 'mismatch' ? t('transfer.export.passphraseMismatch') : undefined}
                >
                  <input
                    type="password"
                    autoComplete="new-password"
                    value={repeat}
                    onChange={(event) => {
                      setRepeat(event.target.value);
                      setProblem(undefined);
                    }}
                  />
                </Field>
              </div>
            ) : (
              <p className="help">{t('transfer.export.passwordsLeftOut')}</p>
            )}
          </div>
        ) : (
          <p className="help">{t('transfer.export.xlinkPasswords')}</p>
        )}
        <ExportOutcome state={action.state} onDeliverAgain={(file) => void action.deliver(file)} />
        <div className="actions dialog-actions">
          <button type="button" onClick={close} disabled={working}>
            {t('transfer.dialog.close')}
          </button>
          <button type="submit" className="primary" disabled={working || tree.length === 0}>
            {working ? t('transfer.outcome.working') : t('transfer.export.submit')}
          </button>
        </div>
      </form>
    </TransferDialogFrame>
  );
}
