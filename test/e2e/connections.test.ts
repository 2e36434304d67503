import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { useWorkbench } from './support/workbench-session';

describe('Test connection and the schema browser in Chromium', () => {
  const session = useWorkbench();

  it('tests the demo connection and marks the system as connected in the tree', async () => {
    await session.app.treeItem('Demo ACD (embedded SQLite)').click();
    await session.app.button('Test connection').click();
    const result = session.page.getByRole('status', { name: 'Test connection' });
    await result.getByText('Connected to SQLite 3.', { exact: false }).waitFor();
    await session.app.treeItem('Demo ACD (embedded SQLite)').getByText('connected', { exact: true }).waitFor();
  });

  it('browses schemas, tables and columns under the system', async () => {
    await session.app.treeItem('Database objects').click();
    await session.app.treeItem('main').click();
    await session.app.treeItem('agent_state_log').click();
    for (const column of ['agent_login', 'state_code', 'state_start', 'state_end']) {
      await session.app.treeItem(column).waitFor();
    }
    // Keyboard: Left on a column goes to its table, Left again collapses it.
    await session.app.treeItem('state_end').press('ArrowLeft');
    await expect
      .poll(() => session.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('agent_state_log');
    await session.page.keyboard.press('ArrowLeft');
    await expect.poll(() => session.app.treeItem('state_end').count()).toBe(0);
  });

  it('offers the installed ODBC drivers and advises on the connection string as it is typed', async () => {
    await session.app.button('New system').click();
    await session.app.field('Database type').selectOption({ label: 'Other (ODBC)' });
    await session.page.getByText(/Suggestions: \d+ data source\(s\) and \d+ driver\(s\) installed/).waitFor();
    const suggestions = await session.page
      .locator('datalist option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(suggestions).toEqual(expect.arrayContaining(['DRIVER={PostgreSQL Unicode};', 'DRIVER={SQLite3};']));
    await session.app
      .field('Connection string')
      .fill('DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=cms;DATABASE=cms;UID=wfm;');
    const advice = session.page.getByRole('list', { name: 'Advice on the connection string' });
    await advice.getByText('DELIMIDENT=y', { exact: false }).waitFor();
  });

  it('reports an unreachable PostgreSQL server within the deadline, naming the category', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    await session.app.button('New system').click();
    await session.app.field('System name').fill('Closed port');
    await session.app.field('Database type').selectOption({ label: 'PostgreSQL' });
    await session.app.field('Host').fill('127.0.0.1');
    await session.app.field('Port').fill(String(port));
    await session.app.field('Database name').fill('acd');
    await session.app.field('User').fill('reader');
    await session.app.field('Password').fill('Canary-Pw-7f3a9');
    await session.app.button('Test connection').click();
    const result = session.page.getByRole('status', { name: 'Test connection' });
    await result.getByText('unreachable', { exact: true }).waitFor();
    expect(await result.textContent()).not.toContain('Canary-Pw-7f3a9');
  });
});
