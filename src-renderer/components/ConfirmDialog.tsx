import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/store-context';

/** Confirmation before a delete; focus starts on Cancel so Enter never deletes by accident. */
export function ConfirmDialog() {
  const { t } = useTranslation();
  const pending = useAppStore((state) => state.confirmDelete);
  const cancel = useAppStore((state) => state.cancelDelete);
  const confirm = useAppStore((state) => state.confirmDeletion);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) cancelButton.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const title = pending.kind === 'system' ? t('confirm.deleteSystemTitle') : t('confirm.deleteIntegrationTitle');
  const body =
    pending.kind === 'system'
      ? t('confirm.deleteSystemBody', { name: pending.name, count: pending.integrationCount })
      : t('confirm.deleteIntegrationBody', { name: pending.name });
  return (
    <div className="backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        className="dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') cancel();
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-body">{body}</p>
        <div className="actions">
          <button ref={cancelButton} type="button" onClick={cancel}>
            {t('confirm.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void confirm()}>
            {t('confirm.delete')}
          </button>
        </div>
      </div>
    </div>
  );
}
