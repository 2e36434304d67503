/** Names shared by the kill-during-save child and its test (kept apart so importing them runs nothing). */
export const DURABILITY_SYSTEM = 'Durability';
export const LATEST_INTEGRATION = 'latest';
export const saveName = (round: number, n: number) => `round ${round} save ${n}`;
