/**
 * The sheet's only styling, inline so the file stands alone. On paper it aims at one A4 page for
 * a usual query: two columns for the form fields, small monospace SQL that wraps, and tables that
 * are never split across pages.
 */
export const HANDOFF_CSS = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html { color-scheme: light; }
body { margin: 0; background: #fff; color: #1b1b1b; font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5em; margin: 0; }
h2 { font-size: 1.1em; margin: 1.1em 0 0.35em; padding-bottom: 0.15em; border-bottom: 1px solid #c8c8c8; }
h3 { font-size: 1em; margin: 0.9em 0 0.3em; }
p { margin: 0.3em 0; }
.subtitle { color: #444; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 0 1.5rem; }
table { width: 100%; border-collapse: collapse; page-break-inside: avoid; break-inside: avoid; }
th, td { padding: 0.15em 0.45em; text-align: left; vertical-align: top; border-bottom: 1px solid #e2e2e2; }
thead th { border-bottom: 1px solid #9a9a9a; font-weight: 600; }
table.fields th { width: 1%; white-space: nowrap; font-weight: 600; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font-family: ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; }
code { font-size: 0.92em; background: #f3f3f3; padding: 0 0.2em; border-radius: 2px; overflow-wrap: anywhere; }
table.columns code, table.rules code { white-space: nowrap; overflow-wrap: normal; }
table.columns td:nth-child(2), table.columns td:nth-child(3) { white-space: nowrap; }
pre.sql { margin: 0; padding: 0.5em 0.7em; font-size: 0.88em; line-height: 1.3; white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; border: 1px solid #d5d5d5; border-radius: 3px; }
ul.notes { list-style: none; margin: 0.4em 0 0; padding: 0; }
ul.notes li { margin: 0.2em 0; padding: 0.15em 0.5em; border-left: 3px solid #8a8a8a; background: #f4f4f4; }
ul.notes li.warning { border-left-color: #b35c00; background: #fff3e0; }
ul.reminders { margin: 0.2em 0; padding-left: 1.2em; }
footer { margin-top: 1.2em; padding-top: 0.3em; border-top: 1px solid #c8c8c8; color: #555; font-size: 0.85em; }
@media print {
  body { font-size: 8pt; line-height: 1.3; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 0.6em; }
  th, td { padding: 0.1em 0.4em; }
  .grid { grid-template-columns: 1fr 1fr; }
  pre.sql { font-size: 6.5pt; line-height: 1.25; }
  ul.reminders { columns: 2; column-gap: 1.5rem; }
  footer { margin-top: 0.6em; }
  ul.notes, ul.reminders, footer { break-inside: avoid; }
}
`;
