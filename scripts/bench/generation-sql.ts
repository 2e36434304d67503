import type { ImportType } from '../../src-shared/contract/model';

/**
 * The SELECT that generates one table's rows server-side from a series 0..rows-1 (column `i`),
 * written once over the few places the three dialects differ. The rows are valid against the
 * contracts, so a full validation does the common work: no findings.
 */
export interface GenerationDialect {
  /** A row source with one integer column `i` from 0 to rows - 1, in order. */
  series(rows: number): string;
  concat(...parts: string[]): string;
  /** Integer division. */
  div(a: string, b: number | string): string;
  pad3(value: string): string;
  addSeconds(base: string, seconds: string): string;
}

export const POSTGRES_DIALECT: GenerationDialect = {
  series: (rows) => `generate_series(0, ${rows - 1}) AS s(i)`,
  concat: (...parts) => parts.join(' || '),
  div: (a, b) => `(${a}) / ${b}`,
  pad3: (value) => `lpad((${value})::text, 3, '0')`,
  addSeconds: (base, seconds) => `timestamp ${base} + (${seconds}) * interval '1 second'`,
};

export const MARIADB_DIALECT: GenerationDialect = {
  // The Sequence engine's virtual table, signed (its seq is unsigned, and offsets go below zero).
  series: (rows) => `(SELECT CAST(seq AS SIGNED) AS i FROM seq_0_to_${rows - 1}) AS s`,
  concat: (...parts) => `CONCAT(${parts.join(', ')})`,
  div: (a, b) => `((${a}) DIV ${b})`,
  pad3: (value) => `LPAD(${value}, 3, '0')`,
  addSeconds: (base, seconds) => `(TIMESTAMP ${base} + INTERVAL (${seconds}) SECOND)`,
};

export const SQLITE_DIALECT: GenerationDialect = {
  series: () => 's',
  concat: (...parts) => parts.join(' || '),
  div: (a, b) => `((${a}) / ${b})`,
  pad3: (value) => `printf('%03d', ${value})`,
  addSeconds: (base, seconds) => `datetime(${base}, (${seconds}) || ' seconds')`,
};

/** SQLite has no series function built in: a recursive CTE gives one. */
export function sqliteSeriesCte(rows: number): string {
  return `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${rows - 1})`;
}

export const INTERVAL_QUEUES = 50;
export const INTERVAL_CHANNELS = ['calls', 'chats', 'emails', 'social_media'] as const;
export const CONTACT_QUEUES = 50;
export const AGENTS = 500;
export const STATE_SECONDS = 300;
const ACTIVITIES = ['ready', 'talk', 'after_call_work', 'break', 'training'];

const caseOf = (value: string, labels: readonly string[]) =>
  `CASE ${value} ${labels
    .slice(0, -1)
    .map((label, index) => `WHEN ${index} THEN '${label}'`)
    .join(' ')} ELSE '${labels.at(-1)}' END`;

/**
 * The generated columns, per import type. `anchor` is the UTC wall clock (YYYY-MM-DD HH:MM:SS)
 * the agent states end at: open states must be recent, or the rules rightly call them stale.
 */
export function generationSelect(
  dialect: GenerationDialect,
  importType: ImportType,
  rows: number,
  anchor: string,
): string {
  const d = dialect;
  switch (importType) {
    case 'interval': {
      // One row per queue and channel per 15-minute interval, from 2024-01-01 (past, on the grid).
      const perInterval = INTERVAL_QUEUES * INTERVAL_CHANNELS.length;
      const queue = d.div(`i % ${perInterval}`, INTERVAL_CHANNELS.length);
      const offered = `((i * 7 + 3) % 40)`;
      return [
        `${d.concat("'Q'", d.pad3(queue))} AS queue_id`,
        `${d.concat("'Queue '", d.pad3(queue))} AS queue_name`,
        `${d.addSeconds("'2024-01-01 00:00:00'", `${d.div('i', perInterval)} * 900`)} AS interval_start`,
        `${offered} AS offered`,
        `(${offered} - ${offered} % 4) AS answered`,
        `((${offered} - ${offered} % 4) * (120 + i % 180)) AS handling_time`,
        `${caseOf(`(i % ${INTERVAL_CHANNELS.length})`, INTERVAL_CHANNELS)} AS channel`,
      ].join(', ');
    }
    case 'contact': {
      const queue = `(i % ${CONTACT_QUEUES})`;
      const answered = `(CASE WHEN i % 5 = 0 THEN 0 ELSE 1 END)`;
      return [
        `${d.concat("'Q'", d.pad3(queue))} AS queue_id`,
        `${d.concat("'Queue '", d.pad3(queue))} AS queue_name`,
        `${d.addSeconds("'2024-01-01 00:00:00'", 'i * 2')} AS contact_time`,
        `${answered} AS answered`,
        `(${answered} * (60 + i % 600)) AS duration`,
        `${caseOf(`(i % ${INTERVAL_CHANNELS.length})`, INTERVAL_CHANNELS)} AS channel`,
      ].join(', ');
    }
    case 'agent-states': {
      // Agent a's j-th state; states follow each other without overlap and end before the anchor.
      // Each even agent's last state is still open (NULL end), the common case of a live shift.
      const statesPerAgent = Math.ceil(rows / AGENTS);
      const agent = `(i % ${AGENTS})`;
      const offset = `(${d.div('i', AGENTS)} - ${statesPerAgent}) * ${STATE_SECONDS} - 60 + ${agent} % 50`;
      const start = d.addSeconds(`'${anchor}'`, offset);
      const end = d.addSeconds(`'${anchor}'`, `${offset} + ${STATE_SECONDS}`);
      return [
        `${d.concat("'agent-'", d.pad3(agent))} AS agent_id`,
        `${start} AS state_start`,
        `CASE WHEN i + ${AGENTS} >= ${rows} AND ${agent} % 2 = 0 THEN NULL ELSE ${end} END AS state_end`,
        `${caseOf(`((i * 7 + ${d.div('i', AGENTS)}) % ${ACTIVITIES.length})`, ACTIVITIES)} AS activity`,
      ].join(', ');
    }
  }
}
