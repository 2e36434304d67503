import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHandoffHtml } from '../../../src-main/transfer/handoff';
import { launchChromium } from '../../e2e/support/browser';
import { hostileInput, HOSTILE_INTEGRATION_NAME, HOSTILE_SQL, HOSTILE_SYSTEM_NAME } from './hostile-input';
import { SAMPLE_SHEETS } from './sample-sheets';

/** Each page a Chromium PDF holds is one "/Type /Page" object (the tree node is "/Type /Pages"). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

describe('the hand-off HTML in a real browser (Debian Chromium)', { timeout: 60_000 }, () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;

  beforeAll(async () => {
    chromium = await launchChromium();
    browser = chromium.browser;
  }, 60_000);
  afterAll(async () => chromium?.close());

  /** Loads the page and records anything it tries to fetch, run or pop up. */
  async function open(html: string): Promise<{ page: Page; requests: string[]; dialogs: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent(html, { waitUntil: 'load' });
    return { page, requests, dialogs, errors };
  }

  for (const [name, input] of Object.entries(SAMPLE_SHEETS)) {
    it(`${name}: prints on one A4 page and loads nothing from elsewhere`, async () => {
      const { page, requests, errors } = await open(renderHandoffHtml(input));
      try {
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        expect(pageCount(pdf)).toBe(1);
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
        expect(await page.locator('script, link, img, iframe, object').count()).toBe(0);
        expect(await page.locator('meta[name="generator"]').getAttribute('content')).toBe('ACD Link Studio v0.1.0');
        expect(await page.locator('pre.sql').innerText()).toBe(input.integration.sql);
      } finally {
        await page.close();
      }
    });
  }

  it('prints every sample on one page with a 22-line query too', async () => {
    for (const input of Object.values(SAMPLE_SHEETS)) {
      const lines = input.integration.sql.split('\n');
      const sql = Array.from({ length: 22 }, (_, index) => lines[index % lines.length]).join('\n');
      const { page } = await open(renderHandoffHtml({ ...input, integration: { ...input.integration, sql } }));
      try {
        expect(pageCount(await page.pdf({ format: 'A4', preferCSSPageSize: true })), input.integration.name).toBe(1);
      } finally {
        await page.close();
      }
    }
  });

  it('breaks a very long query onto a second page instead of shrinking it away', async () => {
    const input = SAMPLE_SHEETS['odbc-agent-states-not-validated']!;
    const sql = Array.from({ length: 120 }, (_, index) => `  , column_${index} AS c${index}`).join('\n');
    const { page } = await open(renderHandoffHtml({ ...input, integration: { ...input.integration, sql } }));
    try {
      expect(pageCount(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBeGreaterThan(1);
    } finally {
      await page.close();
    }
  });

  it('shows hostile names and SQL as text: nothing runs, nothing loads', async () => {
    const { page, requests, dialogs, errors } = await open(renderHandoffHtml(hostileInput()));
    try {
      expect(await page.locator('h1').innerText()).toBe(`Hand-off sheet: ${HOSTILE_INTEGRATION_NAME}`);
      expect(await page.locator('header strong').innerText()).toBe(HOSTILE_SYSTEM_NAME);
      expect(await page.title()).toBe(`Hand-off sheet: ${HOSTILE_INTEGRATION_NAME} (${HOSTILE_SYSTEM_NAME})`);
      const sql = await page.locator('pre.sql').textContent();
      expect(sql?.split('\n')[0]).toBe(HOSTILE_SQL.split('\r\n')[0]);
      expect(await page.locator('script, img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
