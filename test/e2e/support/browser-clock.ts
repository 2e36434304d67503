import type { BrowserContext } from 'playwright-core';

/**
 * The clock and time zone of the browser under scripts/test/under-clock.sh, which runs the suite
 * with a faked wall clock through libfaketime. Chromium under libfaketime takes minutes to start,
 * so it is started without the library, and its pages get the same clock shift and zone here.
 *
 * Not Playwright's own clock: its `install`/`setSystemTime` take "real time" from the test process,
 * whose clock is the faked one, so with a faked time in the past the page's timers never fire.
 * Shifting Date by the same offset libfaketime uses (FAKETIME="+N" or "-N" seconds) leaves timers
 * alone. Outside a clock run: nothing.
 */
export interface BrowserClock {
  /** Environment for the browser process, without libfaketime. */
  env: Record<string, string>;
  /** The faked machine's zone, for the browser context. */
  timezoneId: string | undefined;
  /** Gives the context's pages the faked clock: Date shifted as the test process's is. */
  install(context: BrowserContext): Promise<void>;
}

export function browserClock(): BrowserClock {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && !entry[0].startsWith('FAKETIME'),
    ),
  );
  const faked = process.env.ACD_LINK_TEST_CLOCK !== undefined;
  const offsetSeconds = /^[+-]\d+$/.test(process.env.FAKETIME ?? '') ? Number(process.env.FAKETIME) : undefined;
  if (faked && offsetSeconds === undefined)
    throw new Error(`under a faked clock FAKETIME must be "+N" or "-N" seconds, not "${process.env.FAKETIME}"`);
  return {
    env,
    timezoneId: faked ? process.env.TZ : undefined,
    install: async (context) => {
      if (offsetSeconds !== undefined) await context.addInitScript(shiftDateScript(offsetSeconds * 1000));
    },
  };
}

/**
 * Runs in the page before its own scripts: `Date.now()` and `new Date()` read the shifted clock.
 * A string, not a function: a transpiler's helpers (esbuild's __name) do not exist in the page.
 */
function shiftDateScript(offsetMs: number): string {
  return `(() => {
    const RealDate = Date;
    const now = () => RealDate.now() + ${offsetMs};
    function ShiftedDate(...args) {
      if (!new.target) return new RealDate(now()).toString();
      return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
    }
    ShiftedDate.prototype = RealDate.prototype;
    Object.setPrototypeOf(ShiftedDate, RealDate);
    Object.defineProperty(ShiftedDate, 'now', { value: now });
    globalThis.Date = ShiftedDate;
  })();`;
}
