import type { ExternalSystem, ImportType, Integration } from '../../../src-shared/contract/model';
import { getRuleSet, type ColumnType } from '../../../src-shared/validation';
import { field, info, warning, type ContractColumn, type SheetNote, type SheetSection } from './handoff-sheet-model';

export const IMPORT_TYPE_LABELS: Record<ImportType, string> = {
  interval: 'Interval-based (interval)',
  contact: 'Contact-based (contact)',
  'agent-states': 'Agent states (agent-states)',
};

const COLUMN_TYPE_LABELS: Record<ColumnType, string> = {
  string: 'text',
  integer: 'integer',
  datetime: 'date-time',
};

/** The import half of the WFM integration form. */
export function importSection(system: ExternalSystem, integration: Integration): SheetSection {
  const ruleSet = getRuleSet(integration.ruleSet);
  return {
    title: 'Import',
    fields: [
      field('Integration name', integration.name, true),
      field('Import type', IMPORT_TYPE_LABELS[integration.importType]),
      field('Interval length', `${integration.intervalMinutes} minutes`),
      field('Real-time agent states', realTimeText(integration)),
      field('Data reconciliation', reconciliationText(integration)),
      field('Rule set (column contract)', `${ruleSet.id}: ${ruleSet.title}`),
    ],
    notes: importNotes(system, integration),
  };
}

function realTimeText({ importType, realTime }: Integration): string {
  if (importType === 'agent-states') return realTime ? 'On: states every 10 seconds' : 'Off';
  return realTime ? 'On here, but it applies to agent states only: leave it off' : 'Off (applies to agent states only)';
}

function reconciliationText({ reconciliation }: Integration): string {
  return reconciliation
    ? 'On: every 15 minutes the last 24 hours are read again'
    : 'Off: only data since the last successful import is read';
}

function importNotes(system: ExternalSystem, integration: Integration): SheetNote[] {
  const notes: SheetNote[] = [];
  if (integration.paused) notes.push(info('This integration is marked paused in ACD Link Studio.'));
  if (system.vendor === 'avaya-cms' && integration.importType === 'agent-states' && integration.realTime) {
    notes.push(
      info(
        "Avaya CMS real-time states: the on-premise agent opens a listening TCP port, and Avaya's Generic RTA " +
          'service connects to it; allow that connection in the firewall.',
      ),
    );
  }
  if (integration.sql.trim() === '') notes.push(warning('The integration has no SQL query yet.'));
  return notes;
}

/** The columns the query must return, from the integration's rule set; columns outside the contract are left out. */
export function contractColumns(integration: Integration): ContractColumn[] {
  return getRuleSet(integration.ruleSet)
    .importTypes[integration.importType].columns.filter((column) => column.presence !== 'not-part-of-contract')
    .map((column) => ({
      name: column.name,
      type: COLUMN_TYPE_LABELS[column.type],
      required: column.presence === 'required',
      meaning: column.meaning,
    }));
}
