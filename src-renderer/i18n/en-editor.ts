/**
 * English strings of the SQL editor and the template menu. Merge into `en` as one top-level key
 * (`...enEditor` or `editor: enEditor.editor`).
 */
export const enEditor = {
  editor: {
    loadFailed: 'The SQL editor could not be loaded; this plain text box works the same way.',
    runAction: 'Run preview',
    cancelAction: 'Cancel the running preview',
    keyboardHint:
      'Ctrl+Enter runs the preview, Esc cancels it. Tab indents; Ctrl+M (Ctrl+Shift+M on a Mac) makes Tab move to the next field.',
    completion: {
      required: 'required',
      optional: 'optional',
      alreadyUsed: 'already in the query',
      table: 'table',
      keyword: 'keyword',
    },
    templates: {
      label: 'Template',
      insert: 'Insert template',
      kind: {
        minimal: 'Minimal query (every contract column)',
        aggregated: 'Intervals from a per-contact table (SUM(CASE …))',
        'per-contact': 'Contacts from a call log (0/1 flags with CASE)',
        'state-changes': 'States from a log of state changes (LEAD)',
      },
      forDialect: '{{template}} — {{dialect}}',
    },
  },
} as const;
