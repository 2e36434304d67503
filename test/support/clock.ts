/**
 * The instant tests generate clock-relative data for (the demo database's "now"): Wednesday
 * 2026-04-15 12:00 in Brussels. A 2-day demo then holds two whole weekdays and a morning, whatever
 * day the suite runs on; generated from the wall clock it held a closed Sunday every Monday.
 */
export const TEST_NOW = new Date('2026-04-15T10:00:00Z');
