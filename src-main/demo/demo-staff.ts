/** The demo contact centre's agents, their state codes and their shift patterns. */

export const STATE_CODES: ReadonlyArray<readonly [string, string]> = [
  ['LOGIN', 'Logging in at the start of a shift'],
  ['AVAILABLE', 'Ready, waiting for a contact'],
  ['TALK', 'On a call'],
  ['DIGITAL', 'Handling a chat, e-mail or social message'],
  ['ACW', 'After-contact work'],
  ['BREAK', 'Short break'],
  ['LUNCH', 'Lunch'],
  ['MEETING', 'Team meeting or coaching'],
  ['ADMIN', 'Back-office work outside the queues'],
  ['LOGOUT', 'Logging out at the end of a shift'],
];

export const FIRST_NAMES = [
  'Lotte',
  'Mathis',
  'Sofie',
  'Youssef',
  'Emma',
  'Lucas',
  'Nora',
  'Thomas',
  'Amira',
  'Jonas',
  'Camille',
  'Arthur',
  'Fien',
  'Louis',
  'Ines',
  'Wout',
  'Chloé',
  'Bram',
  'Lina',
  'Noah',
];
export const LAST_NAMES = [
  'Peeters',
  'Dubois',
  'Janssens',
  'El Amrani',
  'Maes',
  'Lambert',
  'Jacobs',
  'Dupont',
  'Benali',
  'Claes',
  'Martin',
  'Wouters',
  'Goossens',
  'Leroy',
  'Mertens',
  'Willems',
  'Simon',
  'Hermans',
  'Laurent',
  'Vermeulen',
];

export interface DemoAgent {
  login: string;
  name: string;
  team: 'voice' | 'digital';
}

export const AGENTS: readonly DemoAgent[] = FIRST_NAMES.map((first, index) => ({
  login: String(5001 + index),
  name: `${first} ${LAST_NAMES[index] ?? ''}`.trim(),
  team: index % 5 < 3 ? 'voice' : 'digital',
}));

export interface ShiftTemplate {
  start: number;
  end: number;
  /** Planned pauses, minutes after the shift start. */
  pauses: ReadonlyArray<{ at: number; minutes: number; code: string }>;
}

export const WEEKDAY_SHIFTS: readonly ShiftTemplate[] = [
  {
    start: 8 * 60,
    end: 16 * 60 + 30,
    pauses: [
      { at: 120, minutes: 15, code: 'BREAK' },
      { at: 240, minutes: 30, code: 'LUNCH' },
      { at: 390, minutes: 15, code: 'BREAK' },
    ],
  },
  {
    start: 9 * 60 + 30,
    end: 18 * 60,
    pauses: [
      { at: 120, minutes: 15, code: 'BREAK' },
      { at: 225, minutes: 30, code: 'LUNCH' },
      { at: 390, minutes: 15, code: 'BREAK' },
    ],
  },
  {
    start: 11 * 60 + 30,
    end: 20 * 60,
    pauses: [
      { at: 120, minutes: 15, code: 'BREAK' },
      { at: 270, minutes: 30, code: 'LUNCH' },
      { at: 390, minutes: 15, code: 'BREAK' },
    ],
  },
];
export const SATURDAY_SHIFT: ShiftTemplate = {
  start: 9 * 60,
  end: 14 * 60,
  pauses: [{ at: 150, minutes: 15, code: 'BREAK' }],
};
