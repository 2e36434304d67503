import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';

// The page must read the same clock and zone as the services: on today's clock, and under the
// suite's faked clocks (scripts/test/under-clock.sh), where Chromium gets them from the test.
describe("the page's clock", () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => chromium?.close());

  it('is the clock and time zone of the process that tests it, and its timers run', async () => {
    const page = await chromium.browser.newPage();
    await page.goto('data:text/html,<title>clock</title>');
    const before = Date.now();
    const seen = await page.evaluate(async () => {
      const waited = await new Promise<number>((resolve) => {
        const started = performance.now();
        setTimeout(() => resolve(performance.now() - started), 50);
      });
      return { now: Date.now(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone, waited };
    });
    const after = Date.now();
    // The page's reading falls between two readings here (a second either side for rounding).
    expect(seen.now).toBeGreaterThanOrEqual(before - 1000);
    expect(seen.now).toBeLessThanOrEqual(after + 1000);
    expect(seen.zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(seen.waited).toBeGreaterThanOrEqual(45);
  });
});
