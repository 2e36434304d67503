/** The demo ACD's reporting schema: vendor-neutral names, naive local timestamps. */

export const SCHEMA = `
CREATE TABLE acd_system_info (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE queues (
  queue_id     INTEGER PRIMARY KEY,
  queue_code   TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  media_type   TEXT NOT NULL CHECK (media_type IN ('voice', 'chat', 'email', 'social'))
);
-- The "calls_" prefix is kept for every medium, as in ACDs that started as voice-only switches.
CREATE TABLE interval_stats (
  queue_id        INTEGER NOT NULL REFERENCES queues (queue_id),
  interval_start  TEXT NOT NULL,
  calls_offered   INTEGER NOT NULL,
  calls_answered  INTEGER NOT NULL,
  calls_abandoned INTEGER NOT NULL,
  answered_in_sl  INTEGER NOT NULL,
  talk_seconds    INTEGER NOT NULL,
  hold_seconds    INTEGER NOT NULL,
  wrap_seconds    INTEGER NOT NULL,
  PRIMARY KEY (interval_start, queue_id),
  CHECK (calls_answered <= calls_offered)
);
CREATE TABLE contact_log (
  contact_id     INTEGER PRIMARY KEY,
  queue_id       INTEGER NOT NULL REFERENCES queues (queue_id),
  media_type     TEXT NOT NULL,
  arrived_at     TEXT NOT NULL,
  answered       INTEGER NOT NULL CHECK (answered IN (0, 1)),
  wait_seconds   INTEGER NOT NULL,
  handle_seconds INTEGER NOT NULL
);
CREATE TABLE agents (
  agent_login TEXT PRIMARY KEY,
  full_name   TEXT NOT NULL,
  team        TEXT NOT NULL
);
CREATE TABLE state_codes (
  state_code  TEXT PRIMARY KEY,
  description TEXT NOT NULL
);
CREATE TABLE agent_state_log (
  state_id    INTEGER PRIMARY KEY,
  agent_login TEXT NOT NULL REFERENCES agents (agent_login),
  state_code  TEXT NOT NULL REFERENCES state_codes (state_code),
  state_start TEXT NOT NULL,
  state_end   TEXT
);
`;

// Created after the bulk insert, which is faster than maintaining them row by row.
export const INDEXES = `
CREATE INDEX interval_stats_queue ON interval_stats (queue_id, interval_start);
CREATE INDEX contact_log_arrived ON contact_log (arrived_at);
CREATE INDEX contact_log_queue ON contact_log (queue_id, arrived_at);
CREATE INDEX agent_state_log_start ON agent_state_log (state_start);
CREATE INDEX agent_state_log_agent ON agent_state_log (agent_login, state_start);
`;
