import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { ConnectionDraft } from './connection-draft';

interface Props {
  draft: ConnectionDraft;
  errors: Record<string, string>;
  onChange(draft: ConnectionDraft): void;
}

/** The fields of the chosen database type (the full per-kind forms arrive with connection testing). */
export function ConnectionFields({ draft, errors, onChange }: Props) {
  const { t } = useTranslation();
  const text = (key: keyof ConnectionDraft, label: string, help?: string, type = 'text') => (
    <Field label={label} help={help} error={errors[`connection.${key}`]}>
      <input type={type} value={draft[key]} onChange={(event) => onChange({ ...draft, [key]: event.target.value })} />
    </Field>
  );
  switch (draft.kind) {
    case 'sqlite':
      return text('file', t('system.file'));
    case 'odbc':
      return text('connectionString', t('system.connectionString'), t('system.connectionStringHelp'));
    default:
      return (
        <div className="field-grid">
          {text('host', t('system.host'))}
          {draft.kind === 'mssql' && text('instance', t('system.instance'), t('system.instanceHelp'))}
          {!(draft.kind === 'mssql' && draft.instance.trim()) && text('port', t('system.port'), undefined, 'number')}
          {text('database', t('system.database'))}
          {text('user', t('system.user'))}
        </div>
      );
  }
}
