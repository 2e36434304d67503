import { describe, expect, it } from 'vitest';
import { startWebMode } from './support/web-mode';
import { DEMO_QUERIES } from '../../src-main/demo/demo-queries';
import { useWorkbench } from './support/workbench-session';

// The production renderer bundle in Debian's Chromium, against the real services of web mode.
describe('web mode in Chromium', () => {
  const session = useWorkbench();

  it('shows the embedded demo on first start and previews real rows from it', async () => {
    await session.app.treeItem('Demo ACD (embedded SQLite)').waitFor();
    for (const name of ['Queue statistics (15 min)', 'Contacts', 'Agent states']) {
      await session.app.treeItem(name).waitFor();
    }
    await session.app.treeItem('Queue statistics (15 min)').click();
    await session.app.button('Run preview').click();
    const grid = session.page.getByRole('grid', { name: 'Preview rows' });
    await grid.waitFor();
    const headers = await grid.getByRole('columnheader').allTextContents();
    expect(headers.slice(1)).toEqual([
      'queueidentifier',
      'queuename',
      'timestamp',
      'timestamp (UTC)',
      'offered',
      'answered',
      'handlingtime',
      'channel',
    ]);
    expect(await grid.getAttribute('aria-rowcount')).toBe('201');
    await session.page.getByText('No findings: these rows meet the import contract.').waitFor();
  });

  it('flags a planted wrong channel, jumps to its cell and charts the intervals', async () => {
    const sql = session.app.field('SQL query');
    const original = DEMO_QUERIES.interval;
    await session.app.setSql(original.replace("WHEN 'chat' THEN 'chats'", "WHEN 'chat' THEN 'chat'"));
    await sql.press('Control+Enter');
    const findings = session.page.getByRole('list', { name: 'Findings' });
    const first = findings.getByRole('button').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(
      /Row \d+ · channel — channel "chat" is not a known channel\. Did you mean chats\?/,
    );
    await first.click();
    // The grid keeps focus and names its active cell with aria-activedescendant.
    const grid = session.page.getByRole('grid', { name: 'Preview rows' });
    const activeText = async () => {
      const id = await grid.getAttribute('aria-activedescendant');
      return id ? session.page.locator(`[id="${id}"]`).textContent() : null;
    };
    await expect.poll(activeText).toMatch(/^chat/);
    await session.page.getByRole('tab', { name: 'Chart' }).click();
    await session.page.locator('.uplot canvas').first().waitFor();
    await session.page.getByRole('tab', { name: 'Rows' }).click();
    await session.app.setSql(original);
  });

  it('validates every row of the demo query with progress and a clean summary', async () => {
    await session.app.button('Validate all rows').click();
    const summary = session.page.getByRole('status', { name: 'Validation summary' });
    await summary.getByText(/rows checked in/).waitFor();
    expect(await summary.textContent()).toMatch(/Found 7 queue\(s\), 4 channel\(s\)/);
    await summary.getByText('No findings: these rows meet the import contract.').waitFor();
  });

  it('previews live while typing and flags a defect without pressing Run', async () => {
    const original = DEMO_QUERIES.interval;
    await session.page.getByLabel('Live preview while typing').check();
    await session.app.setSql(original.replace('s.calls_answered AS answered', 's.calls_offered + 1 AS answered'));
    await session.page
      .getByRole('list', { name: 'Findings' })
      .getByText(/is greater than offered/)
      .first()
      .waitFor();
    await session.page.getByLabel('Live preview while typing').uncheck();
    await session.app.setSql(original);
  });

  it('inserts a template and completes contract aliases in the SQL editor', async () => {
    await session.app.treeItem('Queue statistics (15 min)').click();
    await session.app.button('Insert template').click();
    await expect.poll(() => session.page.locator('.sql-editor').textContent()).toContain('queueidentifier');
    await session.app.setSql('SELECT queue_code AS queu');
    await session.page.keyboard.press('Control+Space');
    await session.page
      .getByRole('option', { name: /queueidentifier/ })
      .first()
      .waitFor();
    await session.page.keyboard.press('Escape');
    await session.app.setSql(DEMO_QUERIES.interval);
  });

  it('refuses a statement that writes, and cancels a slow query', async () => {
    const sql = session.app.field('SQL query');
    const original = DEMO_QUERIES.interval;
    await session.app.setSql('DELETE FROM queues');
    await session.app.button('Run preview').click();
    await session.page.getByRole('alert').filter({ hasText: 'only read' }).first().waitFor();

    // A recursive count to a billion keeps SQLite busy far longer than this test.
    await session.app.setSql(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT max(i) FROM n',
    );
    await sql.press('Control+Enter');
    await session.page.getByRole('status').filter({ hasText: 'Running the query' }).waitFor();
    await sql.press('Escape');
    await session.page.getByRole('alert').filter({ hasText: 'Cancelled' }).waitFor();
    await session.app.setSql(original);
  });

  it('removes the access token from the address bar', async () => {
    expect(session.page.url()).not.toContain('token=');
  });

  it('creates a system and an integration that are still there after a reload', async () => {
    await session.app.createSystem({ name: 'Avaya Brussels', timeZone: 'europe/brussels' });
    await session.page.getByRole('status').filter({ hasText: 'Created and saved' }).waitFor();
    await session.app.createIntegration('Avaya Brussels', { name: 'Agent states (CMS)', importType: 'Agent states' });
    await session.app.treeItem('Agent states (CMS)').waitFor();

    await session.page.reload();
    await session.app.tree.waitFor();
    await session.app.treeItem('Avaya Brussels').click();
    expect(await session.app.field('Database time zone').inputValue()).toBe('Europe/Brussels');
    expect(await session.app.field('Connection string').inputValue()).toBe('DSN=AvayaCMS;DELIMIDENT=y;');
    await session.app.treeItem('Agent states (CMS)').waitFor();
  });

  it('rejects an empty, a duplicate and an unknown-time-zone system with visible messages', async () => {
    await session.app.button('New system').click();
    await session.app.button('Create system').click();
    await session.app.alerts().filter({ hasText: 'must not be empty' }).first().waitFor();

    await session.app.field('System name').fill('avaya brussels');
    await session.app.field('Database type').selectOption({ label: 'Other (ODBC)' });
    await session.app.field('Connection string').fill('DSN=x;');
    await session.app.button('Create system').click();
    await session.app.alerts().filter({ hasText: 'already exists' }).first().waitFor();

    await session.app.field('System name').fill('Genesys');
    await session.app.field('Database time zone').fill('Mars/Olympus');
    await session.app.button('Create system').click();
    await session.app.alerts().filter({ hasText: 'is not a known IANA time zone' }).first().waitFor();
    expect(await session.app.treeItem('Genesys').count()).toBe(0);
  });

  it('renames with F2, pauses and resumes, keeping the state across a reload', async () => {
    await session.app.treeItem('Agent states (CMS)').click();
    await session.app.treeItem('Agent states (CMS)').press('F2');
    const rename = session.page.getByLabel('New name for Agent states (CMS)');
    await rename.fill('');
    await rename.press('Enter');
    await session.page.getByRole('alert').filter({ hasText: 'must not be empty' }).first().waitFor();
    await rename.fill('CMS agent states');
    await rename.press('Enter');
    await session.app.treeItem('CMS agent states').waitFor();

    await session.app.button('Pause').click();
    await session.app.treeItem('CMS agent states').getByText('paused', { exact: true }).waitFor();
    await session.page.reload();
    await session.app.treeItem('Avaya Brussels').click();
    await session.app.treeItem('Avaya Brussels').press('ArrowRight');
    await session.app.treeItem('CMS agent states').getByText('paused', { exact: true }).waitFor();
    await session.app.treeItem('CMS agent states').click();
    await session.app.button('Resume').click();
    await expect
      .poll(() => session.app.treeItem('CMS agent states').getByText('paused', { exact: true }).count())
      .toBe(0);
  });

  it('moves through the tree with the keyboard', async () => {
    await session.app.treeItem('Avaya Brussels').click();
    await session.app.treeItem('Avaya Brussels').press('ArrowLeft'); // collapse
    await expect.poll(() => session.app.treeItem('CMS agent states').count()).toBe(0);
    await session.app.treeItem('Avaya Brussels').press('ArrowRight'); // expand
    await session.app.treeItem('CMS agent states').waitFor();
    await session.app.treeItem('Avaya Brussels').press('ArrowDown');
    await expect
      .poll(() => session.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('CMS agent states');
    await session.page.keyboard.press('Enter');
    expect(await session.app.field('Integration name').inputValue()).toBe('CMS agent states');
  });

  it('deletes only after confirmation, and the deletion survives a restart of the app', async () => {
    await session.app.treeItem('Avaya Brussels').click();
    await session.app.button('Delete').click();
    const dialog = session.page.getByRole('alertdialog', { name: 'Delete external system?' });
    await dialog.getByText('"Avaya Brussels" and its 1 integration will be deleted').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await session.app.treeItem('Avaya Brussels').waitFor();

    await session.app.treeItem('Avaya Brussels').press('Delete');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => session.app.treeItem('Avaya Brussels').count()).toBe(0);

    await session.web.stop();
    session.web = await startWebMode(session.web.home);
    await session.app.open(session.web.url);
    await session.app.treeItem('Demo ACD (embedded SQLite)').waitFor();
    expect(await session.app.treeItem('Avaya Brussels').count()).toBe(0);
  });

  it('tells a visitor without the access token what to open', async () => {
    const other = await session.chromium.browser.newPage();
    await other.goto(new URL('/', session.web.url).toString());
    await other.getByText('This page needs the address printed by "npm run web"').waitFor();
    await other.close();
  });
});
