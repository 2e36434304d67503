import { z } from 'zod';
import { importTypeSchema, intervalMinutesSchema, ruleSetSchema } from './model';

const countSchema = z.number().int().nonnegative();

/**
 * The last preview or full validation of an integration, kept for its hand-off sheet. Only the
 * summary: no rows and no findings list, because the sheet must stay one page and rows may hold
 * personal data.
 */
export const lastValidationSchema = z
  .object({
    /** preview: only the first rows were checked; full: every row the query returned. */
    kind: z.enum(['preview', 'full']),
    finishedAt: z.iso.datetime({ offset: true }),
    /** Of the SQL text exactly as it was run, so the sheet can say when the query changed since. */
    sqlSha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex digits' }),
    importType: importTypeSchema,
    intervalMinutes: intervalMinutesSchema,
    ruleSet: ruleSetSchema,
    rowsChecked: countSchema,
    countsBySeverity: z.object({ error: countSchema, warning: countSchema, info: countSchema }).strict(),
    /** Per rule id; only rules that occurred. */
    findingCounts: z.record(z.string(), countSchema),
    ok: z.boolean(),
    /** The earliest and latest value of the import type's time column, as UTC ISO strings. */
    firstTimestamp: z.string().nullable(),
    lastTimestamp: z.string().nullable(),
  })
  .strict();
export type LastValidation = z.infer<typeof lastValidationSchema>;
