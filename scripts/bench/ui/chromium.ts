import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The e2e tests' window size: the tree, the editor and an 18-row grid are all in view. */
export const VIEWPORT = { width: 1400, height: 900 } as const;

/** Debian's Chromium with the flags of the e2e tests (a closed network, no GPU). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (npm test does it)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // Chromium takes minutes to start under libfaketime (the test suite's clock runs): leave it out.
    // The UI figures measure frames and bytes, not dates, so the browser keeps the real clock.
    env: Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && !entry[0].startsWith('FAKETIME'),
      ),
    ),
    headless: true,
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
}
