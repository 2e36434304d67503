import type { WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useWorkbench } from './support/workbench-session';

// The page and the services in web mode talk over one WebSocket. When it is lost, the page says
// so, reconnects by itself, says that too, and nothing typed is lost; an oversized field is
// refused next to the field instead of costing the connection.
describe('the connection between the page and the services', () => {
  const session = useWorkbench();

  it('is lost: the page says so, keeps what was typed, reconnects by itself and says that too', async () => {
    const { page, app } = session;
    // Every socket the page opens goes through this proxy, so the test can cut the page's side.
    const pageSides: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/rpc\?token=/, (socket) => {
      socket.connectToServer();
      pageSides.push(socket);
    });
    await app.open(session.web.url);
    await app.button('New system').click();
    await app.field('System name').fill('Typed before the loss');

    await expect.poll(() => pageSides.length).toBeGreaterThan(0);
    await pageSides.at(-1)?.close({ code: 1011, reason: 'test: the connection is lost' });
    await page.getByRole('alert').filter({ hasText: 'The connection to ACD Link Studio was lost' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Reconnected to ACD Link Studio' }).waitFor();
    expect(pageSides.length).toBeGreaterThan(1);
    await expect.poll(() => app.field('System name').inputValue()).toBe('Typed before the loss');

    // The form still saves, over the new connection.
    await app.field('Database type').selectOption({ label: 'Other (ODBC)' });
    await app.field('Connection string').fill('DSN=AvayaCMS;DELIMIDENT=y;');
    await app.button('Create system').click();
    await app.treeItem('Typed before the loss').waitFor();
    await app.button('Dismiss').click();
    expect(await page.getByRole('status').filter({ hasText: 'Reconnected' }).count()).toBe(0);
  });

  it('refuses a pasted 5 MB system name next to the field; the connection stays and nothing is saved', async () => {
    const { page, app } = session;
    await app.open(session.web.url);
    await app.button('New system').click();
    await app.field('System name').fill('N'.repeat(5 * 1024 * 1024));
    await app.field('Database type').selectOption({ label: 'Other (ODBC)' });
    await app.field('Connection string').fill('DSN=AvayaCMS;DELIMIDENT=y;');
    await app.button('Create system').click();
    await app.alerts().filter({ hasText: 'must be at most 100 characters' }).waitFor();
    expect(await page.getByText('The connection to ACD Link Studio was lost').count()).toBe(0);
    // Fixed in the field, it saves: nothing typed elsewhere was lost.
    await app.field('System name').fill('Pasted too much');
    await app.button('Create system').click();
    await app.treeItem('Pasted too much').waitFor();
  });
});
