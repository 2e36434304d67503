import fs from 'node:fs';
import type { z } from 'zod';
import {
  importTypeSchema,
  intervalMinutesSchema,
  ruleSetSchema,
  timeZoneSchema,
} from '../../src-shared/contract/model';
import { formatIssues, issuesFromZod } from '../../src-shared/rpc/result';
import type { ContractChoice } from '../services/run-query';
import { UsageError } from './cli-io';
import { readConnectionFile } from './connection-file';
import { parseIntegerOption } from './parse-options';

export const QUERY_OPTIONS = {
  connection: { type: 'string' },
  'import-type': { type: 'string' },
  sql: { type: 'string' },
  timezone: { type: 'string' },
  interval: { type: 'string' },
  rules: { type: 'string' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const;

type QueryValues = {
  [K in keyof typeof QUERY_OPTIONS]?: (typeof QUERY_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** The options preview and validate share: where to connect, what SQL, which import contract. */
export function readQueryOptions(command: string, values: QueryValues, env: NodeJS.ProcessEnv, stdin: () => string) {
  for (const required of ['connection', 'import-type', 'sql'] as const) {
    if (values[required] === undefined) throw new UsageError(`${command}: --${required} is required`);
  }
  const parse = <S extends z.ZodType>(flag: string, schema: S, value: unknown): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw new UsageError(`${command}: --${flag} ${formatIssues(issuesFromZod(result.error))}`);
    return result.data;
  };
  const contract: ContractChoice = {
    importType: parse('import-type', importTypeSchema, values['import-type']),
    intervalMinutes: parse(
      'interval',
      intervalMinutesSchema,
      parseIntegerOption(command, 'interval', values.interval) ?? 15,
    ),
    ruleSet: parse('rules', ruleSetSchema, values.rules ?? 'wfm-2024-05'),
    timeZone: parse('timezone', timeZoneSchema, values.timezone ?? 'UTC'),
  };
  const sql = readSql(command, values.sql ?? '', stdin);
  const { connection, password } = readConnectionFile(values.connection ?? '', env);
  const timeoutMs = parseIntegerOption(command, 'timeout-ms', values['timeout-ms']);
  if (timeoutMs !== undefined && timeoutMs < 1000)
    throw new UsageError(`${command}: --timeout-ms must be at least 1000`);
  return { contract, sql, connection, password, timeoutMs };
}

function readSql(command: string, source: string, stdin: () => string): string {
  let text: string;
  try {
    text = source === '-' ? stdin() : fs.readFileSync(source, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${command}: cannot read --sql ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (text.trim() === '')
    throw new UsageError(`${command}: the SQL in ${source === '-' ? 'standard input' : source} is empty`);
  return text;
}
