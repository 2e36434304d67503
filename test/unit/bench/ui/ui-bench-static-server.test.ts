import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInside, serveFolder, type StaticServer } from '../../../../scripts/bench/ui/static-server';

describe('ui bench static server', () => {
  let base: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-bench-static-'));
    root = path.join(base, 'site');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'assets', 'page.js'), 'console.log(1);');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
    server = await serveFolder(root);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('serves a file of the folder with its content type', async () => {
    const response = await fetch(`${server.origin}/assets/page.js?rows=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toBe('console.log(1);');
  });

  it('reaches nothing outside the folder: encoded climbs, symlinks, folders, missing files', async () => {
    for (const url of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/link.txt', '/assets', '/nothing.js']) {
      const response = await fetch(`${server.origin}${url}`);
      expect(response.status, url).toBe(404);
    }
    expect(fileInside(fs.realpathSync(root), '/../secret.txt')).toBeUndefined();
    expect(fileInside(fs.realpathSync(root), '/%00')).toBeUndefined();
  });

  it('answers only GET', async () => {
    const response = await fetch(`${server.origin}/assets/page.js`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});
