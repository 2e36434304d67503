/**
 * Time zones: the WFM system interprets naive database timestamps in the integration's IANA zone,
 * so the engine does the same, and flags local times that do not exist (spring-forward gap) or
 * exist twice (fall-back). Values that carry an offset, and Date objects, are instants already:
 * they are converted to the zone, never reinterpreted.
 */
import { IANAZone } from 'luxon';
import { formatWallClock, parseTimestampText, wallClockMs } from './parse-timestamp';

export type DstFlag = 'dst-gap' | 'dst-repeated';

export interface TimestampInterpretation {
  /** Wall-clock time in the zone, 'YYYY-MM-DD HH:MM:SS[.fff]'. */
  local: string;
  /** The instant, ISO 8601 in UTC ('…Z'). */
  utc: string;
  flags: DstFlag[];
}

export interface ResolvedTimestamp {
  readonly epochMs: number;
  /** Wall-clock time in the zone, expressed as if it were UTC (see wallClockMs). */
  readonly wallMs: number;
  readonly subMillisecond: boolean;
  /** True when the value had no offset and was interpreted in the zone. */
  readonly naive: boolean;
  readonly flag: DstFlag | undefined;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Marks a day or hour whose offset changes within it; no real offset is this far from UTC. */
const MIXED = Number.NEGATIVE_INFINITY;
const DAY = 86_400_000;
/** Instants from 0000-01-02 to 9999-12-30 UTC: a day inside the 4-digit years, for any offset. */
const MIN_MS = -62_167_219_200_000 + DAY;
const MAX_MS = 253_402_300_799_999 - DAY;
/** Caches are keyed by day, hour or minute; clearing them when full keeps memory flat on any data. */
const CACHE_LIMIT = 50_000;

/** Resolves timestamps in one zone, caching offsets per day: luxon's offset lookup goes through Intl. */
export class ZoneClock {
  readonly zone: string;
  private readonly iana: IANAZone;
  private readonly dayOffsets = new Map<number, number>();
  private readonly hourOffsets = new Map<number, number>();
  private readonly offsets = new Map<number, number>();
  private readonly walls = new Map<number, { offset: number; flag: DstFlag | undefined }>();
  // Interval results repeat one timestamp text for every queue: remembering the last one skips most parsing.
  private lastText: string | undefined;
  private lastResult: ResolvedTimestamp | undefined;

  constructor(zone: string) {
    if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown IANA time zone "${zone}"`);
    this.zone = zone;
    this.iana = IANAZone.create(zone);
  }

  /**
   * Minutes east of UTC at an instant (at the start of its minute). Almost every day has one
   * offset throughout (a zone changes its offset a few times a year at most), so offsets are kept
   * per day; a day in which the offset changes is looked up per hour, and an hour in which it
   * changes (a DST change, or a historical shift by odd minutes) minute by minute.
   */
  offsetAt(epochMs: number): number {
    const day = this.uniformOffset(this.dayOffsets, epochMs, DAY);
    if (day !== MIXED) return day;
    const hour = this.uniformOffset(this.hourOffsets, epochMs, HOUR);
    if (hour !== MIXED) return hour;
    const key = Math.floor(epochMs / MINUTE);
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = this.iana.offset(key * MINUTE);
      if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(key, offset);
    }
    return offset;
  }

  /** The offset of the span (day or hour) holding the instant when it is the same at both ends, else MIXED. */
  private uniformOffset(cache: Map<number, number>, epochMs: number, span: number): number {
    const key = Math.floor(epochMs / span);
    let offset = cache.get(key);
    if (offset === undefined) {
      const start = this.iana.offset(key * span);
      offset = start === this.iana.offset(key * span + span - MINUTE) ? start : MIXED;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, offset);
    }
    return offset;
  }

  /**
   * The instant of a wall-clock time. Offsets a day before and after bracket any DST change; each
   * candidate offset that maps back to itself is a valid reading. None valid: a gap, read with the
   * earlier offset (02:30 becomes 03:30, like luxon and Temporal's 'compatible'). Two valid: a
   * repeated hour, read as the earlier instant. Which reading the WFM system picks is not documented,
   * hence the flags.
   */
  fromWallClock(wallMs: number): { epochMs: number; flag: DstFlag | undefined } {
    const key = Math.floor(wallMs / MINUTE);
    let hit = this.walls.get(key);
    if (hit === undefined) {
      hit = this.resolveWallMinute(key * MINUTE);
      if (this.walls.size >= CACHE_LIMIT) this.walls.clear();
      this.walls.set(key, hit);
    }
    return { epochMs: wallMs - hit.offset * MINUTE, flag: hit.flag };
  }

  private resolveWallMinute(wallMs: number): { offset: number; flag: DstFlag | undefined } {
    const before = this.offsetAt(wallMs - DAY);
    const after = this.offsetAt(wallMs + DAY);
    const valid = [...new Set([before, after])].filter((offset) => this.offsetAt(wallMs - offset * MINUTE) === offset);
    if (valid.length === 0) return { offset: before, flag: 'dst-gap' };
    if (valid.length === 1) return { offset: valid[0] ?? before, flag: undefined };
    return { offset: Math.max(...valid), flag: 'dst-repeated' };
  }

  /**
   * A driver value as a timestamp, or undefined when it is not one (empty values are the caller's
   * concern). The result is shared between calls with the same text: treat it as read-only.
   */
  resolve(value: unknown): ResolvedTimestamp | undefined {
    if (value instanceof Date) {
      const epochMs = value.getTime();
      // Outside years 0000–9999 no driver delivers a real timestamp, and formatting would fail.
      if (Number.isNaN(epochMs) || epochMs < MIN_MS || epochMs > MAX_MS) return undefined;
      return this.fromInstant(epochMs, false);
    }
    if (typeof value !== 'string') return undefined;
    if (value === this.lastText) return this.lastResult;
    const result = this.resolveText(value);
    this.lastText = value;
    this.lastResult = result;
    return result;
  }

  private resolveText(value: string): ResolvedTimestamp | undefined {
    const fields = parseTimestampText(value);
    if (fields === undefined) return undefined;
    const wallMs = wallClockMs(fields);
    if (Number.isNaN(wallMs)) return undefined;
    if (fields.offsetMinutes !== undefined) {
      return this.fromInstant(wallMs - fields.offsetMinutes * MINUTE, fields.subMillisecond);
    }
    const { epochMs, flag } = this.fromWallClock(wallMs);
    return { epochMs, wallMs, subMillisecond: fields.subMillisecond, naive: true, flag };
  }

  private fromInstant(epochMs: number, subMillisecond: boolean): ResolvedTimestamp {
    const wallMs = epochMs + this.offsetAt(epochMs) * MINUTE;
    return { epochMs, wallMs, subMillisecond, naive: false, flag: undefined };
  }
}

/** 'YYYY-MM-DDTHH:MM:SS.sssZ'. */
export function formatUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const clocks = new Map<string, ZoneClock>();

/**
 * For the UI: a timestamp cell as local wall-clock time beside its UTC value, with DST flags.
 * Returns undefined for values that are not timestamps (NULL, numbers, unparseable text); throws
 * RangeError for an unknown zone, which is a configuration error rather than a data error.
 */
export function interpretTimestamp(value: unknown, zone: string): TimestampInterpretation | undefined {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  const resolved = clock.resolve(value);
  if (resolved === undefined) return undefined;
  return {
    local: formatWallClock(resolved.wallMs),
    utc: formatUtc(resolved.epochMs),
    flags: resolved.flag === undefined ? [] : [resolved.flag],
  };
}
