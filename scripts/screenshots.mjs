// `npm run screenshots`: starts web mode on a fresh demo workspace, drives it in Debian's
// Chromium like a user and writes the README's pictures to docs/images/.
import { spawn } from 'node:child_process';
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
const web = spawn(process.execPath, [path.join(root, 'out/node/web.cjs'), '--port', '0'], {
  env: { ...process.env, ACD_LINK_HOME: home },
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
  // A preview with a planted defect, its findings, then the chart.
  await tree.getByText('Queue statistics (15 min)', { exact: true }).click();
  const sql = page.getByLabel('SQL query', { exact: true });
  const original = await sql.inputValue();
  await sql.fill(original.replace("WHEN 'chat' THEN 'chats'", "WHEN 'chat' THEN 'chat'"));
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
