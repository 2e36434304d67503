import { IANAZone } from 'luxon';

/**
 * Returns the canonical spelling of an IANA time zone ("europe/brussels" → "Europe/Brussels"),
 * or undefined when the runtime's time-zone database does not know it. Canonical spelling matters
 * because the WFM system and the on-premise agent compare zone names as strings.
 */
export function canonicalTimeZone(zone: string): string | undefined {
  const trimmed = zone.trim();
  if (trimmed === '' || !IANAZone.isValidZone(trimmed)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
}

/** Every zone the runtime knows, for pickers. UTC is not in Intl's list, so it is added. */
export function listTimeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  return [...zones].sort();
}
