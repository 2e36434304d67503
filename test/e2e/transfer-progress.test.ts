import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeBundleText } from '../../scripts/bench/large-bundle';
import { TransferPage } from './pages/transfer-page';
import { useWorkbench } from './support/workbench-session';

const SYSTEMS = 1000;
const PASSPHRASE = 'progress passphrase';

/**
 * Collects every text the dialog's progress line shows, from now on. Each progress event is its
 * own WebSocket message and re-renders the line, so the list holds each step however fast the
 * import runs, where waiting for a given text could miss it.
 */
async function recordProgressTexts(transfer: TransferPage): Promise<() => Promise<string[]>> {
  await transfer.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressTexts: string[] }).progressTexts = seen;
    const record = () => {
      const text = document.querySelector('.import-progress')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => transfer.page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
}

describe('a large bundle import in web mode', () => {
  const session = useWorkbench();
  let transfer: TransferPage;
  let folder = '';
  let bundleFile = '';
  beforeAll(() => {
    transfer = new TransferPage(session.page);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-e2e-large-bundle-'));
    bundleFile = path.join(folder, 'large-bundle.json');
    fs.writeFileSync(bundleFile, largeBundleText({ systems: SYSTEMS, passphrase: PASSPHRASE, passwordEvery: 10 }));
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('shows how far reading, checking and saving have come, then what was created', async () => {
    await transfer.choose('Import…', 'Workspace bundle (.json)…');
    const dialog = transfer.dialog('Import a workspace bundle');
    await dialog.getByLabel('Bundle file (.json)').setInputFiles(bundleFile);
    const readingTexts = await recordProgressTexts(transfer);
    await dialog.getByRole('button', { name: 'Read the bundle' }).click();
    await dialog.getByText(`${SYSTEMS} system(s) with ${SYSTEMS} integration(s)`, { exact: false }).waitFor();
    expect(await readingTexts()).toEqual(
      expect.arrayContaining(['Reading the file…', `Checking the systems: 1,000 of 1,000`]),
    );
    // Gone once the plan is shown.
    expect(await dialog.locator('.import-progress').count()).toBe(0);

    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    const importTexts = await recordProgressTexts(transfer);
    await dialog.getByRole('button', { name: `Import ${SYSTEMS} systems` }).click();
    await dialog.getByText(`Created ${SYSTEMS} system(s) and ${SYSTEMS} integration(s)`, { exact: false }).waitFor();

    const texts = await importTexts();
    const checking = texts.filter((text) => text.startsWith('Checking the systems: '));
    const saving = texts.filter((text) => text.startsWith('Saving the systems in this workspace: '));
    expect(texts[0]).toBe('Reading the file…');
    expect(checking.at(-1)).toBe('Checking the systems: 1,000 of 1,000');
    expect(saving.at(-1)).toBe('Saving the systems in this workspace: 1,000 of 1,000');
    // In that order: all checking before any saving.
    expect(texts.indexOf(saving[0]!)).toBeGreaterThan(texts.indexOf(checking.at(-1)!));
    const bar = dialog.getByRole('progressbar', { name: 'Import progress' });
    expect(await bar.count()).toBe(0);
  });
});
