import fs from 'node:fs';
import { ServiceError } from '../../../src-shared/rpc/result';
import { runInDriverProcess } from '../../driver-process/driver-runner';
import { previewQuery, validateQuery } from '../../services/run-query';
import { type Command, EXIT_CHECK_FAILED, EXIT_OK, UsageError } from '../cli-io';
import { parseIntegerOption, parseOptions } from '../parse-options';
import { QUERY_OPTIONS, readQueryOptions } from '../query-options';

export const QUERY_USAGE = `Usage:
  acd-link preview  --connection FILE.json --import-type interval|contact|agent-states --sql FILE|-
                    [--limit N] [--timezone ZONE] [--interval 15|30] [--rules wfm-2024-05|wfm-2023-12] [--json]
  acd-link validate (the same options, no --limit) [--from ISO] [--to ISO]
      Exit 0 when no finding is an error, 1 when one is, 2 for bad input.`;

const stdin = () => fs.readFileSync(0, 'utf8');

const target = (options: ReturnType<typeof readQueryOptions>) => ({
  run: runInDriverProcess,
  connection: options.connection,
  password: options.password,
  sql: options.sql,
});

/** Refusals (a write, two statements) are the user's to fix: exit 2; a failed query: exit 1. */
function asExit(error: unknown, command: string): never {
  if (error instanceof ServiceError && error.code === 'QUERY_REFUSED')
    throw new UsageError(`${command}: ${error.message}`);
  throw error;
}

export const previewCommand: Command = async ({ io, args }) => {
  const values = parseOptions('preview', args, { ...QUERY_OPTIONS, limit: { type: 'string' } });
  const options = readQueryOptions('preview', values, io.env, stdin);
  const limit = parseIntegerOption('preview', 'limit', values.limit) ?? 200;
  if (limit < 1 || limit > 10_000) throw new UsageError('preview: --limit must be from 1 to 10000');
  const result = await previewQuery(
    { ...target(options), signal: io.signal },
    { limit, timeoutMs: options.timeoutMs ?? 30_000, contract: options.contract },
  ).catch((error: unknown) => asExit(error, 'preview'));
  const summary = result.validation;
  if (values.json) {
    const { findings = [], ...rest } = summary ?? {};
    io.out(
      JSON.stringify(
        { columns: result.columns, rows: result.rows, truncated: result.truncated, findings, summary: rest },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.out(
      `${result.rows.length} row(s)${result.truncated ? ` (the first ${limit}; the result has more)` : ''}, columns: ${result.columns.join(', ')}\n`,
    );
    for (const finding of summary?.findings ?? [])
      io.out(
        `${finding.severity}: row ${finding.row}${finding.column ? ` ${finding.column}` : ''}: ${finding.message}\n`,
      );
    if (summary?.ok && summary.findings.length === 0) io.out('No findings.\n');
  }
  return summary?.ok === false ? EXIT_CHECK_FAILED : EXIT_OK;
};

export const validateCommand: Command = async ({ io, args }) => {
  const values = parseOptions('validate', args, { ...QUERY_OPTIONS, from: { type: 'string' }, to: { type: 'string' } });
  const options = readQueryOptions('validate', values, io.env, stdin);
  for (const flag of ['from', 'to'] as const) {
    if (values[flag] !== undefined && Number.isNaN(Date.parse(values[flag] ?? ''))) {
      throw new UsageError(`validate: --${flag} must be an ISO date-time such as 2026-11-20T00:00:00Z`);
    }
  }
  const started = performance.now();
  const result = await validateQuery(
    { ...target(options), signal: io.signal },
    {
      contract: options.contract,
      timeoutMs: options.timeoutMs ?? 30 * 60_000,
      ...(values.from ? { from: new Date(values.from).toISOString() } : {}),
      ...(values.to ? { to: new Date(values.to).toISOString() } : {}),
      onProgress: (rowsRead) => {
        const seconds = (performance.now() - started) / 1000;
        io.err(`validate: ${rowsRead} rows read, ${Math.round(rowsRead / Math.max(seconds, 0.001))} rows/s\n`);
      },
    },
  ).catch((error: unknown) => asExit(error, 'validate'));
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          rowsChecked: result.rowsChecked,
          rowsRead: result.rowsRead,
          findingCounts: result.findingCounts,
          findings: result.findings,
          ok: result.ok,
          summary: {
            countsBySeverity: result.countsBySeverity,
            distinct: result.distinct,
            firstTimestamp: result.firstTimestamp,
            lastTimestamp: result.lastTimestamp,
            elapsedMs: result.elapsedMs,
          },
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.out(
      `${result.rowsChecked} row(s) checked in ${(result.elapsedMs / 1000).toFixed(1)} s: ${result.countsBySeverity.error} error(s), ${result.countsBySeverity.warning} warning(s), ${result.countsBySeverity.info} note(s).\n`,
    );
    for (const [rule, count] of Object.entries(result.findingCounts)) io.out(`  ${rule}: ${count}\n`);
  }
  return result.ok ? EXIT_OK : EXIT_CHECK_FAILED;
};
