import { z } from 'zod';

/**
 * Why a connection failed, in terms an admin can act on. `OK` is the category of a successful
 * test, so every result carries one.
 */
export const CONNECTION_CATEGORIES = [
  'OK',
  'AUTH',
  'UNREACHABLE',
  'TIMEOUT',
  'TLS',
  'DATABASE_NOT_FOUND',
  'DRIVER_MISSING',
  'BAD_CONFIG',
  'ERROR',
  // A preview the user stopped; never the answer of a connection test.
  'CANCELLED',
] as const;
export const connectionCategorySchema = z.enum(CONNECTION_CATEGORIES);
export type ConnectionCategory = z.infer<typeof connectionCategorySchema>;
export type FailureCategory = Exclude<ConnectionCategory, 'OK'>;

export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  category: connectionCategorySchema,
  /** What happened and what to do; never contains a password. */
  message: z.string(),
  serverVersion: z.string().nullable(),
  elapsedMs: z.number(),
  warnings: z.array(z.string()),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

export const DEFAULT_TEST_TIMEOUT_MS = 10_000;
export const testTimeoutSchema = z
  .number({ error: 'must be a number of milliseconds' })
  .int({ error: 'must be a whole number of milliseconds' })
  .min(500, { error: 'must be at least 500 ms' })
  .max(120_000, { error: 'must be at most 120000 ms' });

export const tableRefSchema = z.object({
  schema: z.string().nullable(),
  name: z.string(),
  type: z.enum(['table', 'view']),
});
export type TableRef = z.infer<typeof tableRefSchema>;
export const columnInfoSchema = z.object({ name: z.string(), type: z.string(), nullable: z.boolean().nullable() });
export type ColumnInfo = z.infer<typeof columnInfoSchema>;
