import type { Browser, Page } from 'playwright-core';
import { VIEWPORT } from './chromium';

export const TREE = '[role="tree"][aria-label="External systems"]';
const FIRST_ITEM = `${TREE} [role="treeitem"]`;
const FIRST_INTEGRATION = `${TREE} [role="treeitem"].kind-integration`;

/** A fresh context (empty cache, no storage) and page, so every load is a first visit. */
export async function freshPage(browser: Browser): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

export interface TreeTiming {
  /** performance.now() in the page (ms since navigation start) when the tree had an item on screen. */
  treeVisibleMs: number;
  /** …and when a click on its first item had selected it. */
  interactiveMs: number;
}

/**
 * Loads the workbench and clicks the first tree item as soon as it is shown. The times are read
 * inside the page, so they count from navigation start and exclude the driver's round trips
 * after the fact; the waits poll once per animation frame.
 */
export async function loadUntilTreeInteractive(page: Page, url: string): Promise<TreeTiming> {
  await page.goto(url, { waitUntil: 'commit' });
  const visible = await page.waitForFunction(
    (selector) => {
      const item = document.querySelector(selector);
      return item !== null && item.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    FIRST_ITEM,
    { polling: 'raf', timeout: 30_000 },
  );
  await page.locator(FIRST_ITEM).first().click();
  const selected = await page.waitForFunction(
    (selector) =>
      document.querySelector(selector)?.getAttribute('aria-selected') === 'true' ? performance.now() : false,
    FIRST_ITEM,
    { polling: 'raf', timeout: 30_000 },
  );
  return {
    treeVisibleMs: (await visible.jsonValue()) as number,
    interactiveMs: (await selected.jsonValue()) as number,
  };
}

/** Opens the first integration and waits until Monaco (the lazy editor chunk) has drawn itself. */
export async function openFirstIntegrationEditor(page: Page): Promise<void> {
  await page.locator(FIRST_INTEGRATION).first().click();
  await page.locator('.sql-editor .monaco-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
}
