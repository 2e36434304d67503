import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { formatBytes } from './format-bytes';

interface Props {
  label: string;
  help: string;
  accept: string;
  file: File | undefined;
  error?: string;
  onChange(file: File | undefined): void;
}

/** A labelled file picker that also says which file is chosen and how big it is. */
export function FileField({ label, help, accept, file, error, onChange }: Props) {
  const { t } = useTranslation();
  const fullHelp = file
    ? `${help} ${t('transfer.file.chosen', { name: file.name, size: formatBytes(file.size) })}`
    : help;
  return (
    <Field label={label} help={fullHelp} error={error}>
      <input type="file" accept={accept} onChange={(event) => onChange(event.target.files?.[0] ?? undefined)} />
    </Field>
  );
}
