import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrors, type FormErrors } from './form-errors';

interface Props {
  errors: FormErrors;
  submitLabel: string;
  saved: boolean;
  savedLabel: string;
  /** Further buttons beside the submit button (Test connection, Run preview). */
  children?: ReactNode;
}

/** The end of every detail form: the error summary, the submit button, extra actions, "Saved.". */
export function FormFooter({ errors, submitLabel, saved, savedLabel, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {hasErrors(errors) && (
        <p className="form-error" role="alert">
          {errors.summary ?? t('errors.fixFields')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        {children}
        {saved && (
          <span role="status" className="saved">
            {savedLabel}
          </span>
        )}
      </div>
    </>
  );
}
