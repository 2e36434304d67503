/**
 * Rows as the records the WFM API takes (DOMAIN.md, "Related contracts"), one per row, with every
 * timestamp as an ISO-8601 UTC instant read in the database time zone. A value the contract
 * cannot take (only possible in rows with an error, exported on request) becomes null rather
 * than a guess.
 */
import type { CellValue } from '../contract/api';
import type { ImportType } from '../contract/model';
import { checkColumns, EMPTY_CHANNEL_MEANS, getRuleSet, interpretTimestamp, type RuleSetId } from '../validation';
import { cellInteger, cellText } from './export-cells';

/** WFM API contact event. */
export interface WfmContactEvent {
  queueIdentifier: string | null;
  queueName: string | null;
  timestamp: string | null;
  channel: string;
  properties: { offered: boolean | null; handled: boolean | null; duration: number | null };
}

/** WFM API agent status; endTime is null while the activity is ongoing. */
export interface WfmAgentStatus {
  agentIdentifier: string | null;
  activityIdentifier: string | null;
  startTime: string | null;
  endTime: string | null;
}

/** Our own shape for interval rows: the WFM documents define no API shape for them. */
export interface IntervalRecord {
  queueIdentifier: string | null;
  queueName: string | null;
  timestamp: string | null;
  channel: string;
  offered: number | null;
  answered: number | null;
  handlingTime: number | null;
}

export type WfmRecord = WfmContactEvent | WfmAgentStatus | IntervalRecord;

export interface RecordContract {
  importType: ImportType;
  ruleSet: RuleSetId;
  timeZone: string;
}

/**
 * Finds the contract columns in the result exactly as the validator does (case-insensitively; a
 * column the rule set says is not part of the contract, like offered under 2024-05, is not found).
 */
function columnReader(columns: readonly string[], contract: RecordContract) {
  const rules = getRuleSet(contract.ruleSet).importTypes[contract.importType];
  const { resultIndex } = checkColumns(columns, rules, {
    importType: contract.importType,
    ruleSetId: contract.ruleSet,
  });
  const indexOf = new Map(rules.columns.map((column, slot) => [column.name, resultIndex[slot]]));
  return {
    indexes: [...indexOf.values()].filter((index) => index !== undefined).sort((a, b) => a - b),
    has: (name: string): boolean => indexOf.get(name) !== undefined,
    cell: (cells: readonly CellValue[], name: string): CellValue => {
      const index = indexOf.get(name);
      return index === undefined ? null : (cells[index] ?? null);
    },
  };
}

/** The indexes of the result columns a record is made from (the contract's columns the result has). */
export function recordColumns(columns: readonly string[], contract: RecordContract): number[] {
  return columnReader(columns, contract).indexes;
}

function utc(value: CellValue, timeZone: string): string | null {
  if (value === null || typeof value === 'object') return null;
  return interpretTimestamp(value, timeZone)?.utc ?? null;
}

/** 0/1 flags; anything else (only in rows with a flag-not-01 error) is unknown. */
function flag(value: CellValue): boolean | null {
  const number = cellInteger(value);
  return number === 1 ? true : number === 0 ? false : null;
}

export function createRecordMaker(
  columns: readonly string[],
  contract: RecordContract,
): (cells: readonly CellValue[]) => WfmRecord {
  const read = columnReader(columns, contract);
  const text = (cells: readonly CellValue[], name: string) => cellText(read.cell(cells, name));
  const integer = (cells: readonly CellValue[], name: string) => cellInteger(read.cell(cells, name));
  const time = (cells: readonly CellValue[], name: string) => utc(read.cell(cells, name), contract.timeZone);
  // An empty channel, or none at all, means calls to the WFM system.
  const channel = (cells: readonly CellValue[]) => text(cells, 'channel') ?? EMPTY_CHANNEL_MEANS;

  switch (contract.importType) {
    case 'contact': {
      // Under 2024-05 offered is not part of the contract: every contact counts as offered.
      const hasOffered = read.has('offered');
      return (cells): WfmContactEvent => ({
        queueIdentifier: text(cells, 'queueidentifier'),
        queueName: text(cells, 'queuename'),
        timestamp: time(cells, 'timestamp'),
        channel: channel(cells),
        properties: {
          offered: hasOffered ? flag(read.cell(cells, 'offered')) : true,
          handled: flag(read.cell(cells, 'answered')),
          // Optional under 2024-05: without a value the handling time is unknown, not zero.
          duration: integer(cells, 'duration'),
        },
      });
    }
    case 'agent-states':
      return (cells): WfmAgentStatus => ({
        agentIdentifier: text(cells, 'agentidentifier'),
        activityIdentifier: text(cells, 'activity'),
        startTime: time(cells, 'starttime'),
        endTime: time(cells, 'endtime'),
      });
    case 'interval':
      return (cells): IntervalRecord => ({
        queueIdentifier: text(cells, 'queueidentifier'),
        queueName: text(cells, 'queuename'),
        timestamp: time(cells, 'timestamp'),
        channel: channel(cells),
        offered: integer(cells, 'offered'),
        answered: integer(cells, 'answered'),
        handlingTime: integer(cells, 'handlingtime'),
      });
    default:
      throw new RangeError(`Unknown import type "${String(contract.importType satisfies never)}"`);
  }
}
