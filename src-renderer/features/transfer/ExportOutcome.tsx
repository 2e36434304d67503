import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../src-shared/contract/transfer';
import { TransferNotes } from './TransferNotes';
import { formatBytes } from './format-bytes';
import type { ExportActionState } from './use-export-action';

interface Props {
  state: ExportActionState;
  onDeliverAgain(file: ExportedFile): void;
  /** Errors of a cancelled run are not failures; the caller words them. */
  cancelledText?: string;
  /** Row exports have no notes worth a heading; workspace exports do. */
  showNotes?: boolean;
}

/** What an export produced and where it went: name, size, rows, notes, and a way to get it again. */
export function ExportOutcome({ state, onDeliverAgain, cancelledText, showNotes = true }: Props) {
  const { t } = useTranslation();
  if (state.status === 'idle') return null;
  if (state.status === 'working') {
    return (
      <p role="status" className="muted export-outcome">
        {t('transfer.outcome.working')}
      </p>
    );
  }
  if (state.status === 'error') {
    const cancelled = state.error.code === 'CANCELLED' && cancelledText;
    return (
      <p role="alert" className={cancelled ? 'note export-outcome' : 'form-error export-outcome'}>
        {cancelled ? cancelledText : t('transfer.outcome.failed', { message: state.error.message })}
      </p>
    );
  }
  const { file, delivery } = state;
  return (
    <div className="export-outcome">
      <p role="status" className="notice">
        {t('transfer.outcome.done', { file: file.fileName, size: formatBytes(file.bytes) })}
        {file.rowsWritten !== undefined &&
          ` ${t('transfer.outcome.rows', {
            written: file.rowsWritten.toLocaleString('en-US'),
            leftOut: (file.rowsLeftOut ?? 0).toLocaleString('en-US'),
          })}`}{' '}
        {delivery.kind === 'pending' && t('transfer.outcome.delivering')}
        {delivery.kind === 'saved' &&
          (delivery.path ? t('transfer.outcome.saved', { path: delivery.path }) : t('transfer.outcome.savedNoPath'))}
        {delivery.kind === 'downloaded' && t('transfer.outcome.downloaded')}
        {delivery.kind === 'not-saved' && t('transfer.outcome.notSaved')}
      </p>
      {delivery.kind === 'downloaded' && (
        <a href={delivery.url} download={file.fileName}>
          {t('transfer.outcome.downloadAgain', { file: file.fileName })}
        </a>
      )}
      {(delivery.kind === 'not-saved' ||
        delivery.kind === 'saved' ||
        (delivery.kind === 'failed' && delivery.reason !== 'no-token')) && (
        <button type="button" onClick={() => onDeliverAgain(file)}>
          {t('transfer.outcome.saveAgain', { file: file.fileName })}
        </button>
      )}
      {delivery.kind === 'failed' && (
        <p role="alert" className="form-error">
          {t('transfer.outcome.deliveryFailed', {
            message: delivery.reason === 'no-token' ? t('transfer.outcome.noToken') : delivery.message,
          })}
        </p>
      )}
      {showNotes && file.notes.length > 0 && <TransferNotes notes={file.notes} />}
    </div>
  );
}
