/**
 * The connection's password in the texts an export produces about the data: finding messages
 * quote cell values ("queuename "…" is …") and name columns by the query's aliases, and a summary
 * or a warning may be shown, logged or passed on, so the password is replaced there by ***.
 *
 * Data is never redacted. A file holds exactly what the database returned: replacing the
 * password inside values silently corrupted them (with the password "2026", "Queue 2026 north"
 * became "Queue *** north" and every timestamp of 2026 became unreadable). Whoever runs the query
 * can read those values anyway; a value that IS the password gets a warning instead
 * (password-values.ts).
 */
import type { ValidationSummary } from '../validation';

export const REDACTED = '***';
/**
 * A password shorter than this is not searched for: replacing every "ab" would make the messages
 * unreadable while protecting a password that weak anyway.
 */
export const MIN_REDACTED_LENGTH = 4;

export interface Redactor {
  /** A message or column name with the password replaced. */
  text(value: string): string;
  /** The summary with the password replaced in every finding's column and message. */
  summary(summary: ValidationSummary): ValidationSummary;
}

export function createRedactor(secret: string | undefined): Redactor {
  const needle = secret !== undefined && secret.length >= MIN_REDACTED_LENGTH ? secret : undefined;
  const text = (value: string): string =>
    needle === undefined || !value.includes(needle) ? value : value.split(needle).join(REDACTED);
  return {
    text,
    summary: (summary) =>
      needle === undefined
        ? summary
        : {
            ...summary,
            findings: summary.findings.map((item) => ({
              ...item,
              column: item.column === null ? null : text(item.column),
              message: text(item.message),
            })),
          },
  };
}
