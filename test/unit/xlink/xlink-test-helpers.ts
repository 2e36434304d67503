import iconv from 'iconv-lite';
import type { TransferNote } from '../../../src-shared/contract/transfer';
import type { Dialect } from '../../../src-shared/sql/dialect';
import { planXlinkImport, type XlinkPlanResult } from '../../../src-main/transfer/xlink';
import { decodeIniBytes } from '../../../src-main/transfer/xlink/read/decode-ini-bytes';
import { parseIniText } from '../../../src-main/transfer/xlink/read/parse-ini-lines';

/** Lines joined with CRLF, as Windows tools write them, encoded as Windows-1252 unless told. */
export function iniBytes(lines: readonly string[], encoding: 'windows-1252' | 'utf-8' = 'windows-1252'): Uint8Array {
  return new Uint8Array(iconv.encode(`${lines.join('\r\n')}\r\n`, encoding));
}

export function plan(
  lines: readonly string[],
  dialect: Dialect = 'postgres',
  acdMap?: readonly string[],
): XlinkPlanResult {
  return planXlinkImport({
    ini: iniBytes(lines),
    ...(acdMap ? { acdMap: iniBytes(acdMap) } : {}),
    dialectForDsn: () => dialect,
  });
}

export function notesMatching(notes: readonly TransferNote[], pattern: RegExp): TransferNote[] {
  return notes.filter((item) => pattern.test(item.message));
}

/** The integration of one import type of the only system, or a failure naming what there was. */
export function sqlOf(result: XlinkPlanResult, importType: 'interval' | 'contact' | 'agent-states'): string {
  const system = result.systems[0];
  const integration = system?.integrations.find((candidate) => candidate.importType === importType);
  if (!integration) {
    throw new Error(`no ${importType} integration; notes: ${result.notes.map((item) => item.message).join(' | ')}`);
  }
  return integration.sql;
}

/** The SQL without its leading "--" lines. */
export function body(sql: string): string {
  return sql
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n');
}

/** Section → key → value as our GetPrivateProfileString-like reader sees exported bytes; it must need no notes. */
export function readOurs(bytes: Uint8Array): Map<string, Record<string, string>> {
  const { text } = decodeIniBytes(bytes, 'isps_ul.ini');
  const parsed = parseIniText(text, 'isps_ul.ini');
  if (parsed.notes.length > 0) throw new Error(`the export needed notes: ${JSON.stringify(parsed.notes)}`);
  return new Map(
    parsed.sections.map((section) => [
      section.name,
      Object.fromEntries(section.entries.map((entry) => [entry.key, entry.value])),
    ]),
  );
}
