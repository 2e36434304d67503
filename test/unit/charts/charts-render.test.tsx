import { createInstance } from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { AgentTimeline, MAX_AGENTS } from '../../../src-renderer/features/charts/AgentTimeline';
import { IntervalChart } from '../../../src-renderer/features/charts/IntervalChart';
import { enGridCharts } from '../../../src-renderer/i18n/en-grid-charts';

/**
 * Server-rendered smoke tests (the unit project has no DOM): what React renders around the
 * charts. uPlot draws in an effect, so the canvas itself is checked end to end in Chromium.
 */
function render(element: ReactElement): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: enGridCharts } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToString(createElement(I18nextProvider, { i18n }, element));
}

const intervalColumns = ['QueueIdentifier', 'QueueName', 'Timestamp', 'Offered', 'Answered', 'HandlingTime'];

describe('IntervalChart (server-rendered)', () => {
  it('renders the queue selector with names as text, the legend and the gap count', () => {
    const html = render(
      createElement(IntervalChart, {
        columns: intervalColumns,
        rows: [
          ['Q1', '<script>x</script>', '2024-05-01 08:00:00', 3, 2, 200],
          ['Q1', '<script>x</script>', '2024-05-01 09:00:00', 0, 0, 0],
          ['Q2', 'Support', '2024-05-01 08:30:00', 1, 1, 60],
        ],
        intervalMinutes: 30,
      }),
    );
    expect(html).toContain('<select');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; (Q1)');
    expect(html).toContain('Support (Q2)');
    expect(html).toContain('aria-label="Chart of offered, answered and average handling time for');
    expect(html).toContain('a gap, not a zero');
    expect(html).toContain('Intervals of 30 minutes: 3; without a row for this series: 1.');
  });

  it('says which column is missing instead of drawing', () => {
    const html = render(
      createElement(IntervalChart, { columns: ['queueidentifier', 'timestamp'], rows: [], intervalMinutes: 15 }),
    );
    expect(html).toContain('Cannot chart: column offered, answered, handlingtime missing.');
  });
});

describe('AgentTimeline (server-rendered)', () => {
  const columns = ['agentidentifier', 'starttime', 'endtime', 'activity'];
  const now = new Date(Date.UTC(2024, 4, 1, 12, 0, 0));

  it('draws one row per agent, hatches ongoing states, and lists the activities', () => {
    const html = render(
      createElement(AgentTimeline, {
        columns,
        rows: [
          ['A1', '2024-05-01 08:00:00', '2024-05-01 09:00:00', 'Calls'],
          ['A1', '2024-05-01 09:00:00', null, '<i>Break</i>'],
          ['A2', '2024-05-01 08:30:00', '2024-05-01 10:00:00', 'Calls'],
        ],
        timeZone: 'UTC',
        now,
      }),
    );
    expect(html).toContain('<svg');
    expect(html.match(/class="timeline-row"/g)).toHaveLength(2);
    expect(html).toMatch(/fill="url\(#hatch-[\w-]+\)"/);
    expect(html).not.toContain('<i>');
    expect(html).toContain('A1 · &lt;i&gt;Break&lt;/i&gt; · 2024-05-01 09:00 – now (ongoing)');
    expect(html).toContain('A2 · Calls · 2024-05-01 08:30 – 2024-05-01 10:00');
  });

  it('caps the drawing at the first agents and says so', () => {
    const rows = Array.from({ length: MAX_AGENTS + 5 }, (_, index) => [
      `A${String(index).padStart(3, '0')}`,
      '2024-05-01 08:00:00',
      '2024-05-01 09:00:00',
      'Calls',
    ]);
    const html = render(createElement(AgentTimeline, { columns, rows, now }));
    expect(html.match(/class="timeline-row"/g)).toHaveLength(MAX_AGENTS);
    expect(html).toContain(`Showing the first ${MAX_AGENTS} of ${MAX_AGENTS + 5} agents.`);
  });

  it('says which column is missing instead of drawing', () => {
    const html = render(createElement(AgentTimeline, { columns: ['agentidentifier'], rows: [], now }));
    expect(html).toContain('Cannot chart: column starttime, activity missing.');
  });
});
