import fs from 'node:fs';
import { z } from 'zod';
import { connectionSchema, type Connection } from '../../src-shared/contract/model';
import { formatIssues, issuesFromZod } from '../../src-shared/rpc/result';
import { UsageError } from './cli-io';

const MAX_FILE_BYTES = 1024 * 1024;

/** `--connection FILE.json`: a connection plus either `password` or `passwordEnv`. */
const secretFieldsSchema = z
  .object({
    password: z.string({ error: 'must be text' }).optional(),
    passwordEnv: z.string({ error: 'must name an environment variable' }).min(1).optional(),
  })
  .refine((value) => !(value.password !== undefined && value.passwordEnv !== undefined), {
    error: 'give "password" or "passwordEnv", not both',
  });

export function readConnectionFile(
  file: string,
  env: NodeJS.ProcessEnv,
): { connection: Connection; password?: string } {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES)
      throw new UsageError(`${file} is larger than 1 MB; a connection file is a small JSON object`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read the connection file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`${file} must hold a JSON object such as {"kind":"postgres","host":"…",…}`);
  }
  const { password, passwordEnv, ...rest } = json as Record<string, unknown>;
  const secrets = secretFieldsSchema.safeParse({ password, passwordEnv });
  if (!secrets.success) throw new UsageError(`${file}: ${formatIssues(issuesFromZod(secrets.error))}`);
  const connection = connectionSchema.safeParse(rest);
  if (!connection.success) throw new UsageError(`${file}: ${formatIssues(issuesFromZod(connection.error))}`);
  if (secrets.data.passwordEnv !== undefined) {
    const fromEnv = env[secrets.data.passwordEnv];
    if (fromEnv === undefined)
      throw new UsageError(`${file}: the environment variable ${secrets.data.passwordEnv} (passwordEnv) is not set`);
    return { connection: connection.data, password: fromEnv };
  }
  return {
    connection: connection.data,
    ...(secrets.data.password !== undefined ? { password: secrets.data.password } : {}),
  };
}
