import { useTranslation } from 'react-i18next';
import type { FindingDto, ValidationSummaryDto } from '../../../src-shared/contract/api';

interface Props {
  summary: ValidationSummaryDto;
  /** Jump to the finding's cell; without it (no grid to jump to) the findings are plain text. */
  onSelect?(finding: FindingDto): void;
}

/** Every rule the rows break, counted by severity; a click jumps to the cell in the grid. */
export function FindingsList({ summary, onSelect }: Props) {
  const { t } = useTranslation();
  const { error, warning, info } = summary.countsBySeverity;
  return (
    <section className="findings" aria-labelledby="findings-title">
      <h3 id="findings-title">
        {summary.ok && warning === 0 ? t('findings.none') : t('findings.heading', { error, warning, info })}
      </h3>
      {summary.findings.length > 0 && (
        <ul className="findings-list" aria-label={t('findings.listLabel')}>
          {summary.findings.map((finding, index) => (
            <li key={index} className={`finding ${finding.severity}`}>
              {onSelect ? (
                <button type="button" onClick={() => onSelect(finding)}>
                  <FindingText finding={finding} />
                </button>
              ) : (
                <span className="finding-text">
                  <FindingText finding={finding} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {summary.findings.length < Object.values(summary.findingCounts).reduce((sum, count) => sum + count, 0) && (
        <p className="muted small">{t('findings.more', { shown: summary.findings.length })}</p>
      )}
    </section>
  );
}

function FindingText({ finding }: { finding: FindingDto }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge sev-${finding.severity}`}>{t(`findings.severity.${finding.severity}`)}</span>{' '}
      {finding.row > 0 ? t('findings.row', { row: finding.row }) : t('findings.columns')}
      {finding.column ? ` · ${finding.column}` : ''} — {finding.message}
    </>
  );
}
