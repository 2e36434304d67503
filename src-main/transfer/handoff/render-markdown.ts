import type {
  ContractColumn,
  HandoffSheet,
  RuleCount,
  SheetField,
  SheetNote,
  SheetSection,
  ValidationBlock,
} from './handoff-sheet-model';
import { escapeMarkdown, markdownCode, markdownFence } from './markdown-text';

/** GitHub-flavoured Markdown: field tables, the SQL in a fence, every workspace text escaped. */
export function renderSheetMarkdown(sheet: HandoffSheet): string {
  const blocks = [
    `# ${escapeMarkdown(sheet.title)}`,
    `External system: **${escapeMarkdown(sheet.systemName)}**`,
    escapeMarkdown(sheet.intro),
    ...section(sheet.connection),
    ...section(sheet.importSettings),
    `## ${escapeMarkdown(sheet.columnsTitle)}`,
    columnsTable(sheet.columns),
    '## SQL query',
    markdownFence(sheet.sql, 'sql'),
    ...validationSection(sheet.validation),
    '## How the WFM system imports',
    sheet.reminders.map((line) => `- ${escapeMarkdown(line)}`).join('\n'),
    '---',
    `_${escapeMarkdown(sheet.footer)}_`,
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function section({ title, fields, notes }: SheetSection): string[] {
  return [`## ${escapeMarkdown(title)}`, fieldsTable(fields), notesList(notes)];
}

function fieldsTable(fields: SheetField[]): string {
  return table(
    ['Field', 'Value'],
    fields.map(({ label, value, literal }) => [
      escapeMarkdown(label),
      literal ? markdownCode(value) : escapeMarkdown(value),
    ]),
  );
}

function notesList(notes: SheetNote[]): string {
  return notes
    .map(({ tone, text }) => `> ${tone === 'warning' ? '**Warning:** ' : ''}${escapeMarkdown(text)}`)
    .join('\n>\n');
}

function columnsTable(columns: ContractColumn[]): string {
  return table(
    ['Column', 'Type', 'Required', 'Meaning'],
    columns.map((column) => [
      markdownCode(column.name),
      escapeMarkdown(column.type),
      column.required ? 'yes' : 'no',
      escapeMarkdown(column.meaning),
    ]),
  );
}

function validationSection(block: ValidationBlock): string[] {
  if (block.state === 'missing') return ['## Last validation', notesList([block.note])];
  return ['## Last validation', fieldsTable(block.fields), ruleCountsTable(block.ruleCounts), notesList(block.notes)];
}

function ruleCountsTable(counts: RuleCount[]): string {
  if (counts.length === 0) return '';
  return `### Findings per rule\n\n${table(
    ['Rule', 'What', 'Severity', 'Count'],
    counts.map((entry) => [
      markdownCode(entry.rule),
      escapeMarkdown(entry.title),
      escapeMarkdown(entry.severity),
      entry.count.toLocaleString('en-US'),
    ]),
  )}`;
}
