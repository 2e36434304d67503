import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { browserClock } from './browser-clock';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium with the flags this closed network needs, in a fresh profile. */
export async function launchChromium(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (npm test does it).`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-chromium-'));
  const clock = browserClock();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    env: clock.env,
    ...(clock.timezoneId ? { timezoneId: clock.timezoneId } : {}),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await clock.install(context);
  return {
    browser: context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };
