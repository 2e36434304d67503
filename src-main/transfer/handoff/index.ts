/**
 * The hand-off sheet: one printable page per integration with the values to type into the WFM
 * system's integration form and the last validation. Never a password: the input carries none
 * (an ExternalSystem only says whether one is set), and ODBC strings are masked on top.
 */
import type { LastValidation } from '../../../src-shared/contract/last-validation';
import type { ExternalSystem, Integration } from '../../../src-shared/contract/model';
import { buildHandoffSheet } from './build-handoff-sheet';
import { renderSheetHtml } from './render-html';
import { renderSheetMarkdown } from './render-markdown';

export { handoffFileName } from './handoff-file-name';

export interface HandoffInput {
  system: ExternalSystem;
  integration: Integration;
  lastValidation?: LastValidation;
  generatedAt: Date;
  appVersion: string;
}

/** One self-contained printable HTML page. */
export function renderHandoffHtml(input: HandoffInput): string {
  return renderSheetHtml(buildHandoffSheet(input));
}

/** The same sheet as GitHub-flavoured Markdown. */
export function renderHandoffMarkdown(input: HandoffInput): string {
  return renderSheetMarkdown(buildHandoffSheet(input));
}
