import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startWebMode, type WebMode } from './web-mode';
import { WorkbenchPage } from '../pages/workbench-page';

export interface WorkbenchSession {
  web: WebMode;
  chromium: Awaited<ReturnType<typeof launchChromium>>;
  page: Page;
  app: WorkbenchPage;
}

/**
 * Web mode on a fresh data directory and a Chromium page opened on it, for one test file. The
 * returned object is filled in by beforeAll; tests may swap `web` (a restart) and re-open.
 */
export function useWorkbench(): WorkbenchSession {
  const session = {} as WorkbenchSession;
  beforeAll(async () => {
    session.web = await startWebMode();
    session.chromium = await launchChromium();
    session.page = await session.chromium.browser.newPage();
    session.page.setDefaultTimeout(15_000);
    session.app = new WorkbenchPage(session.page);
    await session.app.open(session.web.url);
  });
  afterAll(async () => {
    await session.chromium?.close();
    await session.web?.stop();
  });
  return session;
}
