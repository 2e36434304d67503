/**
 * English strings of the result grid and the charts. Merge into `en` as two top-level keys
 * (`...enGridCharts` or `grid: enGridCharts.grid, charts: enGridCharts.charts`).
 */
export const enGridCharts = {
  grid: {
    rowNumber: '#',
    null: 'NULL',
    nullCell: 'NULL (no value)',
    bytes: '{{count}} B',
    severity: {
      error: 'Error',
      warning: 'Warning',
      info: 'Note',
    },
    keyboardHint: 'Arrow keys move between cells; Home and End go to the first or last column.',
  },
  charts: {
    intervalHeading: 'Offered, answered and handling time per interval',
    queue: 'Queue',
    queueOption: '{{name}} ({{id}})',
    queueChannelOption: '{{name}} ({{id}}) · {{channel}}',
    splitByChannel: 'One series per channel',
    offered: 'Offered',
    answered: 'Answered',
    aht: 'Average handling time (s)',
    contacts: 'Contacts',
    seconds: 'Seconds',
    time: 'Interval start',
    gapLegend: 'No row for this interval (a gap, not a zero)',
    naiveTimeNote: 'Times are shown as the database stores them, without time-zone conversion.',
    summary: 'Intervals of {{minutes}} minutes: {{intervals}}; without a row for this series: {{gaps}}.',
    skippedRows: 'Rows left out (no usable queue or timestamp): {{count}}.',
    offGridRows: 'Rows off the interval grid, counted in the interval they fall in: {{count}}.',
    chartLabel: 'Chart of offered, answered and average handling time for {{queue}}',
    cannotChart: 'Cannot chart: column {{columns}} missing.',
    noData: 'Cannot chart: no row has a usable timestamp.',
    rangeTooLarge: 'Cannot chart: the rows span {{count}} intervals; narrow the query to chart them.',
    timelineHeading: 'Agent states',
    timelineLabel: 'Timeline of agent states, one row per agent',
    noStates: 'Cannot chart: no row has a usable agent, activity and start time.',
    activities: 'Activities',
    ongoingLegend: 'Hatched with an arrow: ongoing (no end time yet), drawn up to now',
    segmentTitle: '{{agent}} · {{activity}} · {{start}} – {{end}}',
    segmentTitleOngoing: '{{agent}} · {{activity}} · {{start}} – now (ongoing)',
    agentsCapped: 'Showing the first {{shown}} of {{total}} agents.',
    invalidStates: 'Rows not drawn (no usable agent, activity or start, or ending before they start): {{count}}.',
  },
} as const;

export type GridChartsCatalogue = typeof enGridCharts;
