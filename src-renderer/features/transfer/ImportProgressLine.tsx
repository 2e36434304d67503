import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/store-context';

/**
 * How far the file being read or imported has come: a bar and a line in words. A big bundle
 * takes seconds, and without this the dialog would only say "Working…" meanwhile. Shows nothing
 * when no read or import of this window is running.
 */
export function ImportProgressLine() {
  const { t } = useTranslation();
  const progress = useAppStore((state) => state.importProgress);
  if (!progress) return null;
  const counted = progress.phase !== 'reading';
  const counts = { done: progress.done.toLocaleString('en-US'), total: progress.total.toLocaleString('en-US') };
  const words =
    progress.phase === 'reading'
      ? t('transfer.progress.reading')
      : progress.phase === 'checking'
        ? t('transfer.progress.checking', counts)
        : t('transfer.progress.writing', counts);
  return (
    <div className="import-progress">
      {/* Without value and max, the bar is indeterminate: reading is one step of unknown length. */}
      <progress
        aria-label={t('transfer.progress.label')}
        aria-valuetext={words}
        {...(counted ? { value: progress.done, max: progress.total } : {})}
      />
      <span>{words}</span>
    </div>
  );
}
