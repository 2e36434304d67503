import fc from 'fast-check';

/**
 * Property tests draw the same cases on every run, so the suite gives the same answer twice:
 * a random seed made CI fail on some runs only. To explore other cases, set ACD_FC_SEED (a
 * failing run prints its seed and path, which fc.assert accepts to replay it).
 */
const seed = Number(process.env.ACD_FC_SEED ?? 20_261_207);
if (!Number.isSafeInteger(seed))
  throw new Error(`ACD_FC_SEED must be a whole number, not "${process.env.ACD_FC_SEED}"`);
fc.configureGlobal({ seed });
