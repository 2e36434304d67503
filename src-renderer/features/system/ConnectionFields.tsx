import { useTranslation } from 'react-i18next';
import { CheckboxField, Field } from '../../components/Field';
import { CONNECTION_FORMS, type ConnectionDraft, type FieldSpec } from './connection-forms';
import { OdbcConnectionStringField } from './OdbcConnectionStringField';

interface Props {
  draft: ConnectionDraft;
  errors: Record<string, string>;
  onChange(draft: ConnectionDraft): void;
}

/** The fields of the chosen database type, laid out from its descriptor. */
export function ConnectionFields({ draft, errors, onChange }: Props) {
  const { t } = useTranslation();
  const render = (field: FieldSpec) => {
    const error = errors[`connection.${field.key}`];
    const label = t(field.label as never);
    switch (field.input) {
      case 'checkbox':
        return (
          <CheckboxField
            key={field.key}
            label={label}
            checked={draft[field.key]}
            disabled={field.disabled?.(draft)}
            onChange={(value) => onChange({ ...draft, [field.key]: value })}
          />
        );
      case 'select':
        return (
          <Field key={field.key} label={label} help={field.help && t(field.help as never)} error={error}>
            <select
              value={draft[field.key]}
              onChange={(event) => onChange({ ...draft, tls: event.target.value as ConnectionDraft['tls'] })}
            >
              {field.options.map((option) => (
                <option key={option} value={option}>
                  {t(`system.tlsMode.${option}` as never)}
                </option>
              ))}
            </select>
          </Field>
        );
      default:
        if (field.hidden?.(draft)) return null;
        if (field.suggestions === 'odbc') {
          return (
            <OdbcConnectionStringField
              key={field.key}
              label={label}
              help={field.help && t(field.help as never)}
              error={error}
              value={draft[field.key]}
              onChange={(value) => onChange({ ...draft, [field.key]: value })}
            />
          );
        }
        return (
          <Field key={field.key} label={label} help={field.help && t(field.help as never)} error={error}>
            <input
              type={field.input}
              value={draft[field.key]}
              onChange={(event) => onChange({ ...draft, [field.key]: event.target.value })}
            />
          </Field>
        );
    }
  };
  return <div className="field-grid">{CONNECTION_FORMS[draft.kind].fields.map(render)}</div>;
}
