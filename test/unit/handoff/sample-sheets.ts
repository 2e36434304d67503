import type { LastValidation } from '../../../src-shared/contract/last-validation';
import type { ExternalSystem, Integration } from '../../../src-shared/contract/model';
import { sqlSha256 } from '../../../src-main/store/validation-history-repository';
import type { HandoffInput } from '../../../src-main/transfer/handoff';

/** Fixed, so the golden files do not change with the clock. */
export const GENERATED_AT = new Date('2026-11-20T14:03:27Z');
export const APP_VERSION = '0.1.0';

const integrationDefaults = {
  intervalMinutes: 15,
  ruleSet: 'wfm-2024-05',
  realTime: false,
  reconciliation: true,
  paused: false,
} as const;

const POSTGRES_INTERVAL_SQL = `-- One row per queue and 15-minute interval, local time (Europe/Brussels)
SELECT
  q.queue_code AS queueidentifier,
  q.display_name AS queuename,
  s.interval_start AS "timestamp",
  s.calls_offered AS offered,
  s.calls_answered AS answered,
  s.talk_seconds + s.hold_seconds + s.wrap_seconds AS handlingtime,
  CASE q.media_type WHEN 'voice' THEN 'calls' WHEN 'chat' THEN 'chats' ELSE 'emails' END AS channel
FROM acd.interval_stats AS s
JOIN acd.queues AS q ON q.queue_id = s.queue_id
WHERE s.interval_start >= now() - interval '3 years'
ORDER BY s.interval_start, q.queue_code`;

const postgresSystem: ExternalSystem = {
  id: 1,
  name: 'Genesys reporting DB',
  vendor: 'universal',
  timeZone: 'Europe/Brussels',
  connection: {
    kind: 'postgres',
    host: 'pg-report.acme.local',
    port: 5433,
    database: 'acd',
    user: 'wfm_reader',
    tls: 'require',
  },
  passwordSet: true,
  isDemo: false,
};

const postgresIntegration: Integration = {
  ...integrationDefaults,
  id: 11,
  systemId: 1,
  name: 'Queue intervals',
  importType: 'interval',
  sql: POSTGRES_INTERVAL_SQL,
};

const postgresValidation: LastValidation = {
  kind: 'full',
  finishedAt: '2026-11-20T13:48:05.412Z',
  sqlSha256: sqlSha256(POSTGRES_INTERVAL_SQL),
  importType: 'interval',
  intervalMinutes: 15,
  ruleSet: 'wfm-2024-05',
  rowsChecked: 235_200,
  countsBySeverity: { error: 0, warning: 3, info: 1 },
  findingCounts: { 'queue-renamed': 2, 'dst-repeated': 1, 'unknown-column': 1 },
  ok: true,
  firstTimestamp: '2023-11-20T00:00:00.000Z',
  lastTimestamp: '2026-11-20T13:30:00.000Z',
};

const AGENT_STATES_SQL = `SELECT
  TRIM(a.logid) AS agentidentifier,
  a.starttime AS starttime,
  a.endtime AS endtime,
  a.aux_reason AS activity
FROM "informix".agent_states AS a
ORDER BY a.starttime`;

const odbcSystem: ExternalSystem = {
  id: 2,
  name: 'Avaya CMS (site A)',
  vendor: 'avaya-cms',
  timeZone: 'America/New_York',
  connection: {
    kind: 'odbc',
    connectionString:
      'DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=cms_net;DATABASE=cms;HOST=cms01.acme.local;SERVICE=50001;UID=wfm_reader;PROTOCOL=onsoctcp;DELIMIDENT=y;',
  },
  passwordSet: true,
  isDemo: false,
};

const odbcIntegration: Integration = {
  ...integrationDefaults,
  id: 21,
  systemId: 2,
  name: 'Agent states',
  importType: 'agent-states',
  realTime: true,
  sql: AGENT_STATES_SQL,
};

const MSSQL_CONTACT_SQL = `SELECT
  c.SkillId AS queueidentifier,
  s.SkillName AS queuename,
  c.ArrivalTime AS [timestamp],
  CASE WHEN c.AnsweredTime IS NULL THEN 0 ELSE 1 END AS answered,
  DATEDIFF(second, c.AnsweredTime, c.EndTime) AS duration
FROM dbo.Contacts AS c
JOIN dbo.Skills AS s ON s.SkillId = c.SkillId`;

const mssqlSystem: ExternalSystem = {
  id: 3,
  name: 'Contact centre SQL Server',
  vendor: 'other',
  timeZone: 'UTC',
  connection: {
    kind: 'mssql',
    host: 'sql01.acme.local',
    instance: 'CCREPORT',
    database: 'CallCenter',
    user: 'wfm_import',
    encrypt: true,
    trustServerCertificate: false,
  },
  passwordSet: true,
  isDemo: false,
};

const mssqlIntegration: Integration = {
  ...integrationDefaults,
  id: 31,
  systemId: 3,
  name: 'Contacts',
  importType: 'contact',
  reconciliation: false,
  sql: MSSQL_CONTACT_SQL,
};

/** A preview of an older version of the query, which found errors. */
const mssqlValidation: LastValidation = {
  kind: 'preview',
  finishedAt: '2026-11-19T09:15:00.000Z',
  sqlSha256: sqlSha256(`${MSSQL_CONTACT_SQL}\nWHERE c.ArrivalTime > '2026-01-01'`),
  importType: 'contact',
  intervalMinutes: 15,
  ruleSet: 'wfm-2024-05',
  rowsChecked: 200,
  countsBySeverity: { error: 14, warning: 0, info: 0 },
  findingCounts: { 'negative-count': 3, 'flag-not-01': 11 },
  ok: false,
  firstTimestamp: '2026-01-01T00:00:12.000Z',
  lastTimestamp: '2026-01-01T02:41:59.000Z',
};

export const SAMPLE_SHEETS: Record<string, HandoffInput> = {
  'postgres-interval-validated': {
    system: postgresSystem,
    integration: postgresIntegration,
    lastValidation: postgresValidation,
    generatedAt: GENERATED_AT,
    appVersion: APP_VERSION,
  },
  'odbc-agent-states-not-validated': {
    system: odbcSystem,
    integration: odbcIntegration,
    generatedAt: GENERATED_AT,
    appVersion: APP_VERSION,
  },
  'mssql-named-instance': {
    system: mssqlSystem,
    integration: mssqlIntegration,
    lastValidation: mssqlValidation,
    generatedAt: GENERATED_AT,
    appVersion: APP_VERSION,
  },
};
