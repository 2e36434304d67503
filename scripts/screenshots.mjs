// `npm run screenshots`: starts web mode on a fresh demo workspace, drives it in Debian's
// Chromium like a user and writes the README's pictures to docs/images/.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'images');
fs.mkdirSync(outDir, { recursive: true });
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-shots-'));
// The Xlink import pictures read the demo database through an ODBC data source, as Xlink did.
const odbcIni = path.join(home, 'odbc.ini');
fs.writeFileSync(odbcIni, `[AcdLinkDemo]\nDriver = SQLite3\nDatabase = ${path.join(home, 'demo-acd.sqlite')}\n`);
const xlinkIni = path.join(home, 'isps_ul.ini');
fs.writeFileSync(
  xlinkIni,
  [
    '; Xlink configuration of the Brussels site',
    '[General]',
    'Language = EN',
    '',
    '[Demo ACD via Xlink]',
    'DSN = AcdLinkDemo',
    'User = wfm_reader',
    'Password = 0x8F3A0C7D21E9B4',
    'QueueSQL = select queue_code from queues order by queue_code',
    'ValueTypes = calls_offered;calls_answered;talk_seconds',
    'TimeStampColumn = interval_start',
    'QueueNameColumn = queue_id',
    'CallDataTable = interval_stats',
    'ActivityTimeSpanType = 1',
    'ActivityColumn = state_code',
    'AgentColumn = agent_login',
    'ActivityStartTimeStampColumn = state_start',
    'ActivityStartTimeStampType = 2',
    'ActivityEndTimeStampColumn = state_end',
    'ActivityEndTimeStampType = 2',
    'AgentActivityTable = agent_state_log',
    'PostScript = cleanup.cmd',
    '',
  ].join('\r\n'),
);
const web = spawn(process.execPath, [path.join(root, 'out/node/web.cjs'), '--port', '0'], {
  env: { ...process.env, ACD_LINK_HOME: home, ODBCINI: odbcIni },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  readline.createInterface({ input: web.stdout }).on('line', (line) => {
    const match = /(http:\/\/\S+)/.exec(line);
    if (match) resolve(match[1]);
  });
  web.once('exit', (code) => reject(new Error(`web mode exited with ${code}`)));
});
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-shots-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  viewport: { width: 1400, height: 860 },
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
try {
  const page = await context.newPage();
  await page.goto(url);
  const tree = page.getByRole('tree', { name: 'External systems' });
  await tree.getByText('Queue statistics (15 min)', { exact: true }).click();
  await page.getByRole('button', { name: 'Run preview', exact: true }).click();
  await page.getByRole('grid', { name: 'Preview rows' }).waitFor();
  await page.screenshot({ path: path.join(outDir, 'workbench-demo.png') });
  await page.getByRole('button', { name: 'New system', exact: true }).click();
  await page.getByLabel('System name', { exact: true }).fill('Avaya CMS Brussels');
  await page.getByLabel('Database time zone', { exact: true }).fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Create system', exact: true }).click();
  await page.getByRole('alert').first().waitFor();
  await page.screenshot({ path: path.join(outDir, 'new-system-errors.png') });
  await page.getByRole('button', { name: 'New system', exact: true }).click();
  await page.getByLabel('System name', { exact: true }).fill('Avaya CMS (Informix)');
  await page.getByLabel('Database type', { exact: true }).selectOption({ label: 'Other (ODBC)' });
  await page
    .getByLabel('Connection string', { exact: true })
    .fill('DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=cms;DATABASE=cms;UID=wfm;');
  await page.getByRole('list', { name: 'Advice on the connection string' }).waitFor();
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await page.getByRole('status', { name: 'Test connection' }).getByText('driver missing').waitFor();
  await page.screenshot({ path: path.join(outDir, 'odbc-test-connection.png') });
  await tree.getByText('Demo ACD (embedded SQLite)', { exact: true }).click();
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await page.getByRole('status', { name: 'Test connection' }).getByText('connected').waitFor();
  await tree.getByText('Database objects', { exact: true }).click();
  await tree.getByText('main', { exact: true }).click();
  await tree.getByText('interval_stats', { exact: true }).click();
  await tree.getByText('calls_offered', { exact: true }).waitFor();
  await page.screenshot({ path: path.join(outDir, 'schema-browser.png') });
  // The Xlink migration assistant: its plan, then the first preview of every created integration.
  const transferMenu = page.getByRole('navigation', { name: 'Import and export' });
  await transferMenu.getByRole('button', { name: 'Import…', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Xlink configuration (isps_ul.ini)…' }).click();
  const xlink = page.getByRole('dialog', { name: 'Import an Xlink configuration' });
  await xlink.getByLabel('isps_ul.ini (required)', { exact: true }).setInputFiles(xlinkIni);
  await xlink.getByRole('button', { name: 'Read the files', exact: true }).click();
  await xlink.getByText(/^Found 1 system/).waitFor();
  await page.screenshot({ path: path.join(outDir, 'xlink-import.png') });
  await xlink.getByLabel('Password for Demo ACD via Xlink (optional)', { exact: true }).fill('example-only');
  await xlink.getByRole('button', { name: 'Import 1 system', exact: true }).click();
  const previews = xlink.getByRole('table', { name: 'Previews of the imported integrations' });
  await previews.waitFor();
  // Every preview has answered once no row says it is waiting or running.
  await previews
    .getByText(/^(waiting…|running the query…)$/)
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 });
  await page.screenshot({ path: path.join(outDir, 'xlink-import-result.png') });
  await xlink.getByRole('button', { name: 'Close', exact: true }).click();
  // A bundle for a colleague, its passwords encrypted with a passphrase typed twice.
  await transferMenu.getByRole('button', { name: 'Export…', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Workspace bundle (.json)…' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  await exporter.getByRole('checkbox', { name: 'Demo ACD via Xlink', exact: true }).check();
  await exporter.getByLabel('Include passwords, encrypted with a passphrase', { exact: true }).check();
  await exporter.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  await exporter.getByLabel('Repeat the passphrase', { exact: true }).fill('correct horse battery');
  await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  await exporter.getByText(/^Exported /).waitFor();
  await page.screenshot({ path: path.join(outDir, 'export.png') });
  await exporter.getByRole('button', { name: 'Close', exact: true }).click();
  // A preview with a planted defect, its findings, then the chart.
  await tree.getByText('Queue statistics (15 min)', { exact: true }).click();
  // Monaco has no input value to read or fill: take the saved SQL from the workspace and type
  // the planted version over it, as the E2E page object does.
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const store = new Database(path.join(home, 'workspace.sqlite'), { readonly: true });
  const original = store
    .prepare('SELECT sql_text FROM integrations WHERE name = ?')
    .get('Queue statistics (15 min)').sql_text;
  store.close();
  await page.getByLabel('SQL query', { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(original.replace("WHEN 'chat' THEN 'chats'", "WHEN 'chat' THEN 'chat'"));
  await page.getByRole('button', { name: 'Run preview', exact: true }).click();
  await page.getByRole('list', { name: 'Findings' }).getByRole('button').first().click();
  await page.waitForTimeout(300);
  await page
    .locator('section.preview')
    .last()
    .screenshot({ path: path.join(outDir, 'preview-findings.png') });
  await page.getByRole('tab', { name: 'Chart' }).click();
  await page.locator('.uplot canvas').first().waitFor();
  await page.waitForTimeout(300);
  await page
    .locator('section.preview')
    .last()
    .screenshot({ path: path.join(outDir, 'preview-chart.png') });
  console.log(`screenshots written to ${path.relative(root, outDir)}`);
} finally {
  await context.close();
  web.kill('SIGTERM');
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
}
