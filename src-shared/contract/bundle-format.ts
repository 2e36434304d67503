import { z } from 'zod';
import {
  connectionSchema,
  importTypeSchema,
  intervalMinutesSchema,
  NAME_MAX_LENGTH,
  ruleSetSchema,
  timeZoneSchema,
  vendorInterfaceSchema,
} from './model';

/**
 * The workspace bundle file, formatVersion 1: a JSON file that carries external systems and their
 * integrations from one workspace to another.
 *
 * ```json
 * {
 *   "$schema": "https://acd-link-studio.invalid/schemas/workspace-bundle-v1.schema.json",
 *   "format": "acd-link-studio/workspace-bundle",
 *   "formatVersion": 1,
 *   "exportedAt": "2024-05-01T08:00:00.000Z",
 *   "exportedBy": { "app": "ACD Link Studio", "version": "0.1.0" },
 *   "systems": [
 *     { "name": "Avaya", "vendor": "avaya-cms", "timeZone": "Europe/Brussels",
 *       "connection": { "kind": "postgres", "host": "acd01", "port": 5432, "database": "cms", "user": "wfm", "tls": "disable" },
 *       "passwordSet": true, "passwordIncluded": true,
 *       "integrations": [ { "name": "Calls", "importType": "interval", "intervalMinutes": 15, "ruleSet": "wfm-2024-05",
 *                           "realTime": false, "reconciliation": true, "paused": false, "sql": "SELECT ..." } ] }
 *   ],
 *   "secrets": { "cipher": "aes-256-gcm", "kdf": { "name": "scrypt", "N": 32768, "r": 8, "p": 1, "salt": "…" },
 *                "iv": "…", "tag": "…", "data": "…" }
 * }
 * ```
 *
 * - `passwordSet`: the system had a stored password when it was exported. Without `secrets` the
 *   import asks for it (database kinds only: an SQLite file has no login).
 * - `passwordIncluded`: the encrypted `secrets` carry this system's password.
 * - `secrets` (only when exported with a passphrase): `data` is the AES-256-GCM encryption of the
 *   JSON object `{ "<index in systems>": "<password>" }`, under a key derived with scrypt from the
 *   passphrase (NFC-normalised) and `salt`. The additional authenticated data is the canonical JSON
 *   (keys sorted, no spaces) of the `systems` array as written, so changing any system (its host,
 *   say) makes decryption fail instead of sending its password elsewhere. salt, iv, tag and data
 *   are base64.
 * - Objects are closed: an unknown key is an error, so a typo is not silently ignored.
 */
export const BUNDLE_FORMAT = 'acd-link-studio/workspace-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_SCHEMA_URL = 'https://acd-link-studio.invalid/schemas/workspace-bundle-v1.schema.json';
/** Where the JSON Schema generated from bundleFileSchema is published in the repository. */
export const BUNDLE_SCHEMA_FILE = 'docs/schemas/workspace-bundle-v1.schema.json';

/** scrypt costs a bundle may ask for: enough for any sane setting, bounded so a hostile file cannot exhaust memory. */
export const SCRYPT_LIMITS = {
  minLogN: 14,
  maxLogN: 18,
  maxR: 16,
  maxP: 4,
  maxMemoryBytes: 256 * 1024 * 1024,
} as const;

/**
 * Names become ini section names and parts of exported file names, so an imported name must not
 * look like a path or hide control characters (Unicode Cc: U+0000-001F, U+007F-009F). A pattern,
 * not a function, so the published JSON Schema states the same rule.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const SAFE_NAME_PATTERN = /^(?!.*\.\.)[^/\\\u0000-\u001f\u007f-\u009f]*$/;
export const PATH_LIKE_NAME_MESSAGE = 'must not contain "/", "\\", ".." or control characters';
export const isPathLikeName = (name: string): boolean => !SAFE_NAME_PATTERN.test(name);

const importNameSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(NAME_MAX_LENGTH, { error: `must be at most ${NAME_MAX_LENGTH} characters` })
  .regex(SAFE_NAME_PATTERN, { error: PATH_LIKE_NAME_MESSAGE });

/** Connections as the model stores them, but closed: a stray "password" key is an error, not silently dropped. */
const [sqliteConnection, postgresConnection, mysqlConnection, mssqlConnection, odbcConnection] =
  connectionSchema.options;
const closedConnectionSchema = z.discriminatedUnion(
  'kind',
  [
    sqliteConnection.strict(),
    postgresConnection.strict(),
    mysqlConnection.strict(),
    mssqlConnection.strict(),
    odbcConnection.strict(),
  ],
  { error: 'kind must be one of sqlite, postgres, mysql, mssql, odbc' },
);

const base64 = (bytes: { min: number; max: number }, what: string) =>
  z
    .string({ error: 'must be base64 text' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' })
    .refine(
      (value) => {
        const length = Math.floor((value.replace(/=+$/, '').length * 3) / 4);
        return length >= bytes.min && length <= bytes.max;
      },
      { error: `must be ${what}` },
    );

const flag = z.boolean({ error: 'must be true or false' });

export const bundleIntegrationSchema = z.strictObject({
  name: importNameSchema,
  importType: importTypeSchema,
  intervalMinutes: intervalMinutesSchema.default(15),
  ruleSet: ruleSetSchema.default('wfm-2024-05'),
  realTime: flag.default(false),
  reconciliation: flag.default(true),
  paused: flag.default(false),
  sql: z.string({ error: 'must be text' }),
});

export const bundleSystemSchema = z.strictObject({
  name: importNameSchema,
  vendor: vendorInterfaceSchema.default('universal'),
  timeZone: timeZoneSchema.meta({ description: 'IANA time zone of the database, e.g. Europe/Brussels' }),
  connection: closedConnectionSchema.meta({ description: 'As stored: never a password (ODBC strings without PWD)' }),
  passwordSet: flag.default(false).meta({ description: 'The system had a stored password when it was exported' }),
  passwordIncluded: flag
    .optional()
    .meta({ description: 'The encrypted secrets carry this password (only with secrets and passwordSet)' }),
  integrations: z.array(bundleIntegrationSchema, { error: 'must be a list' }).default([]),
});

const logN = (n: number) => Math.log2(n);
export const bundleSecretsSchema = z
  .strictObject({
    cipher: z.literal('aes-256-gcm', { error: 'must be "aes-256-gcm"' }),
    kdf: z.strictObject({
      name: z.literal('scrypt', { error: 'must be "scrypt"' }),
      N: z
        .number({ error: 'must be a number' })
        .int({ error: 'must be a whole number' })
        .min(2 ** SCRYPT_LIMITS.minLogN, { error: `must be at least 2^${SCRYPT_LIMITS.minLogN}` })
        .max(2 ** SCRYPT_LIMITS.maxLogN, { error: `must be at most 2^${SCRYPT_LIMITS.maxLogN}` })
        .refine((n) => Number.isInteger(logN(n)), { error: 'must be a power of 2' }),
      r: z.number({ error: 'must be a number' }).int().min(1).max(SCRYPT_LIMITS.maxR),
      p: z.number({ error: 'must be a number' }).int().min(1).max(SCRYPT_LIMITS.maxP),
      salt: base64({ min: 16, max: 64 }, '16 to 64 bytes of base64'),
    }),
    iv: base64({ min: 12, max: 12 }, '12 bytes of base64'),
    tag: base64({ min: 16, max: 16 }, '16 bytes of base64'),
    data: base64({ min: 0, max: Number.MAX_SAFE_INTEGER }, 'base64'),
  })
  .refine((secrets) => 128 * secrets.kdf.N * secrets.kdf.r <= SCRYPT_LIMITS.maxMemoryBytes, {
    error: 'N × r asks for more than 256 MB of memory',
    path: ['kdf'],
  });

export const bundleFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(BUNDLE_FORMAT, { error: `must be "${BUNDLE_FORMAT}"` }),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION, {
      error: `this version reads formatVersion ${BUNDLE_FORMAT_VERSION}`,
    }),
    exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date and time' }),
    exportedBy: z.strictObject({
      app: z.string({ error: 'must be text' }),
      version: z.string({ error: 'must be text' }),
    }),
    systems: z.array(bundleSystemSchema, { error: 'must be a list' }),
    secrets: bundleSecretsSchema.optional(),
  })
  .superRefine((bundle, ctx) => {
    bundle.systems.forEach((system, index) => {
      if (!system.passwordIncluded) return;
      if (!bundle.secrets || !system.passwordSet) {
        ctx.addIssue({
          code: 'custom',
          path: ['systems', index, 'passwordIncluded'],
          message: bundle.secrets ? 'needs passwordSet: true' : 'the bundle has no secrets to include it from',
        });
      }
    });
  })
  .meta({
    title: 'ACD Link Studio workspace bundle',
    description: 'External systems and integrations exported from ACD Link Studio (formatVersion 1).',
  });

export type BundleFile = z.output<typeof bundleFileSchema>;
export type BundleFileInput = z.input<typeof bundleFileSchema>;
export type BundleSystem = z.output<typeof bundleSystemSchema>;
export type BundleSecrets = z.output<typeof bundleSecretsSchema>;

/** The JSON Schema published at BUNDLE_SCHEMA_FILE: what a bundle file may contain (the input side). */
export function bundleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(bundleFileSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...generated, $id: BUNDLE_SCHEMA_URL };
}
