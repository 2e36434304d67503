import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';

export interface DownloadedFile {
  name: string;
  path: string;
  text: string;
}

/** The import and export dialogs as a user reaches them: the header's Import… and Export… menus. */
export class TransferPage {
  private readonly folders: string[] = [];

  constructor(readonly page: Page) {}

  /** Removes the downloaded files. */
  cleanup(): void {
    for (const folder of this.folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  }

  /** Opens Import… or Export… and picks one of its items with the keyboard-reachable menu. */
  async choose(menu: 'Import…' | 'Export…', item: string): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: 'Import and export' });
    await nav.getByRole('button', { name: menu, exact: true }).click();
    await this.page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item, exact: true }).click();
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Runs `action` and returns the file the browser downloaded because of it. */
  async download(action: () => Promise<void>): Promise<DownloadedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return this.read(download);
  }

  /** Saved under the name the host gave it, so it can be picked again in a file input. */
  private async read(download: Download): Promise<DownloadedFile> {
    const failure = await download.failure();
    const name = download.suggestedFilename();
    if (failure) throw new Error(`the download of ${name} failed: ${failure}`);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-e2e-download-'));
    this.folders.push(folder);
    const file = path.join(folder, name);
    await download.saveAs(file);
    return { name, path: file, text: fs.readFileSync(file, 'utf8') };
  }
}
