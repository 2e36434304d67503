import { z } from 'zod';
import { importTypeSchema, intervalMinutesSchema, limitedText, ruleSetSchema, vendorInterfaceSchema } from './model';
import { TEXT_LIMITS } from './text-limits';

/**
 * Export and import: Xlink's isps_ul.ini both ways, workspace bundles, hand-off sheets and row
 * data. Every export is written atomically into a staging folder and handed over as a download
 * (web mode), a native save dialog (Electron) or `--out` (CLI).
 */

/** isps_ul.ini files are a few kilobytes; anything this big is not one. */
export const XLINK_FILE_MAX_BYTES = 2 * 1024 * 1024;
/** Bundles travel inside one RPC message; see WEBSOCKET_MAX_MESSAGE_BYTES. */
export const BUNDLE_MAX_BYTES = 3 * 1024 * 1024;
/** The base64 text of a file of XLINK_FILE_MAX_BYTES. */
const XLINK_BASE64_MAX_CHARS = Math.ceil(XLINK_FILE_MAX_BYTES / 3) * 4;

/**
 * The largest WebSocket message web mode takes. The largest legal calls must fit with room to
 * spare: an isps_ul.ini and an acd_map.ini of 2 MB each as base64 (5.6 MB), or a bundle of 3 M
 * characters, each of which JSON may escape to six bytes (\u0001) inside the message (18 MB).
 */
export const WEBSOCKET_MAX_MESSAGE_BYTES = 24 * 1024 * 1024;

const idSchema = z.number().int().positive();
const base64Schema = z
  .string()
  .max(XLINK_BASE64_MAX_CHARS, { error: `the file is larger than ${XLINK_FILE_MAX_BYTES / 1024 / 1024} MB` })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' });
const systemNameKeySchema = limitedText(TEXT_LIMITS.name * 4);

/** One thing the import or export could not carry over as it was, or did on an assumption. */
export const transferNoteSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** The ini section (system) or bundle system it concerns. */
  section: z.string().nullable(),
  key: z.string().nullable(),
  /** 1-based line in the file, when it comes from one. */
  line: z.number().int().nullable(),
  message: z.string(),
});
export type TransferNote = z.infer<typeof transferNoteSchema>;

export const conflictResolutionSchema = z.enum(['rename', 'skip', 'replace'], {
  error: 'must be rename, skip or replace',
});
export type ConflictResolution = z.infer<typeof conflictResolutionSchema>;

export const plannedIntegrationSchema = z.object({
  name: z.string(),
  importType: importTypeSchema,
  intervalMinutes: intervalMinutesSchema,
  ruleSet: ruleSetSchema,
  realTime: z.boolean(),
  reconciliation: z.boolean(),
  sql: z.string(),
});
export type PlannedIntegration = z.infer<typeof plannedIntegrationSchema>;

export const plannedSystemSchema = z.object({
  name: z.string(),
  vendor: vendorInterfaceSchema,
  /** What the import will store: an ODBC DSN connection string (never a password). */
  connectionString: z.string(),
  /** An existing system has this name (case-insensitive): the caller chooses what happens. */
  conflict: z.boolean(),
  integrations: z.array(plannedIntegrationSchema),
});
export type PlannedSystem = z.infer<typeof plannedSystemSchema>;

const xlinkFilesSchema = z
  .object({
    /** The isps_ul.ini bytes, base64: the encoding (UTF-8, UTF-16, Windows-1252) is detected. */
    iniBase64: base64Schema,
    /** Optional acd_map.ini with the queue value-type mapping. */
    acdMapBase64: base64Schema.optional(),
    fileName: z.string().max(255).optional(),
  })
  .strict();

export const xlinkPlanSchema = z.object({
  encoding: z.string(),
  systems: z.array(plannedSystemSchema),
  notes: z.array(transferNoteSchema),
});
export type XlinkPlan = z.infer<typeof xlinkPlanSchema>;

export const createdItemsSchema = z.object({
  systems: z.array(z.object({ id: z.number(), name: z.string(), replaced: z.boolean() })),
  integrations: z.array(z.object({ id: z.number(), systemId: z.number(), name: z.string() })),
  skipped: z.array(z.string()),
});
export type CreatedItems = z.infer<typeof createdItemsSchema>;

/** Per system name as planned: what to do when it already exists. Missing means "rename". */
const resolutionsSchema = z.record(systemNameKeySchema, conflictResolutionSchema).default({});
/** Passwords typed in during the import, per system name as planned; stored encrypted. */
const passwordsSchema = z.record(systemNameKeySchema, limitedText(TEXT_LIMITS.password)).default({});

export const bundlePlanSchema = z.object({
  formatVersion: z.number(),
  exportedAt: z.string(),
  secrets: z.enum(['none', 'encrypted']),
  systems: z.array(
    plannedSystemSchema.omit({ connectionString: true }).extend({
      connectionKind: z.string(),
      /** The connection uses a password and the bundle does not carry it: the import asks. */
      needsPassword: z.boolean(),
    }),
  ),
});
export type BundlePlan = z.infer<typeof bundlePlanSchema>;

export const EXPORT_FORMATS = ['ini', 'json', 'handoff-html', 'handoff-md', 'csv', 'jsonl'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` });
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** A finished export in the staging folder, ready to be downloaded or saved. */
export const exportedFileSchema = z.object({
  downloadId: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  notes: z.array(transferNoteSchema),
  /** For row exports: rows written and rows left out because a finding made them invalid. */
  rowsWritten: z.number().optional(),
  rowsLeftOut: z.number().optional(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

/** The caller's name for a long import, repeated in its `transfer.progressed` events. */
const transferRunIdSchema = z.string().min(1).max(TEXT_LIMITS.runId).optional();

const passphraseSchema = z
  .string()
  .min(8, { error: 'the passphrase must have at least 8 characters' })
  .max(TEXT_LIMITS.password, { error: `the passphrase must have at most ${TEXT_LIMITS.password} characters` });

export const transferApi = {
  'xlink.plan': { input: xlinkFilesSchema.extend({ runId: transferRunIdSchema }).strict(), output: xlinkPlanSchema },
  'xlink.import': {
    input: xlinkFilesSchema
      .extend({ resolutions: resolutionsSchema, passwords: passwordsSchema, runId: transferRunIdSchema })
      .strict(),
    output: createdItemsSchema.extend({ notes: z.array(transferNoteSchema) }),
  },
  'xlink.export': {
    input: z.object({ systemIds: z.array(idSchema).optional() }).strict(),
    output: exportedFileSchema,
  },
  'bundle.export': {
    input: z
      .object({
        systemIds: z.array(idSchema).optional(),
        /** Include the stored passwords, encrypted with a key derived from this passphrase. */
        passphrase: passphraseSchema.optional(),
      })
      .strict(),
    output: exportedFileSchema,
  },
  'bundle.plan': {
    input: z
      .object({
        content: z.string().max(BUNDLE_MAX_BYTES, { error: 'the bundle is larger than 3 MB' }),
        runId: transferRunIdSchema,
      })
      .strict(),
    output: bundlePlanSchema,
  },
  'bundle.import': {
    input: z
      .object({
        content: z.string().max(BUNDLE_MAX_BYTES, { error: 'the bundle is larger than 3 MB' }),
        passphrase: limitedText(TEXT_LIMITS.password).optional(),
        resolutions: resolutionsSchema,
        passwords: passwordsSchema,
        runId: transferRunIdSchema,
      })
      .strict(),
    output: createdItemsSchema,
  },
  'handoff.export': {
    input: z.object({ integrationId: idSchema, format: z.enum(['html', 'markdown']) }).strict(),
    output: exportedFileSchema,
  },
  'rows.export': {
    input: z
      .object({
        systemId: idSchema,
        /** Named in the file name and checked against when the SQL is the integration's own. */
        integrationId: idSchema.optional(),
        sql: limitedText(TEXT_LIMITS.sql).min(1, { error: 'the query is empty' }),
        validation: z
          .object({ importType: importTypeSchema, intervalMinutes: intervalMinutesSchema, ruleSet: ruleSetSchema })
          .strict(),
        format: z.enum(['csv', 'jsonl']),
        /** preview: the first `limit` rows; full: every row, streamed in the driver process. */
        scope: z.enum(['preview', 'full']),
        limit: z.number().int().min(1).max(10_000).default(200),
        /** Rows with an error finding are left out unless this is set. */
        includeInvalid: z.boolean().default(false),
        runId: z.string().min(1).max(TEXT_LIMITS.runId).optional(),
        timeoutMs: z
          .number()
          .int()
          .min(1000)
          .max(6 * 3600_000)
          .default(30 * 60_000),
      })
      .strict(),
    output: exportedFileSchema,
  },
} as const;
