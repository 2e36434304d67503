import { z } from 'zod';
import { describeCodePoint, forbiddenCharacterIn, normaliseName } from './name-rules';
import { secretKeysIn } from './odbc-secrets';
import { TEXT_LIMITS, tooLongMessage } from './text-limits';
import { canonicalTimeZone } from './time-zone';

/** Names are what admins see in the tree and what Xlink used as ini section names. */
export const NAME_MAX_LENGTH = TEXT_LIMITS.name;

/** Text of at most `limit` characters, with the limit in the message. */
export const limitedText = (limit: number) =>
  z.string({ error: 'must be text' }).max(limit, { error: tooLongMessage(limit) });

export const nameSchema = z
  .string({ error: 'must be text' })
  // Checked before trimming too: a megabyte of spaces is refused, not trimmed at length.
  .max(NAME_MAX_LENGTH * 4, { error: tooLongMessage(NAME_MAX_LENGTH) })
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(1, { error: 'must not be empty' })
      .max(NAME_MAX_LENGTH, { error: tooLongMessage(NAME_MAX_LENGTH) })
      .superRefine((value, ctx) => {
        const character = forbiddenCharacterIn(value);
        if (character === undefined) return;
        ctx.addIssue({
          code: 'custom',
          message:
            `must not contain control characters or other invisible ones (found ${describeCodePoint(character)}): ` +
            'they hide or reorder what the tree shows. Type the name again instead of pasting it.',
        });
      }),
  );

export const timeZoneSchema = limitedText(TEXT_LIMITS.timeZone).transform((value, ctx) => {
  const canonical = canonicalTimeZone(value);
  if (canonical === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a known IANA time zone (for example Europe/Brussels or UTC)`,
    });
    return z.NEVER;
  }
  return canonical;
});

export const VENDOR_INTERFACES = ['universal', 'avaya-cms', 'cisco-icm', 'other'] as const;
export const vendorInterfaceSchema = z.enum(VENDOR_INTERFACES, {
  error: `must be one of ${VENDOR_INTERFACES.join(', ')}`,
});
export type VendorInterface = z.infer<typeof vendorInterfaceSchema>;

export const IMPORT_TYPES = ['interval', 'contact', 'agent-states'] as const;
export const importTypeSchema = z.enum(IMPORT_TYPES, {
  error: `must be one of ${IMPORT_TYPES.join(', ')}`,
});
export type ImportType = z.infer<typeof importTypeSchema>;

export const INTERVAL_LENGTHS = [15, 30] as const;
export const intervalMinutesSchema = z.union([z.literal(15), z.literal(30)], {
  error: 'must be 15 or 30 minutes',
});

export const RULE_SETS = ['wfm-2024-05', 'wfm-2023-12'] as const;
export const ruleSetSchema = z.enum(RULE_SETS, { error: `must be one of ${RULE_SETS.join(', ')}` });
export const DEFAULT_RULE_SET = 'wfm-2024-05';

const portSchema = z
  .number({ error: 'must be a number from 1 to 65535' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be between 1 and 65535' })
  .max(65535, { error: 'must be between 1 and 65535' });
const hostSchema = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(TEXT_LIMITS.host, { error: tooLongMessage(TEXT_LIMITS.host) });
const databaseSchema = z
  .string({ error: 'is required' })
  .trim()
  .max(TEXT_LIMITS.database, { error: tooLongMessage(TEXT_LIMITS.database) });
const userSchema = z
  .string({ error: 'is required' })
  .trim()
  .max(TEXT_LIMITS.user, { error: tooLongMessage(TEXT_LIMITS.user) });

/** disable: plain TCP; require: encrypted, certificate not checked; verify: encrypted and checked. */
export const TLS_MODES = ['disable', 'require', 'verify'] as const;
const tlsModeSchema = z.enum(TLS_MODES, { error: `must be one of ${TLS_MODES.join(', ')}` }).default('disable');

/**
 * A connection as stored. Passwords are never part of it: they live in the SecretStore and
 * travel only as the write-only `password` field of a system draft.
 */
export const connectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('sqlite'),
      file: z
        .string({ error: 'is required' })
        .trim()
        .min(1, { error: 'must name a file' })
        .max(TEXT_LIMITS.filePath, { error: tooLongMessage(TEXT_LIMITS.filePath) }),
    }),
    z.object({
      kind: z.literal('postgres'),
      host: hostSchema,
      port: portSchema.default(5432),
      database: databaseSchema,
      user: userSchema,
      tls: tlsModeSchema,
    }),
    z.object({
      kind: z.literal('mysql'),
      host: hostSchema,
      port: portSchema.default(3306),
      database: databaseSchema,
      user: userSchema,
      tls: tlsModeSchema,
    }),
    z.object({
      kind: z.literal('mssql'),
      host: hostSchema,
      // A named instance is resolved through the SQL Server Browser (UDP 1434), so no port then.
      port: portSchema.optional(),
      instance: databaseSchema.optional(),
      database: databaseSchema,
      user: userSchema,
      // SQL Server's own defaults in current drivers: encrypted, certificate checked.
      encrypt: z.boolean({ error: 'must be true or false' }).default(true),
      trustServerCertificate: z.boolean({ error: 'must be true or false' }).default(false),
    }),
    z.object({
      kind: z.literal('odbc'),
      connectionString: z
        .string({ error: 'is required' })
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(TEXT_LIMITS.connectionString, { error: tooLongMessage(TEXT_LIMITS.connectionString) })
        .superRefine((value, ctx) => {
          const keys = secretKeysIn(value);
          if (keys.length > 0) {
            ctx.addIssue({
              code: 'custom',
              message:
                `remove ${keys.join(', ')}: a password in the connection string would be stored in clear text. ` +
                'Enter it in the password field instead; it is stored encrypted and added as PWD when connecting.',
            });
          }
        }),
    }),
  ],
  { error: 'kind must be one of sqlite, postgres, mysql, mssql, odbc' },
);
export type Connection = z.infer<typeof connectionSchema>;
export type ConnectionKind = Connection['kind'];

const systemFields = {
  name: nameSchema,
  vendor: vendorInterfaceSchema,
  timeZone: timeZoneSchema,
  connection: connectionSchema,
  /** Write-only. An empty string clears the stored password; absent leaves it unchanged. */
  password: limitedText(TEXT_LIMITS.password).optional(),
};

/** A patch changes only the fields it names: no defaults here (zod would fill them in). */
export const systemPatchSchema = z.object(systemFields).partial().strict();
export const systemDraftSchema = z
  .object({
    ...systemFields,
    vendor: vendorInterfaceSchema.default('universal'),
    timeZone: timeZoneSchema.default('UTC'),
  })
  .strict();
export type SystemDraft = z.input<typeof systemDraftSchema>;
export type SystemPatch = z.input<typeof systemPatchSchema>;

export const systemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  vendor: vendorInterfaceSchema,
  timeZone: z.string(),
  connection: connectionSchema,
  passwordSet: z.boolean(),
  isDemo: z.boolean(),
});
export type ExternalSystem = z.infer<typeof systemSchema>;

const integrationFields = {
  name: nameSchema,
  importType: importTypeSchema,
  intervalMinutes: intervalMinutesSchema,
  sql: limitedText(TEXT_LIMITS.sql),
  ruleSet: ruleSetSchema,
  realTime: z.boolean({ error: 'must be true or false' }),
  reconciliation: z.boolean({ error: 'must be true or false' }),
  paused: z.boolean({ error: 'must be true or false' }),
};

export const integrationPatchSchema = z.object(integrationFields).partial().strict();
export const integrationDraftSchema = z
  .object({
    ...integrationFields,
    intervalMinutes: intervalMinutesSchema.default(15),
    sql: integrationFields.sql.default(''),
    ruleSet: ruleSetSchema.default(DEFAULT_RULE_SET),
    realTime: integrationFields.realTime.default(false),
    // Reconciliation re-reads the last 24 hours every 15 minutes; the WFM system enables it by default.
    reconciliation: integrationFields.reconciliation.default(true),
    paused: integrationFields.paused.default(false),
  })
  .strict();
export type IntegrationDraft = z.input<typeof integrationDraftSchema>;
export type IntegrationPatch = z.input<typeof integrationPatchSchema>;

export const integrationSchema = z.object({
  id: z.number().int(),
  systemId: z.number().int(),
  name: z.string(),
  importType: importTypeSchema,
  intervalMinutes: z.union([z.literal(15), z.literal(30)]),
  sql: z.string(),
  ruleSet: ruleSetSchema,
  realTime: z.boolean(),
  reconciliation: z.boolean(),
  paused: z.boolean(),
});
export type Integration = z.infer<typeof integrationSchema>;

export const systemTreeNodeSchema = systemSchema.extend({ integrations: z.array(integrationSchema) });
export type SystemTreeNode = z.infer<typeof systemTreeNodeSchema>;
