import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CellValue } from '../../../src-shared/contract/api';
import { useGridChartsT, type GridChartsT } from '../grid/use-grid-charts-t';
import { buildAgentTimeline, type AgentTrack, type StateSegment } from './agent-timeline';
import { formatNaive, wallClockNow } from './naive-time';
import { timeTicks } from './plot-helpers';
import './charts.css';

export interface AgentTimelineProps {
  columns: string[];
  rows: CellValue[][];
  /** The system's IANA zone: "now" (where ongoing states end) is read on its wall clock. */
  timeZone?: string;
  /** Fixes "now" (tests, screenshots); by default the clock, refreshed every minute. */
  now?: Date;
}

/** SVG stays light at this size; more agents would need virtualising for little insight. */
export const MAX_AGENTS = 100;
const LABEL_WIDTH = 150;
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 14;
const AXIS_HEIGHT = 24;
const RIGHT_PAD = 12;
const LABEL_CHARS = 20;

/**
 * One row per agent with its states as coloured bars. Ongoing states (no end time) run to now,
 * hatched and with an arrow. All text (identifiers, activities) is React text in SVG <text>
 * and <title>, never markup.
 */
export function AgentTimeline({ columns, rows, timeZone, now }: AgentTimelineProps) {
  const t = useGridChartsT();
  // useId may contain characters that need escaping inside url(#…); keep only safe ones.
  const hatchId = `hatch-${useId().replace(/[^\w-]/g, '')}`;
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [clock, setClock] = useState(() => new Date());

  useEffect(() => {
    if (now) return;
    // Ongoing states grow while the chart is open.
    const timer = setInterval(() => setClock(new Date()), 60_000);
    return () => clearInterval(timer);
  }, [now]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(400, Math.floor(box.clientWidth))));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const nowSeconds = wallClockNow(now ?? clock, timeZone);
  const data = useMemo(() => buildAgentTimeline({ columns, rows, now: nowSeconds }), [columns, rows, nowSeconds]);

  if (!data.ok) {
    const message =
      data.reason === 'missing-columns'
        ? t('charts.cannotChart', { columns: data.missing.join(', ') })
        : t('charts.noStates');
    return (
      <section className="chart-panel" aria-label={t('charts.timelineHeading')}>
        <p className="chart-message" role="status">
          {message}
        </p>
      </section>
    );
  }

  const agents = data.agents.slice(0, MAX_AGENTS);
  const span = Math.max(data.end - data.start, 3600);
  const plotWidth = width - LABEL_WIDTH - RIGHT_PAD;
  const toX = (seconds: number) => LABEL_WIDTH + ((seconds - data.start) / span) * plotWidth;
  const height = AXIS_HEIGHT + agents.length * ROW_HEIGHT + 4;
  const colours = new Map(data.activities.map((entry) => [entry.activity, entry.colour]));
  const ticks = timeTicks(data.start, data.start + span, Math.max(2, Math.floor(plotWidth / 90)));
  const nowX = nowSeconds >= data.start && nowSeconds <= data.start + span ? toX(nowSeconds) : null;

  return (
    <section className="chart-panel" aria-label={t('charts.timelineHeading')}>
      <div ref={boxRef} className="agent-timeline">
        <svg width={width} height={height} role="img" aria-label={t('charts.timelineLabel')}>
          <defs>
            <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              {/* dark and translucent, so the hatching shows on light and dark activity colours alike */}
              <line x1="0" y1="0" x2="0" y2="6" stroke="#1d2330" strokeWidth="2" strokeOpacity="0.35" />
            </pattern>
          </defs>
          {ticks.map((tick) => (
            <g key={tick.at} className="timeline-tick">
              <line x1={toX(tick.at)} x2={toX(tick.at)} y1={AXIS_HEIGHT - 4} y2={height} />
              {/* A label too close to the right edge would be cut off; its line still shows. */}
              {toX(tick.at) + tick.label.length * 6.5 < width && (
                <text x={toX(tick.at) + 3} y={AXIS_HEIGHT - 8}>
                  {tick.label}
                </text>
              )}
            </g>
          ))}
          {agents.map((agent, index) => (
            <AgentRow
              key={agent.agentId}
              agent={agent}
              y={AXIS_HEIGHT + index * ROW_HEIGHT}
              toX={toX}
              colours={colours}
              hatchId={hatchId}
              t={t}
            />
          ))}
          {nowX !== null && <line className="timeline-now" x1={nowX} x2={nowX} y1={AXIS_HEIGHT - 4} y2={height} />}
        </svg>
      </div>
      <ul className="chart-legend" aria-label={t('charts.activities')}>
        {data.activities.map((entry) => (
          <li key={entry.activity}>
            <span className="chart-swatch" style={{ background: entry.colour }} aria-hidden />
            <span className="chart-pre">{entry.activity}</span>
          </li>
        ))}
        <li>
          <span className="chart-swatch chart-swatch-ongoing" aria-hidden />
          {t('charts.ongoingLegend')}
        </li>
      </ul>
      {data.agents.length > MAX_AGENTS && (
        <p className="chart-note" role="note">
          {t('charts.agentsCapped', { shown: MAX_AGENTS, total: data.agents.length })}
        </p>
      )}
      <p className="chart-note">{t('charts.naiveTimeNote')}</p>
      {data.invalidRows > 0 && <p className="chart-note">{t('charts.invalidStates', { count: data.invalidRows })}</p>}
    </section>
  );
}

interface AgentRowProps {
  agent: AgentTrack;
  y: number;
  toX: (seconds: number) => number;
  colours: Map<string, string>;
  hatchId: string;
  t: GridChartsT;
}

function AgentRow({ agent, y, toX, colours, hatchId, t }: AgentRowProps) {
  const barY = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  const label = agent.agentId.length > LABEL_CHARS ? `${agent.agentId.slice(0, LABEL_CHARS - 1)}…` : agent.agentId;
  return (
    <g className="timeline-row">
      <text x={6} y={y + ROW_HEIGHT / 2 + 4} className="timeline-agent">
        <title>{agent.agentId}</title>
        {label}
      </text>
      {agent.segments.map((segment) => (
        <Segment
          key={segment.row}
          segment={segment}
          agentId={agent.agentId}
          x={toX(segment.start)}
          // A zero-length state stays visible as a 2 px mark.
          width={Math.max(2, toX(segment.end) - toX(segment.start))}
          y={barY}
          colour={colours.get(segment.activity) ?? '#888'}
          hatchId={hatchId}
          t={t}
        />
      ))}
    </g>
  );
}

interface SegmentProps {
  segment: StateSegment;
  agentId: string;
  x: number;
  width: number;
  y: number;
  colour: string;
  hatchId: string;
  t: GridChartsT;
}

function Segment({ segment, agentId, x, width, y, colour, hatchId, t }: SegmentProps) {
  const values = { agent: agentId, activity: segment.activity, start: formatNaive(segment.start) };
  const title = segment.ongoing
    ? t('charts.segmentTitleOngoing', values)
    : t('charts.segmentTitle', { ...values, end: formatNaive(segment.end) });
  const end = x + width;
  const middle = y + BAR_HEIGHT / 2;
  return (
    <g>
      <title>{title}</title>
      <rect x={x} y={y} width={width} height={BAR_HEIGHT} fill={colour} />
      {segment.ongoing && (
        <>
          <rect x={x} y={y} width={width} height={BAR_HEIGHT} fill={`url(#${hatchId})`} />
          <path d={`M${end} ${y - 2} L${end + 7} ${middle} L${end} ${y + BAR_HEIGHT + 2} Z`} fill={colour} />
        </>
      )}
    </g>
  );
}
