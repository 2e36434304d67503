/** How the WFM system imports, in brief: what the admin should know before switching it on. */
export const IMPORT_REMINDERS: readonly string[] = [
  'Imports run every 15 minutes; real-time agent states every 10 seconds.',
  'Data reconciliation reads the last 24 hours again at every import, so corrections arrive.',
  'A new integration first imports up to three years of history.',
  'Editing an integration keeps importing from where it was: re-importing the past needs a new integration.',
  'A pause shorter than 24 hours is caught up on restart; a longer one loses what is older than 24 hours.',
  'Every new queue identifier creates a new queue in the WFM system: keep identifiers stable.',
];
