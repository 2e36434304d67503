import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startWebMode, type WebMode } from './support/web-mode';
import { WorkbenchPage } from './pages/workbench-page';

describe('Test connection and the schema browser in Chromium', () => {
  let web: WebMode;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let app: WorkbenchPage;

  beforeAll(async () => {
    web = await startWebMode();
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    page.setDefaultTimeout(15_000);
    app = new WorkbenchPage(page);
    await app.open(web.url);
  });

  afterAll(async () => {
    await chromium?.close();
    await web?.stop();
  });

  it('tests the demo connection and marks the system as connected in the tree', async () => {
    await app.treeItem('Demo ACD (embedded SQLite)').click();
    await app.button('Test connection').click();
    const result = page.getByRole('status', { name: 'Test connection' });
    await result.getByText('Connected to SQLite 3.', { exact: false }).waitFor();
    await app.treeItem('Demo ACD (embedded SQLite)').getByText('connected', { exact: true }).waitFor();
  });

  it('browses schemas, tables and columns under the system', async () => {
    await app.treeItem('Database objects').click();
    await app.treeItem('main').click();
    await app.treeItem('agent_state_log').click();
    for (const column of ['agent_login', 'state_code', 'state_start', 'state_end']) {
      await app.treeItem(column).waitFor();
    }
    // Keyboard: Left on a column goes to its table, Left again collapses it.
    await app.treeItem('state_end').press('ArrowLeft');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('agent_state_log');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => app.treeItem('state_end').count()).toBe(0);
  });

  it('offers the installed ODBC drivers and advises on the connection string as it is typed', async () => {
    await app.button('New system').click();
    await app.field('Database type').selectOption({ label: 'Other (ODBC)' });
    await page.getByText(/Suggestions: \d+ data source\(s\) and \d+ driver\(s\) installed/).waitFor();
    const suggestions = await page
      .locator('datalist option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(suggestions).toEqual(expect.arrayContaining(['DRIVER={PostgreSQL Unicode};', 'DRIVER={SQLite3};']));
    await app.field('Connection string').fill('DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=cms;DATABASE=cms;UID=wfm;');
    const advice = page.getByRole('list', { name: 'Advice on the connection string' });
    await advice.getByText('DELIMIDENT=y', { exact: false }).waitFor();
  });

  it('reports an unreachable PostgreSQL server within the deadline, naming the category', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    await app.button('New system').click();
    await app.field('System name').fill('Closed port');
    await app.field('Database type').selectOption({ label: 'PostgreSQL' });
    await app.field('Host').fill('127.0.0.1');
    await app.field('Port').fill(String(port));
    await app.field('Database name').fill('acd');
    await app.field('User').fill('reader');
    await app.field('Password').fill('Canary-Pw-7f3a9');
    await app.button('Test connection').click();
    const result = page.getByRole('status', { name: 'Test connection' });
    await result.getByText('unreachable', { exact: true }).waitFor();
    expect(await result.textContent()).not.toContain('Canary-Pw-7f3a9');
  });
});
