import type { LastValidation } from '../../../src-shared/contract/last-validation';
import type { Integration } from '../../../src-shared/contract/model';
import { RULES, SEVERITIES } from '../../../src-shared/validation';
import { sqlSha256 } from '../../store/validation-history-repository';
import { formatUtcInstant, formatUtcMinute } from './format-time';
import { field, info, warning, type RuleCount, type SheetNote, type ValidationBlock } from './handoff-sheet-model';

export const NOT_VALIDATED = 'Not validated yet - run a full validation before handing over.';
export const SQL_CHANGED = 'The SQL changed after this validation: validate it again before handing over.';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The last validation as the sheet reports it, with what makes it stale or not enough. */
export function validationBlock(integration: Integration, last: LastValidation | undefined): ValidationBlock {
  if (!last) return { state: 'missing', note: warning(NOT_VALIDATED) };
  const { error, warning: warnings, info: notes } = last.countsBySeverity;
  return {
    state: 'recorded',
    fields: [
      field('When', formatUtcMinute(last.finishedAt)),
      field('Kind', last.kind === 'full' ? 'Full validation (every row)' : 'Preview (the first rows only)'),
      field('Rows checked', last.rowsChecked.toLocaleString('en-US')),
      field(
        'Result',
        `${last.ok ? 'No errors' : 'Errors found'}: ${count(error, 'error', 'errors')}, ` +
          `${count(warnings, 'warning', 'warnings')}, ${count(notes, 'note', 'notes')}`,
      ),
      field('Time range', timeRange(last)),
      field('Checked as', `${last.importType}, ${last.intervalMinutes} minutes, ${last.ruleSet}`),
    ],
    notes: staleness(integration, last),
    ruleCounts: ruleCounts(last.findingCounts),
  };
}

function timeRange({ firstTimestamp, lastTimestamp }: LastValidation): string {
  if (firstTimestamp === null || lastTimestamp === null) return 'no timestamps were read';
  return `${formatUtcInstant(firstTimestamp)} to ${formatUtcInstant(lastTimestamp)}`;
}

function staleness(integration: Integration, last: LastValidation): SheetNote[] {
  const notes: SheetNote[] = [];
  if (sqlSha256(integration.sql) !== last.sqlSha256) notes.push(warning(SQL_CHANGED));
  const now = `${integration.importType}, ${integration.intervalMinutes} minutes, ${integration.ruleSet}`;
  const then = `${last.importType}, ${last.intervalMinutes} minutes, ${last.ruleSet}`;
  if (now !== then) {
    notes.push(warning(`The import settings changed after this validation (checked as ${then}; now ${now}).`));
  }
  if (!last.ok) notes.push(warning('The validation found errors: fix them before handing over.'));
  if (last.kind === 'preview') {
    notes.push(info('A preview checks only the first rows: run a full validation before handing over.'));
  }
  return notes;
}

const SEVERITY_ORDER: readonly string[] = SEVERITIES;

/** Errors first, then warnings, then notes; within each, the most frequent first. */
function ruleCounts(findingCounts: Record<string, number>): RuleCount[] {
  return Object.entries(findingCounts)
    .map(([rule, n]) => {
      const known = Object.hasOwn(RULES, rule) ? RULES[rule as keyof typeof RULES] : undefined;
      return { rule, title: known?.title ?? rule, severity: known?.severity ?? 'unknown', count: n };
    })
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) || b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    );
}

function rank(severity: string): number {
  const index = SEVERITY_ORDER.indexOf(severity);
  return index === -1 ? SEVERITY_ORDER.length : index;
}
