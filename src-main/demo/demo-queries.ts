/**
 * Example import queries for the embedded demo ACD database (see generate-demo-database.ts). They
 * are shown to administrators as a starting point, so they favour plain, portable SQL: aliases
 * that carry the contract's column names, and a CASE that maps the ACD's media types to channels.
 */

export type DemoImportType = 'interval' | 'contact' | 'agent-states';

export const DEMO_SYSTEM_NAME = 'Demo ACD (embedded SQLite)';

const INTERVAL_SQL = `-- One row per queue and 15-minute interval; times are local (Europe/Brussels).
SELECT
  q.queue_code AS queueidentifier,
  q.display_name AS queuename,
  s.interval_start AS timestamp,
  s.calls_offered AS offered,
  s.calls_answered AS answered,
  s.talk_seconds + s.hold_seconds + s.wrap_seconds AS handlingtime,
  CASE q.media_type
    WHEN 'voice' THEN 'calls'
    WHEN 'chat' THEN 'chats'
    WHEN 'email' THEN 'emails'
    WHEN 'social' THEN 'social_media'
  END AS channel
FROM interval_stats AS s
JOIN queues AS q ON q.queue_id = s.queue_id
ORDER BY timestamp, queueidentifier`;

const CONTACT_SQL = `-- One row per contact (2024-05 rules: no offered column).
SELECT
  q.queue_code AS queueidentifier,
  q.display_name AS queuename,
  c.arrived_at AS timestamp,
  c.answered AS answered,
  c.handle_seconds AS duration,
  CASE c.media_type
    WHEN 'voice' THEN 'calls'
    WHEN 'chat' THEN 'chats'
    WHEN 'email' THEN 'emails'
    WHEN 'social' THEN 'social_media'
  END AS channel
FROM contact_log AS c
JOIN queues AS q ON q.queue_id = c.queue_id
ORDER BY timestamp, c.contact_id`;

const AGENT_STATES_SQL = `-- state_end stays NULL while the agent is still in that state.
SELECT
  l.agent_login AS agentidentifier,
  l.state_start AS starttime,
  l.state_end AS endtime,
  l.state_code AS activity
FROM agent_state_log AS l
ORDER BY starttime, agentidentifier`;

export const DEMO_QUERIES: Record<DemoImportType, string> = {
  interval: INTERVAL_SQL,
  contact: CONTACT_SQL,
  'agent-states': AGENT_STATES_SQL,
};

export const DEMO_INTEGRATIONS: Array<{ name: string; importType: DemoImportType; sql: string }> = [
  { name: 'Queue statistics (15 min)', importType: 'interval', sql: INTERVAL_SQL },
  { name: 'Contacts', importType: 'contact', sql: CONTACT_SQL },
  { name: 'Agent states', importType: 'agent-states', sql: AGENT_STATES_SQL },
];
