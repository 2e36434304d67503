import { useId, useMemo, useState } from 'react';
import type { CellValue } from '../../../src-shared/contract/api';
import { useGridChartsT, type GridChartsT } from '../grid/use-grid-charts-t';
import { buildIntervalSeries, type IntervalChartData, type QueueSeries } from './interval-series';
import { IntervalPlot, PLOT_COLOURS, type IntervalPlotLabels } from './IntervalPlot';
import './charts.css';

export interface IntervalChartProps {
  columns: string[];
  rows: CellValue[][];
  /** The integration's interval length: the grid gaps are measured on. */
  intervalMinutes: 15 | 30;
}

/**
 * Offered, answered and average handling time per interval for one queue at a time, chosen in
 * a selector. Intervals without a row are breaks in the lines and shaded, so they never look
 * like zeros.
 */
export function IntervalChart({ columns, rows, intervalMinutes }: IntervalChartProps) {
  const t = useGridChartsT();
  const selectId = useId();
  const [byChannel, setByChannel] = useState(false);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const data = useMemo(
    () => buildIntervalSeries({ columns, rows, intervalMinutes, byChannel }),
    [columns, rows, intervalMinutes, byChannel],
  );
  const labels = useMemo<IntervalPlotLabels>(
    () => ({
      time: t('charts.time'),
      offered: t('charts.offered'),
      answered: t('charts.answered'),
      aht: t('charts.aht'),
      contacts: t('charts.contacts'),
      seconds: t('charts.seconds'),
    }),
    [t],
  );

  if (!data.ok) {
    return (
      <section className="chart-panel" aria-label={t('charts.intervalHeading')}>
        <p className="chart-message" role="status">
          {cannotChart(data, t)}
        </p>
      </section>
    );
  }
  // A selection that no longer exists (new rows, channel split toggled) falls back to the first.
  const series = data.series.find((candidate) => candidate.key === selectedKey) ?? data.series[0]!;
  const name = seriesName(series, t);
  return (
    <section className="chart-panel" aria-label={t('charts.intervalHeading')}>
      <div className="chart-toolbar">
        <label htmlFor={selectId}>{t('charts.queue')}</label>
        <select id={selectId} value={series.key} onChange={(event) => setSelectedKey(event.target.value)}>
          {data.series.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {seriesName(candidate, t)}
            </option>
          ))}
        </select>
        {data.hasChannel && (
          <label className="chart-checkbox">
            <input type="checkbox" checked={byChannel} onChange={(event) => setByChannel(event.target.checked)} />
            {t('charts.splitByChannel')}
          </label>
        )}
      </div>
      <IntervalPlot
        x={data.x}
        series={series}
        stepSeconds={intervalMinutes * 60}
        labels={labels}
        ariaLabel={t('charts.chartLabel', { queue: name })}
      />
      {/* uPlot's own legend names the three series (with live values); this one explains the shading. */}
      <ul className="chart-legend">
        <li>
          <span className="chart-swatch chart-swatch-gap" style={{ background: PLOT_COLOURS.gap }} aria-hidden />
          {t('charts.gapLegend')}
        </li>
      </ul>
      <p className="chart-note">
        {t('charts.summary', { minutes: intervalMinutes, intervals: data.x.length, gaps: series.gaps })}{' '}
        {t('charts.naiveTimeNote')}
      </p>
      {data.skippedRows > 0 && <p className="chart-note">{t('charts.skippedRows', { count: data.skippedRows })}</p>}
      {data.offGridRows > 0 && <p className="chart-note">{t('charts.offGridRows', { count: data.offGridRows })}</p>}
    </section>
  );
}

function seriesName(series: QueueSeries, t: GridChartsT): string {
  const values = { name: series.queueName, id: series.queueId };
  return series.channel === null
    ? t('charts.queueOption', values)
    : t('charts.queueChannelOption', { ...values, channel: series.channel });
}

export function cannotChart(data: Exclude<IntervalChartData, { ok: true }>, t: GridChartsT): string {
  switch (data.reason) {
    case 'missing-columns':
      return t('charts.cannotChart', { columns: data.missing.join(', ') });
    case 'no-data':
      return t('charts.noData');
    case 'range-too-large':
      return t('charts.rangeTooLarge', { count: data.intervals });
  }
}
