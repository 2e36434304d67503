import { INTERVAL_MINUTES } from './demo-constants';

/** The demo contact centre's queues and when and how much traffic reaches them. */

export type MediaType = 'voice' | 'chat' | 'email' | 'social';

export interface DemoQueue {
  id: number;
  code: string;
  name: string;
  mediaType: MediaType;
  /** Expected arrivals per 15 minutes at the top of the intraday curve on an average weekday. */
  peakRate: number;
  answerRate: number;
  talkMean: number;
  holdShare: number;
  wrapMean: number;
  waitMean: number;
  serviceLevelSeconds: number;
}

export const QUEUES: readonly DemoQueue[] = [
  {
    id: 3101,
    code: 'SALES_NL',
    name: 'Sales (Dutch)',
    mediaType: 'voice',
    peakRate: 12,
    answerRate: 0.95,
    talkMean: 260,
    holdShare: 0.15,
    wrapMean: 40,
    waitMean: 12,
    serviceLevelSeconds: 20,
  },
  {
    id: 3102,
    code: 'SALES_FR',
    name: 'Sales (French)',
    mediaType: 'voice',
    peakRate: 8,
    answerRate: 0.94,
    talkMean: 270,
    holdShare: 0.15,
    wrapMean: 40,
    waitMean: 15,
    serviceLevelSeconds: 20,
  },
  {
    id: 3201,
    code: 'SUPPORT',
    name: 'Customer Support',
    mediaType: 'voice',
    peakRate: 22,
    answerRate: 0.93,
    talkMean: 340,
    holdShare: 0.3,
    wrapMean: 60,
    waitMean: 18,
    serviceLevelSeconds: 20,
  },
  {
    id: 3301,
    code: 'BILLING',
    name: 'Billing & Payments',
    mediaType: 'voice',
    peakRate: 7,
    answerRate: 0.96,
    talkMean: 300,
    holdShare: 0.25,
    wrapMean: 55,
    waitMean: 10,
    serviceLevelSeconds: 20,
  },
  {
    id: 4101,
    code: 'WEBCHAT',
    name: 'Web Chat',
    mediaType: 'chat',
    peakRate: 9,
    answerRate: 0.95,
    talkMean: 480,
    holdShare: 0,
    wrapMean: 30,
    waitMean: 15,
    serviceLevelSeconds: 30,
  },
  {
    id: 5101,
    code: 'EMAIL_IN',
    name: 'E-mail Inbox',
    mediaType: 'email',
    peakRate: 10,
    answerRate: 0.98,
    talkMean: 360,
    holdShare: 0,
    wrapMean: 60,
    waitMean: 900,
    serviceLevelSeconds: 3600,
  },
  {
    id: 6101,
    code: 'SOCIAL',
    name: 'Social Media',
    mediaType: 'social',
    peakRate: 2,
    answerRate: 0.97,
    talkMean: 200,
    holdShare: 0,
    wrapMean: 30,
    waitMean: 240,
    serviceLevelSeconds: 900,
  },
];

/** Luxon weekday (1 = Monday … 7 = Sunday) → opening hours in minutes after local midnight. */
export function openingHours(weekday: number): { open: number; close: number } | null {
  if (weekday <= 5) return { open: 8 * 60, close: 20 * 60 };
  if (weekday === 6) return { open: 9 * 60, close: 14 * 60 };
  return null;
}

/** Mondays are busiest and Fridays quietest, as in most service centres. */
export const WEEKDAY_FACTOR: Record<number, number> = { 1: 1.2, 2: 1.05, 3: 1, 4: 0.97, 5: 0.9, 6: 0.55 };

export function bump(minute: number, centre: number, width: number): number {
  return Math.exp(-0.5 * ((minute - centre) / width) ** 2);
}

/** Relative arrival rate of a slot: a morning peak around 10:30 and a lower one after lunch. */
export function intradayShape(queue: DemoQueue, slotStart: number, open: number): number {
  const minute = slotStart + INTERVAL_MINUTES / 2;
  let shape = 0.25 + bump(minute, 10.5 * 60, 75) + 0.8 * bump(minute, 14.25 * 60, 90);
  // Chats and social messages keep coming after work; e-mails that arrived overnight are routed at opening.
  if (queue.mediaType === 'chat' || queue.mediaType === 'social') shape += 0.3 * bump(minute, 19.5 * 60, 60);
  if (queue.mediaType === 'email' && slotStart === open) shape += 4;
  return shape;
}
