import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/host/web-host';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-downloads-');
const openContext = useAppContexts();
const hosts: WebHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function startHost() {
  const dir = tempDir();
  fs.mkdirSync(dir.join('renderer'));
  fs.writeFileSync(dir.join('renderer', 'index.html'), '<!doctype html><title>t</title>');
  const context = openContext({ dataDir: dir.join('home'), seedDemo: false });
  const host = await startWebHost({
    dispatch: context.dispatch,
    hub: context.hub,
    rendererDir: dir.join('renderer'),
    downloads: (id) => context.staging.resolve(id),
  });
  hosts.push(host);
  const slot = context.staging.reserve('handoff-sales-intervals.html');
  fs.writeFileSync(slot.path, '<!doctype html><h1>Hand-off</h1>');
  const base = `http://127.0.0.1:${host.port}/downloads/`;
  return { host, slot, base };
}

describe('web mode downloads', () => {
  it('serves a staged export as an attachment, never as a page', async () => {
    const { host, slot, base } = await startHost();
    const response = await fetch(`${base}${slot.downloadId}?token=${encodeURIComponent(host.token)}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="handoff-sales-intervals.html"; filename*=UTF-8''handoff-sales-intervals.html`,
    );
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><h1>Hand-off</h1>');
  });

  it('needs the token', async () => {
    const { slot, base } = await startHost();
    expect((await fetch(`${base}${slot.downloadId}`)).status).toBe(403);
    expect((await fetch(`${base}${slot.downloadId}?token=wrong`)).status).toBe(403);
  });

  it('answers 404 for ids it does not know, including path-like ones', async () => {
    const { host, base } = await startHost();
    const token = `?token=${encodeURIComponent(host.token)}`;
    for (const id of ['0'.repeat(32), '..%2F..%2Fworkspace.sqlite']) {
      expect((await fetch(`${base}${id}${token}`)).status).toBe(404);
    }
    // A dot segment is resolved by the URL parser before routing: it leaves /downloads/ altogether.
    const dotted = await fetch(`${base}%2e%2e${token}`);
    expect(dotted.headers.get('content-disposition')).toBeNull();
  });
});
