import type { BrowserContext } from 'playwright-core';

/**
 * The clock and time zone of the browser under scripts/test/under-clock.sh, which runs the suite
 * with a faked wall clock through libfaketime. Chromium under libfaketime takes minutes to start,
 * so it is started without the library, and its pages get the same clock (read from this process,
 * whose clock is faked) and the same zone through Playwright instead. Outside a clock run: nothing.
 */
export interface BrowserClock {
  /** Environment for the browser process, without libfaketime. */
  env: Record<string, string>;
  /** The faked machine's zone, for the browser context. */
  timezoneId: string | undefined;
  /** Gives the context's pages this process's (faked) clock; time runs on from there. */
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
  return {
    env,
    timezoneId: faked ? process.env.TZ : undefined,
    install: async (context) => {
      if (faked) await context.clock.install({ time: Date.now() });
    },
  };
}
