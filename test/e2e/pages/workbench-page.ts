import type { Locator, Page } from 'playwright-core';

/** What a user sees and does in the main window, located by role and label only. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get tree(): Locator {
    return this.page.getByRole('tree', { name: 'External systems' });
  }

  treeItem(name: string): Locator {
    return this.tree.getByRole('treeitem').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.tree.waitFor();
  }

  async createSystem(values: { name: string; connectionString?: string; timeZone?: string }): Promise<void> {
    await this.button('New system').click();
    await this.field('System name').fill(values.name);
    if (values.timeZone !== undefined) await this.field('Database time zone').fill(values.timeZone);
    await this.field('Database type').selectOption({ label: 'Other (ODBC)' });
    await this.field('Connection string').fill(values.connectionString ?? 'DSN=AvayaCMS;DELIMIDENT=y;');
    await this.button('Create system').click();
  }

  async createIntegration(systemName: string, values: { name: string; importType: string }): Promise<void> {
    await this.treeItem(systemName).click();
    await this.button('New integration').click();
    await this.field('Integration name').fill(values.name);
    await this.field('Import type').selectOption({ label: values.importType });
    await this.button('Create integration').click();
  }

  /**
   * Replaces the SQL in the editor as a user would: Monaco's input box has no fill(), so select
   * all and type (insertText, so Monaco's auto-closing of brackets and quotes stays out of it).
   */
  async setSql(text: string): Promise<void> {
    const editor = this.field('SQL query');
    await editor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    if (text === '') await this.page.keyboard.press('Delete');
    else await this.page.keyboard.insertText(text);
  }

  /** Visible alert texts, for asserting on error messages. */
  alerts(): Locator {
    return this.page.getByRole('alert');
  }
}
