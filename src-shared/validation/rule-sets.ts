/**
 * The WFM contract versions as data. Interval and agent-state rules are the same in both versions;
 * the contact rules changed in April 2024 (the English help page dropped `offered` and made
 * `duration` optional, while the French and Dutch pages still show the 2023-12 form).
 */
import { RULE_SETS } from '../contract/model';
import type { CheckRule, ColumnRule, ImportRules, RuleSet } from './rule-set-types';

export const CHANNELS = ['calls', 'chats', 'emails', 'social_media', 'documents', 'cases'] as const;
export const EMPTY_CHANNEL_MEANS = 'calls';

/** Reconciliation re-reads the last 24 hours, so an older open state will never be corrected. */
const RECONCILIATION_HOURS = 24;

const QUEUE_COLUMNS: readonly ColumnRule[] = [
  { name: 'queueidentifier', type: 'string', presence: 'required', meaning: 'stable unique id of the queue' },
  { name: 'queuename', type: 'string', presence: 'required', meaning: 'display name; renaming goes through it' },
  { name: 'timestamp', type: 'datetime', presence: 'required', meaning: 'start of the interval or of the contact' },
];

const CHANNEL_COLUMN: ColumnRule = {
  name: 'channel',
  type: 'string',
  presence: 'optional',
  meaning: `one of ${CHANNELS.join(', ')}; empty means ${EMPTY_CHANNEL_MEANS}`,
};

const CHANNEL_CHECK: CheckRule = {
  id: 'unknown-channel',
  column: 'channel',
  allowed: CHANNELS,
  emptyMeans: EMPTY_CHANNEL_MEANS,
};

const QUEUE_CHECKS: readonly CheckRule[] = [
  CHANNEL_CHECK,
  { id: 'future-timestamp', columns: ['timestamp'], toleranceSeconds: 60 },
  { id: 'queue-renamed', identifier: 'queueidentifier', name: 'queuename' },
];

const QUEUE_DISTINCT: ImportRules['distinct'] = {
  queues: { column: 'queueidentifier' },
  channels: { column: 'channel', emptyMeans: EMPTY_CHANNEL_MEANS },
};

const INTERVAL: ImportRules = {
  columns: [
    ...QUEUE_COLUMNS,
    { name: 'offered', type: 'integer', presence: 'required', meaning: 'contacts offered in the interval' },
    { name: 'answered', type: 'integer', presence: 'required', meaning: 'contacts handled in the interval' },
    { name: 'handlingtime', type: 'integer', presence: 'required', meaning: 'total handling time in the interval' },
    CHANNEL_COLUMN,
  ],
  checks: [
    { id: 'negative-count', columns: ['offered', 'answered', 'handlingtime'] },
    { id: 'answered-exceeds-offered', answered: 'answered', offered: 'offered' },
    { id: 'off-grid', column: 'timestamp' },
    ...QUEUE_CHECKS,
    {
      id: 'duplicate-key',
      queue: 'queueidentifier',
      time: 'timestamp',
      channel: 'channel',
      channelEmptyMeans: EMPTY_CHANNEL_MEANS,
      // One day of 15-minute intervals: queries are ordered by timestamp, so duplicates are near.
      windowTimestamps: 96,
      maxKeys: 100_000,
    },
  ],
  timeColumn: 'timestamp',
  distinct: QUEUE_DISTINCT,
};

const AGENT_STATES: ImportRules = {
  columns: [
    { name: 'agentidentifier', type: 'string', presence: 'required', meaning: 'external id of the agent' },
    { name: 'starttime', type: 'datetime', presence: 'required', meaning: 'start of the activity' },
    { name: 'endtime', type: 'datetime', presence: 'optional', meaning: 'end of the activity; empty while ongoing' },
    { name: 'activity', type: 'string', presence: 'required', meaning: 'id of the external activity' },
  ],
  checks: [
    { id: 'end-before-start', start: 'starttime', end: 'endtime' },
    { id: 'future-timestamp', columns: ['starttime', 'endtime'], toleranceSeconds: 60 },
    { id: 'overlapping-states', agent: 'agentidentifier', start: 'starttime', end: 'endtime' },
    { id: 'stale-open-state', start: 'starttime', end: 'endtime', maxOpenHours: RECONCILIATION_HOURS },
    { id: 'agent-id-variant', column: 'agentidentifier' },
  ],
  timeColumn: 'starttime',
  distinct: { agents: { column: 'agentidentifier' }, activities: { column: 'activity' } },
};

const CONTACT_2024_05: ImportRules = {
  columns: [
    ...QUEUE_COLUMNS,
    { name: 'offered', type: 'integer', presence: 'not-part-of-contract', meaning: 'dropped in 2024-05' },
    { name: 'answered', type: 'integer', presence: 'required', meaning: '1 if the contact was handled, else 0' },
    { name: 'duration', type: 'integer', presence: 'optional', meaning: 'handling time of this contact' },
    CHANNEL_COLUMN,
  ],
  checks: [
    { id: 'flag-not-01', columns: ['answered'] },
    { id: 'negative-count', columns: ['duration'] },
    ...QUEUE_CHECKS,
  ],
  timeColumn: 'timestamp',
  distinct: QUEUE_DISTINCT,
};

const CONTACT_2023_12: ImportRules = {
  columns: [
    ...QUEUE_COLUMNS,
    { name: 'offered', type: 'integer', presence: 'required', meaning: '1 if the contact was offered, else 0' },
    { name: 'answered', type: 'integer', presence: 'required', meaning: '1 if the contact was handled, else 0' },
    { name: 'duration', type: 'integer', presence: 'required', meaning: 'handling time of this contact' },
    CHANNEL_COLUMN,
  ],
  checks: [
    { id: 'flag-not-01', columns: ['offered', 'answered'] },
    { id: 'negative-count', columns: ['duration'] },
    { id: 'answered-exceeds-offered', answered: 'answered', offered: 'offered' },
    ...QUEUE_CHECKS,
  ],
  timeColumn: 'timestamp',
  distinct: QUEUE_DISTINCT,
};

const RULE_SET_DATA = {
  'wfm-2024-05': {
    id: 'wfm-2024-05',
    title: 'WFM rules of May 2024',
    description: 'Current contract: contact data without offered, duration optional.',
    importTypes: { interval: INTERVAL, contact: CONTACT_2024_05, 'agent-states': AGENT_STATES },
  },
  'wfm-2023-12': {
    id: 'wfm-2023-12',
    title: 'WFM rules of December 2023',
    description: 'Older contract: contact data needs offered (0/1) and duration.',
    importTypes: { interval: INTERVAL, contact: CONTACT_2023_12, 'agent-states': AGENT_STATES },
  },
} as const satisfies Record<(typeof RULE_SETS)[number], RuleSet>;

export type RuleSetId = keyof typeof RULE_SET_DATA;

/** Same order as the contract's RULE_SETS: the default first. */
export const RULE_SET_IDS: readonly RuleSetId[] = RULE_SETS;
export const DEFAULT_RULE_SET_ID: RuleSetId = 'wfm-2024-05';

export function isRuleSetId(id: string): id is RuleSetId {
  return Object.hasOwn(RULE_SET_DATA, id);
}

/** Throws for an unknown id: callers validate user input with isRuleSetId or the contract's schema first. */
export function getRuleSet(id: RuleSetId | string = DEFAULT_RULE_SET_ID): RuleSet {
  if (!isRuleSetId(id)) throw new RangeError(`Unknown rule set "${id}"; known: ${RULE_SET_IDS.join(', ')}`);
  return RULE_SET_DATA[id];
}
