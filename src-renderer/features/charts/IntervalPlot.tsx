import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { QueueSeries } from './interval-series';
import { formatNaive } from './naive-time';
import { gapRuns, isolatedIndexes, tickLabel } from './plot-helpers';

export interface IntervalPlotLabels {
  time: string;
  offered: string;
  answered: string;
  aht: string;
  contacts: string;
  seconds: string;
}

interface IntervalPlotProps {
  x: number[];
  series: QueueSeries;
  stepSeconds: number;
  labels: IntervalPlotLabels;
  ariaLabel: string;
}

const HEIGHT = 300;
const MIN_WIDTH = 320;
const GAP_FILL = 'rgba(91, 100, 117, 0.13)';
export const PLOT_COLOURS = { offered: '#1f5fbf', answered: '#1f8a5b', aht: '#b35c00', gap: GAP_FILL };

/**
 * One queue's series drawn by uPlot on a canvas. uPlot owns the DOM inside the container, so
 * React only renders the empty box; the plot is rebuilt when the data or labels change (cheap
 * for uPlot, and simpler than patching series in place). Its legend sets labels as text.
 */
export function IntervalPlot({ x, series, stepSeconds, labels, ariaLabel }: IntervalPlotProps) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const width = () => Math.max(MIN_WIDTH, Math.floor(container.clientWidth));
    const plot = new uPlot(
      plotOptions(series, stepSeconds, labels, width()),
      [x, series.offered, series.answered, series.aht],
      container,
    );
    // Charts live in resizable panels, not only in a resizing window: watch the box itself.
    const observer = new ResizeObserver(() => {
      if (plot.width !== width()) plot.setSize({ width: width(), height: HEIGHT });
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [x, series, stepSeconds, labels]);

  return <div ref={containerRef} className="interval-plot" role="img" aria-label={ariaLabel} />;
}

function plotOptions(series: QueueSeries, stepSeconds: number, labels: IntervalPlotLabels, width: number) {
  const isolated = [isolatedIndexes(series.offered), isolatedIndexes(series.answered), isolatedIndexes(series.aht)];
  const points = (index: number): uPlot.Series.Points => ({
    size: 5,
    // Dense data hides points; a lone value between gaps keeps its point so it stays visible.
    filter: (_plot, _seriesIndex, show) => (show ? null : (isolated[index] ?? null)),
  });
  const count = (value: number | null) => (value == null ? '–' : String(value));
  const options: uPlot.Options = {
    width,
    height: HEIGHT,
    // The x values are wall-clock seconds (naive-time.ts): format them in UTC, never the
    // browser's zone, so 02:30 on a DST night stays 02:30.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, count: { range: (_plot, _min, max) => [0, Math.max(1, max)] } },
    series: [
      { label: labels.time, value: (_plot, value) => (value == null ? '–' : formatNaive(value)) },
      {
        label: labels.offered,
        scale: 'count',
        stroke: PLOT_COLOURS.offered,
        width: 2,
        spanGaps: false,
        points: points(0),
        value: (_plot, value) => count(value),
      },
      {
        label: labels.answered,
        scale: 'count',
        stroke: PLOT_COLOURS.answered,
        width: 2,
        spanGaps: false,
        points: points(1),
        value: (_plot, value) => count(value),
      },
      {
        label: labels.aht,
        scale: 'aht',
        stroke: PLOT_COLOURS.aht,
        width: 1.5,
        dash: [6, 4],
        spanGaps: false,
        points: points(2),
        value: (_plot, value) => (value == null ? '–' : value.toFixed(0)),
      },
    ],
    axes: [
      {
        // ISO-like labels instead of uPlot's US defaults (3/30), matching the timeline's.
        space: 80,
        values: (_plot, splits, _axis, _space, increment) =>
          splits.map((at, index) => tickLabel(at, increment, index === 0)),
      },
      { scale: 'count', label: labels.contacts },
      { scale: 'aht', label: labels.seconds, side: 1, grid: { show: false } },
    ],
    hooks: { drawClear: [(plot: uPlot) => shadeGaps(plot, series.hasRow, stepSeconds)] },
  };
  return options;
}

/** Shades intervals without a row, so a gap reads as "no data", never as a dip to zero. */
function shadeGaps(plot: uPlot, hasRow: boolean[], stepSeconds: number): void {
  const x = plot.data[0];
  const { ctx, bbox } = plot;
  ctx.save();
  ctx.fillStyle = GAP_FILL;
  for (const [first, last] of gapRuns(hasRow)) {
    const from = x[first];
    const to = x[last];
    if (from === undefined || to === undefined) continue;
    const left = Math.max(bbox.left, plot.valToPos(from, 'x', true));
    const right = Math.min(bbox.left + bbox.width, plot.valToPos(to + stepSeconds, 'x', true));
    if (right > left) ctx.fillRect(left, bbox.top, right - left, bbox.height);
  }
  ctx.restore();
}
