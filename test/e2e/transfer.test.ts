import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_PASSWORD } from '../support/databases';
import { TransferPage } from './pages/transfer-page';
import { useWorkbench } from './support/workbench-session';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'e2e');
const XLINK_INI = path.join(FIXTURES, 'xlink-sqlite.isps_ul.ini');
const ACD_MAP = path.join(FIXTURES, 'xlink-sqlite.acd_map.ini');
const SYSTEM = 'Xlink SQLite ACD';
const DATA_SOURCE = 'AcdLinkE2E';

/** The ACD database behind the Xlink fixture: one row per contact and a log of agent states, in the past. */
function buildAcdDatabase(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE call_data (queue_name TEXT, arrived_at TEXT, vt_in INTEGER, vt_done INTEGER, vt_secs INTEGER);
    CREATE TABLE agent_activity (agent_login TEXT, activity TEXT, state_start TEXT, state_end TEXT);
  `);
  const contact = db.prepare('INSERT INTO call_data VALUES (?, ?, 1, ?, ?)');
  for (let minute = 0; minute < 120; minute += 4) {
    const at = `2025-03-10 ${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
    contact.run('Sales', at, minute % 12 === 0 ? 0 : 1, 180 + minute);
    contact.run('Support', at, 1, 240);
  }
  const state = db.prepare('INSERT INTO agent_activity VALUES (?, ?, ?, ?)');
  for (const agent of ['a.jansen', 'b.peeters', 'c.dubois']) {
    state.run(agent, 'READY', '2025-03-10 08:00:00', '2025-03-10 10:00:00');
    state.run(agent, 'BREAK', '2025-03-10 10:00:00', '2025-03-10 10:15:00');
    state.run(agent, 'READY', '2025-03-10 10:15:00', '2025-03-10 12:00:00');
  }
  db.close();
}

/**
 * The fixture's system reads the ODBC data source AcdLinkE2E, as Xlink's did. It is defined in a
 * user odbc.ini of its own (ODBCINI), which web mode and its driver processes inherit.
 */
function useXlinkDataSource(): void {
  let folder = '';
  let previous: string | undefined;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-e2e-xlink-'));
    const database = path.join(folder, 'xlink-acd.sqlite');
    buildAcdDatabase(database);
    const odbcIni = path.join(folder, 'odbc.ini');
    fs.writeFileSync(odbcIni, `[${DATA_SOURCE}]\nDriver = SQLite3\nDatabase = ${database}\n`);
    previous = process.env.ODBCINI;
    process.env.ODBCINI = odbcIni;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.ODBCINI;
    else process.env.ODBCINI = previous;
    fs.rmSync(folder, { recursive: true, force: true });
  });
}

// Migration from Xlink and hand-over to a colleague, in Chromium against web mode's real services.
describe('import and export in web mode', () => {
  useXlinkDataSource();
  const session = useWorkbench();
  let transfer: TransferPage;
  beforeAll(() => {
    transfer = new TransferPage(session.page);
  });
  afterAll(() => transfer?.cleanup());

  it('reaches every dialog by keyboard: a menu opens with the arrows, Esc closes back on its button', async () => {
    const exportButton = session.page
      .getByRole('navigation', { name: 'Import and export' })
      .getByRole('button', { name: 'Export…', exact: true });
    await exportButton.focus();
    await session.page.keyboard.press('ArrowDown');
    await session.page.keyboard.press('ArrowDown');
    expect(await session.page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Xlink configuration (isps_ul.ini)…',
    );
    await session.page.keyboard.press('Enter');
    const dialog = transfer.dialog('Export');
    expect(await dialog.getByRole('radio', { name: /Xlink configuration \(isps_ul\.ini\)/ }).isChecked()).toBe(true);
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await exportButton.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('imports isps_ul.ini: a plan with its notes, then every created integration previewed at once', async () => {
    await transfer.choose('Import…', 'Xlink configuration (isps_ul.ini)…');
    const dialog = transfer.dialog('Import an Xlink configuration');
    await dialog.getByRole('button', { name: 'Read the files' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Choose the isps_ul.ini file first.' }).waitFor();

    await dialog.getByLabel('isps_ul.ini (required)').setInputFiles(XLINK_INI);
    await dialog.getByLabel('acd_map.ini (optional)').setInputFiles(ACD_MAP);
    await dialog.getByRole('button', { name: 'Read the files' }).click();
    await dialog
      .getByText(/Found 1 system\(s\) with 3 integration\(s\) in xlink-sqlite\.isps_ul\.ini \(read as /)
      .waitFor();
    const planned = dialog.getByRole('listitem').filter({ has: session.page.getByRole('heading', { name: SYSTEM }) });
    expect(await planned.textContent()).toContain(`DSN=${DATA_SOURCE}`);
    for (const name of ['Intervals', 'Contacts', 'Agent states']) {
      await planned.getByRole('list', { name: '3 integrations' }).getByText(name, { exact: true }).waitFor();
    }
    // The report of what was not carried over names section, key and line.
    const assumptions = dialog.getByRole('list', { name: /Carried over on an assumption/ });
    expect(await assumptions.textContent()).toMatch(/\[Xlink SQLite ACD\] · Password · line 10/);
    expect(await assumptions.textContent()).toContain('PostScript');
    await dialog.getByLabel(`Password for ${SYSTEM} (optional)`).fill(CANARY_PASSWORD);
    await dialog.getByRole('button', { name: 'Import 1 system' }).click();

    await dialog.getByText('Created 1 system(s) and 3 integration(s).', { exact: false }).waitFor();
    const previews = dialog.getByRole('table', { name: 'Previews of the imported integrations' });
    await expect.poll(() => previews.textContent(), { timeout: 30_000 }).not.toMatch(/waiting…|running the query…/);
    const outcome = (name: string) => previews.getByRole('row').filter({ hasText: name }).getByRole('cell');
    expect(await outcome('Intervals').textContent()).toMatch(/^\d+ rows, (no findings|\d+ error)/);
    expect(await outcome('Agent states').textContent()).toMatch(/^9 rows/);
    expect(await dialog.textContent()).not.toContain(CANARY_PASSWORD);

    await dialog.getByRole('button', { name: 'Open Intervals' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await session.app.treeItem('Intervals').getAttribute('aria-selected')).toBe('true');
    await session.page.getByRole('grid', { name: 'Preview rows' }).waitFor();
  });

  it('exports the preview rows and every row, and downloads both hand-off sheets', async () => {
    const rows = await transfer.download(() => session.app.button('Export rows as CSV').click());
    expect(rows.name).toMatch(/^intervals-rows-.*\.csv$/);
    expect(rows.text.split(/\r?\n/)[0]).toContain('queueidentifier');
    await session.page
      .getByRole('status')
      .filter({ hasText: /Wrote [\d,]+ row\(s\); left out [\d,]+ row/ })
      .waitFor();

    const all = await transfer.download(() => session.app.button('Export all rows as JSON Lines').click());
    // One WFM interval record per line, in the WFM API's own field names.
    const records = all.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(1);
    expect(records[0]).toMatchObject({ queueIdentifier: expect.any(String), queueName: expect.any(String) });

    const html = await transfer.download(() => session.app.button('Hand-off sheet (HTML)').click());
    expect(html.name).toMatch(/\.html$/);
    expect(html.text).toContain('Intervals');
    const markdown = await transfer.download(() => session.app.button('Hand-off sheet (Markdown)').click());
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain(SYSTEM);
    for (const sheet of [html, markdown]) expect(sheet.text).not.toContain(CANARY_PASSWORD);
  });

  it('exports a bundle without passwords and imports it back under new names', async () => {
    await transfer.choose('Export…', 'Workspace bundle (.json)…');
    const exportDialog = transfer.dialog('Export');
    await exportDialog.getByLabel('All systems (2)').check();
    const bundle = await transfer.download(() => exportDialog.getByRole('button', { name: 'Export' }).click());
    expect(bundle.name).toMatch(/\.json$/);
    expect(bundle.text).not.toContain(CANARY_PASSWORD);
    expect(JSON.stringify(JSON.parse(bundle.text))).toContain(SYSTEM);
    await exportDialog.getByText(`Exported ${bundle.name}`).waitFor();
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    await transfer.choose('Import…', 'Workspace bundle (.json)…');
    const dialog = transfer.dialog('Import a workspace bundle');
    await dialog.getByLabel('Bundle file (.json)').setInputFiles(bundle.path);
    await dialog.getByRole('button', { name: 'Read the bundle' }).click();
    await dialog.getByText('This bundle holds no passwords.', { exact: false }).waitFor();
    const conflict = dialog.getByRole('group', {
      name: `"${SYSTEM}" already exists in this workspace. What should happen?`,
    });
    expect(await conflict.getByRole('radio', { name: /new system under another name/ }).isChecked()).toBe(true);
    await dialog.getByLabel(`Password for ${SYSTEM} (optional)`).waitFor();
    await dialog.getByRole('button', { name: 'Import 2 systems' }).click();
    await dialog.getByText('Created 2 system(s)', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: `Open ${SYSTEM} (2)` }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await session.app.treeItem(`${SYSTEM} (2)`).getAttribute('aria-selected')).toBe('true');
    expect(await session.app.field('System name').inputValue()).toBe(`${SYSTEM} (2)`);
  });

  it('encrypts passwords with a passphrase typed twice, and a wrong passphrase imports nothing', async () => {
    await transfer.choose('Export…', 'Workspace bundle (.json)…');
    const exportDialog = transfer.dialog('Export');
    await exportDialog.getByLabel('Only the systems ticked below').check();
    // The tree's selected system is preselected; this export takes the original one only.
    await exportDialog.getByRole('checkbox', { name: SYSTEM, exact: true }).check();
    await exportDialog.getByRole('checkbox', { name: `${SYSTEM} (2)`, exact: true }).uncheck();
    await exportDialog.getByLabel('Include passwords, encrypted with a passphrase').check();
    await exportDialog.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
    await exportDialog.getByLabel('Repeat the passphrase').fill('correct horse batteyr');
    await exportDialog.getByRole('button', { name: 'Export' }).click();
    await exportDialog.getByRole('alert').filter({ hasText: 'The two passphrases differ' }).waitFor();
    await exportDialog.getByLabel('Repeat the passphrase').fill('correct horse battery');
    const bundle = await transfer.download(() => exportDialog.getByRole('button', { name: 'Export' }).click());
    expect(bundle.text).not.toContain(CANARY_PASSWORD);
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    await transfer.choose('Import…', 'Workspace bundle (.json)…');
    const dialog = transfer.dialog('Import a workspace bundle');
    await dialog.getByLabel('Bundle file (.json)').setInputFiles(bundle.path);
    await dialog.getByRole('button', { name: 'Read the bundle' }).click();
    await dialog.getByText('This bundle holds passwords, encrypted with a passphrase.', { exact: false }).waitFor();
    await dialog.getByLabel('Passphrase', { exact: true }).fill('wrong horse battery');
    await dialog.getByRole('button', { name: 'Import 1 system' }).click();
    await dialog.getByRole('alert').first().waitFor();
    expect(await dialog.getByRole('alert').first().textContent()).toMatch(/passphrase/i);
    expect(await session.app.treeItem(`${SYSTEM} (3)`).count()).toBe(0);

    await dialog.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
    await dialog.getByRole('button', { name: 'Import 1 system' }).click();
    await dialog.getByText('Created 1 system(s)', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await session.app.treeItem(`${SYSTEM} (3)`).waitFor();
  });
});
