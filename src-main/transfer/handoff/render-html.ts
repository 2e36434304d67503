import type {
  ContractColumn,
  HandoffSheet,
  RuleCount,
  SheetField,
  SheetNote,
  SheetSection,
  ValidationBlock,
} from './handoff-sheet-model';
import { HANDOFF_CSS } from './html-style';
import { escapeHtml, escapeHtmlLine } from './html-text';

/**
 * One self-contained page: inline CSS, no script, nothing loaded from elsewhere (the CSP meta
 * enforces that even if some text slipped through unescaped). Every workspace text is escaped.
 */
export function renderSheetHtml(sheet: HandoffSheet): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtmlLine(sheet.generator)}">`,
    `<title>${escapeHtmlLine(`${sheet.title} (${sheet.systemName})`)}</title>`,
    `<style>${HANDOFF_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtmlLine(sheet.title)}</h1>`,
    `<p class="subtitle">External system: <strong>${escapeHtmlLine(sheet.systemName)}</strong>. ${escapeHtml(sheet.intro)}</p>`,
    '</header>',
    // Two stacks rather than two rows, so a tall block on one side does not leave a gap on the other.
    '<div class="grid">',
    '<div class="stack">',
    section(sheet.connection),
    '<section>',
    `<h2>${escapeHtmlLine(sheet.columnsTitle)}</h2>`,
    columnsTable(sheet.columns),
    '</section>',
    '</div>',
    '<div class="stack">',
    section(sheet.importSettings),
    validationSection(sheet.validation),
    '</div>',
    '</div>',
    '<section>',
    '<h2>SQL query</h2>',
    `<pre class="sql"><code>${escapeHtml(sheet.sql)}</code></pre>`,
    '</section>',
    '<section>',
    '<h2>How the WFM system imports</h2>',
    `<ul class="reminders">${sheet.reminders.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    '</section>',
    `<footer>${escapeHtml(sheet.footer)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section({ title, fields, notes }: SheetSection): string {
  return ['<section>', `<h2>${escapeHtmlLine(title)}</h2>`, fieldsTable(fields), notesList(notes), '</section>']
    .filter((part) => part !== '')
    .join('\n');
}

function fieldsTable(fields: SheetField[]): string {
  const rows = fields.map(
    ({ label, value, literal }) =>
      `<tr><th scope="row">${escapeHtmlLine(label)}</th><td>${literal ? `<code>${escapeHtmlLine(value)}</code>` : escapeHtmlLine(value)}</td></tr>`,
  );
  return `<table class="fields"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function notesList(notes: SheetNote[]): string {
  if (notes.length === 0) return '';
  const items = notes.map(
    ({ tone, text }) =>
      `<li class="${tone}">${tone === 'warning' ? '<strong>Warning:</strong> ' : ''}${escapeHtml(text)}</li>`,
  );
  return `<ul class="notes">\n${items.join('\n')}\n</ul>`;
}

function columnsTable(columns: ContractColumn[]): string {
  const rows = columns.map(
    (column) =>
      `<tr><td><code>${escapeHtmlLine(column.name)}</code></td><td>${escapeHtmlLine(column.type)}</td>` +
      `<td>${column.required ? 'yes' : 'no'}</td><td>${escapeHtmlLine(column.meaning)}</td></tr>`,
  );
  return [
    '<table class="columns">',
    '<thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Meaning</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function validationSection(block: ValidationBlock): string {
  if (block.state === 'missing')
    return ['<section>', '<h2>Last validation</h2>', notesList([block.note]), '</section>'].join('\n');
  return [
    '<section>',
    '<h2>Last validation</h2>',
    fieldsTable(block.fields),
    ruleCountsTable(block.ruleCounts),
    notesList(block.notes),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function ruleCountsTable(counts: RuleCount[]): string {
  if (counts.length === 0) return '';
  const rows = counts.map(
    (entry) =>
      `<tr><td><code>${escapeHtmlLine(entry.rule)}</code></td><td>${escapeHtmlLine(entry.title)}</td>` +
      `<td>${escapeHtmlLine(entry.severity)}</td><td class="number">${entry.count.toLocaleString('en-US')}</td></tr>`,
  );
  return [
    '<h3>Findings per rule</h3>',
    '<table class="rules">',
    '<thead><tr><th scope="col">Rule</th><th scope="col">What</th><th scope="col">Severity</th><th scope="col">Count</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
