import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startWebMode, type WebMode } from './support/web-mode';
import { WorkbenchPage } from './pages/workbench-page';

// The production renderer bundle in Debian's Chromium, against the real services of web mode.
describe('web mode in Chromium', () => {
  let web: WebMode;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let app: WorkbenchPage;

  beforeAll(async () => {
    web = await startWebMode();
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    page.setDefaultTimeout(10_000);
    app = new WorkbenchPage(page);
    await app.open(web.url);
  });

  afterAll(async () => {
    await chromium?.close();
    await web?.stop();
  });

  it('shows the embedded demo on first start and previews real rows from it', async () => {
    await app.treeItem('Demo ACD (embedded SQLite)').waitFor();
    for (const name of ['Queue statistics (15 min)', 'Contacts', 'Agent states']) {
      await app.treeItem(name).waitFor();
    }
    await app.treeItem('Queue statistics (15 min)').click();
    await app.button('Run preview').click();
    const table = page.getByRole('table', { name: 'Preview rows' });
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      '#',
      'queueidentifier',
      'queuename',
      'timestamp',
      'offered',
      'answered',
      'handlingtime',
      'channel',
    ]);
    expect(await table.getByRole('row').count()).toBeGreaterThan(100);
  });

  it('removes the access token from the address bar', async () => {
    expect(page.url()).not.toContain('token=');
  });

  it('creates a system and an integration that are still there after a reload', async () => {
    await app.createSystem({ name: 'Avaya Brussels', timeZone: 'europe/brussels' });
    await page.getByRole('status').filter({ hasText: 'Created and saved' }).waitFor();
    await app.createIntegration('Avaya Brussels', { name: 'Agent states (CMS)', importType: 'Agent states' });
    await app.treeItem('Agent states (CMS)').waitFor();

    await page.reload();
    await app.tree.waitFor();
    await app.treeItem('Avaya Brussels').click();
    expect(await app.field('Database time zone').inputValue()).toBe('Europe/Brussels');
    expect(await app.field('Connection string').inputValue()).toBe('DSN=AvayaCMS;DELIMIDENT=y;');
    await app.treeItem('Agent states (CMS)').waitFor();
  });

  it('rejects an empty, a duplicate and an unknown-time-zone system with visible messages', async () => {
    await app.button('New system').click();
    await app.button('Create system').click();
    await app.alerts().filter({ hasText: 'must not be empty' }).first().waitFor();

    await app.field('System name').fill('avaya brussels');
    await app.field('Database type').selectOption({ label: 'Other (ODBC)' });
    await app.field('Connection string').fill('DSN=x;');
    await app.button('Create system').click();
    await app.alerts().filter({ hasText: 'already exists' }).first().waitFor();

    await app.field('System name').fill('Genesys');
    await app.field('Database time zone').fill('Mars/Olympus');
    await app.button('Create system').click();
    await app.alerts().filter({ hasText: 'is not a known IANA time zone' }).first().waitFor();
    expect(await app.treeItem('Genesys').count()).toBe(0);
  });

  it('renames with F2, pauses and resumes, keeping the state across a reload', async () => {
    await app.treeItem('Agent states (CMS)').click();
    await app.treeItem('Agent states (CMS)').press('F2');
    const rename = page.getByLabel('New name for Agent states (CMS)');
    await rename.fill('');
    await rename.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'must not be empty' }).first().waitFor();
    await rename.fill('CMS agent states');
    await rename.press('Enter');
    await app.treeItem('CMS agent states').waitFor();

    await app.button('Pause').click();
    await app.treeItem('CMS agent states').getByText('paused', { exact: true }).waitFor();
    await page.reload();
    await app.treeItem('Avaya Brussels').click();
    await app.treeItem('Avaya Brussels').press('ArrowRight');
    await app.treeItem('CMS agent states').getByText('paused', { exact: true }).waitFor();
    await app.treeItem('CMS agent states').click();
    await app.button('Resume').click();
    await expect.poll(() => app.treeItem('CMS agent states').getByText('paused', { exact: true }).count()).toBe(0);
  });

  it('moves through the tree with the keyboard', async () => {
    await app.treeItem('Avaya Brussels').click();
    await app.treeItem('Avaya Brussels').press('ArrowLeft'); // collapse
    await expect.poll(() => app.treeItem('CMS agent states').count()).toBe(0);
    await app.treeItem('Avaya Brussels').press('ArrowRight'); // expand
    await app.treeItem('CMS agent states').waitFor();
    await app.treeItem('Avaya Brussels').press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('CMS agent states');
    await page.keyboard.press('Enter');
    expect(await app.field('Integration name').inputValue()).toBe('CMS agent states');
  });

  it('deletes only after confirmation, and the deletion survives a restart of the app', async () => {
    await app.treeItem('Avaya Brussels').click();
    await app.button('Delete').click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete external system?' });
    await dialog.getByText('"Avaya Brussels" and its 1 integration will be deleted').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await app.treeItem('Avaya Brussels').waitFor();

    await app.treeItem('Avaya Brussels').press('Delete');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => app.treeItem('Avaya Brussels').count()).toBe(0);

    await web.stop();
    web = await startWebMode(web.home);
    await app.open(web.url);
    await app.treeItem('Demo ACD (embedded SQLite)').waitFor();
    expect(await app.treeItem('Avaya Brussels').count()).toBe(0);
  });

  it('tells a visitor without the access token what to open', async () => {
    const other = await chromium.browser.newPage();
    await other.goto(new URL('/', web.url).toString());
    await other.getByText('This page needs the address printed by "npm run web"').waitFor();
    await other.close();
  });
});
