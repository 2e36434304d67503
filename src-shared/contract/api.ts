import { z } from 'zod';
import { columnInfoSchema, connectionTestResultSchema, tableRefSchema, testTimeoutSchema } from './connection-test';
import {
  connectionSchema,
  importTypeSchema,
  intervalMinutesSchema,
  ruleSetSchema,
  integrationDraftSchema,
  integrationPatchSchema,
  integrationSchema,
  systemDraftSchema,
  systemPatchSchema,
  systemSchema,
  systemTreeNodeSchema,
  limitedText,
} from './model';
import { TEXT_LIMITS } from './text-limits';
import { transferApi } from './transfer';

const idSchema = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).positive();
const empty = z.object({}).strict();

export const secretStoreInfoSchema = z.object({
  kind: z.enum(['safe-storage', 'encrypted-file']),
  /** Shown to the user when the protection is weaker than the OS keychain. */
  warning: z.string().optional(),
});
export type SecretStoreInfo = z.infer<typeof secretStoreInfoSchema>;

/**
 * Test either a saved system (its stored connection and password) or the values of a form that
 * is not saved yet. A password typed into the form wins over the stored one.
 */
export const connectionTestInputSchema = z
  .object({
    systemId: idSchema.optional(),
    connection: connectionSchema.optional(),
    password: limitedText(TEXT_LIMITS.password).optional(),
    timeoutMs: testTimeoutSchema.optional(),
  })
  .strict()
  .refine((input) => input.systemId !== undefined || input.connection !== undefined, {
    error: 'give a systemId or a connection to test',
  });

export const previewInputSchema = z
  .object({
    systemId: idSchema,
    sql: limitedText(TEXT_LIMITS.sql).min(1, { error: 'the query is empty' }),
    limit: z
      .number()
      .int()
      .min(1, { error: 'must be at least 1' })
      .max(10_000, { error: 'must be at most 10000' })
      .default(200),
    /** The integration whose query this is: its last validation is kept for the hand-off sheet. */
    integrationId: idSchema.optional(),
    /** Chosen by the caller, so it can cancel this preview while it runs. */
    previewId: z.string().min(1).max(TEXT_LIMITS.runId).optional(),
    /** The server-side statement time limit. */
    timeoutMs: z.number().int().min(1000, { error: 'must be at least 1000 ms' }).max(600_000).default(30_000),
    /** Check the rows against an import contract (the integration form's current choices). */
    validation: z
      .object({ importType: importTypeSchema, intervalMinutes: intervalMinutesSchema, ruleSet: ruleSetSchema })
      .strict()
      .optional(),
  })
  .strict();

export const findingSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});
export type FindingDto = z.infer<typeof findingSchema>;

export const validationSummarySchema = z.object({
  rowsChecked: z.number(),
  findingCounts: z.record(z.string(), z.number()),
  countsBySeverity: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  findings: z.array(findingSchema),
  ok: z.boolean(),
  distinct: z.object({ queues: z.number(), channels: z.number(), agents: z.number(), activities: z.number() }),
  firstTimestamp: z.string().nullable(),
  lastTimestamp: z.string().nullable(),
});
export type ValidationSummaryDto = z.infer<typeof validationSummarySchema>;

/** Values cross transports as JSON; blobs and big integers are tagged so nothing is lost silently. */
export const cellValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({ $bigint: z.string() }),
  z.object({ $bytes: z.string() }),
]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const previewResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(cellValueSchema)),
  truncated: z.boolean(),
  elapsedMs: z.number(),
  /** Present when the preview was asked to validate. */
  validation: validationSummarySchema.optional(),
  /** The system's database time zone, in which naive timestamps were read. */
  timeZone: z.string().optional(),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;

/**
 * The one contract between the renderer (or CLI) and the services: `namespace.verb` → input and
 * output schemas. Handler and caller types derive from it, so a missing handler fails to compile.
 */
export const api = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      workspaceFile: z.string(),
      secretStore: secretStoreInfoSchema,
    }),
  },
  'workspace.tree': { input: empty, output: z.array(systemTreeNodeSchema) },
  'systems.create': { input: systemDraftSchema, output: systemSchema },
  'systems.update': {
    input: z.object({ id: idSchema, patch: systemPatchSchema }),
    output: systemSchema,
  },
  'systems.delete': { input: z.object({ id: idSchema }), output: z.object({ deletedIntegrations: z.number() }) },
  'integrations.create': {
    input: integrationDraftSchema.extend({ systemId: idSchema }).strict(),
    output: integrationSchema,
  },
  'integrations.update': {
    input: z.object({ id: idSchema, patch: integrationPatchSchema }),
    output: integrationSchema,
  },
  'integrations.delete': { input: z.object({ id: idSchema }), output: empty },
  'query.preview': { input: previewInputSchema, output: previewResultSchema },
  'query.validate': {
    input: z
      .object({
        systemId: idSchema,
        /** The integration whose query this is: its last validation is kept for the hand-off sheet. */
        integrationId: idSchema.optional(),
        sql: limitedText(TEXT_LIMITS.sql).min(1, { error: 'the query is empty' }),
        runId: z.string().min(1).max(TEXT_LIMITS.runId),
        validation: z
          .object({ importType: importTypeSchema, intervalMinutes: intervalMinutesSchema, ruleSet: ruleSetSchema })
          .strict(),
        /** Check only rows whose timestamp is in [from, to): ISO instants. */
        from: z.iso.datetime({ offset: true, error: 'must be an ISO date-time, e.g. 2026-11-20T00:00:00Z' }).optional(),
        to: z.iso.datetime({ offset: true, error: 'must be an ISO date-time, e.g. 2026-11-21T00:00:00Z' }).optional(),
        timeoutMs: z
          .number()
          .int()
          .min(1000)
          .max(6 * 3600_000)
          .default(30 * 60_000),
      })
      .strict(),
    output: validationSummarySchema.extend({
      rowsRead: z.number(),
      rowsSkipped: z.number(),
      elapsedMs: z.number(),
      peakRssMb: z.number(),
    }),
  },
  'query.cancel': {
    input: z.object({ previewId: z.string().min(1).max(TEXT_LIMITS.runId) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'odbc.sources': {
    input: empty,
    output: z.object({
      dataSources: z.array(
        z.object({
          name: z.string(),
          driver: z.string().optional(),
          description: z.string().optional(),
          scope: z.enum(['user', 'system']),
        }),
      ),
      drivers: z.array(z.object({ name: z.string(), file: z.string().optional() })),
      warnings: z.array(z.string()),
    }),
  },
  'odbc.lint': {
    input: z.object({ connectionString: limitedText(TEXT_LIMITS.connectionString) }).strict(),
    output: z.object({
      warnings: z.array(z.object({ code: z.string(), message: z.string() })),
      error: z.string().optional(),
    }),
  },
  'connections.test': { input: connectionTestInputSchema, output: connectionTestResultSchema },
  'connections.schemas': { input: z.object({ systemId: idSchema }).strict(), output: z.array(z.string()) },
  'connections.tables': {
    input: z.object({ systemId: idSchema, schema: limitedText(TEXT_LIMITS.identifier).nullable() }).strict(),
    output: z.array(tableRefSchema),
  },
  'connections.columns': {
    input: z
      .object({
        systemId: idSchema,
        schema: limitedText(TEXT_LIMITS.identifier).nullable(),
        table: limitedText(TEXT_LIMITS.identifier).min(1),
      })
      .strict(),
    output: z.array(columnInfoSchema),
  },
  ...transferApi,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type InputOf<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Api[M]['input']>;
export type OutputOf<M extends Method> = z.output<Api[M]['output']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** Server → client notifications. */
export const events = {
  'workspace.changed': z.object({ reason: z.string() }),
  /** Driver processes running and operations waiting for one (at most `limit` run at once). */
  'drivers.load': z.object({ running: z.number(), waiting: z.number(), limit: z.number() }),
  'query.progressed': z.object({
    runId: z.string(),
    rowsRead: z.number(),
    rowsChecked: z.number(),
    elapsedMs: z.number(),
  }),
  /**
   * A running import (bundle.plan, bundle.import, xlink.import): which step, and how many of its
   * systems are done. `runId` is the caller's, when it gave one.
   */
  'transfer.progressed': z.object({
    runId: z.string().optional(),
    phase: z.enum(['reading', 'checking', 'writing']),
    done: z.number(),
    total: z.number(),
  }),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
