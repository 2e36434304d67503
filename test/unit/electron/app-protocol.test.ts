import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  createBundleHandler,
  isAppBundleUrl,
  isExternalWebUrl,
  registerAppProtocol,
  registerAppScheme,
  resolveBundlePath,
} from '../../../src-main/electron/app-protocol';

const root = path.resolve('/opt/acd/out/renderer');

describe('resolveBundlePath', () => {
  it.each([
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/', 'index.html'],
    ['app://bundle', 'index.html'],
    ['app://bundle/assets/index-3f2a.js', 'assets/index-3f2a.js'],
    ['app://bundle/assets/editor.worker-9c.js?worker_file&type=module', 'assets/editor.worker-9c.js'],
    ['app://bundle/index.html#/systems/4', 'index.html'],
    ['app://BUNDLE/assets/a.css', 'assets/a.css'],
    ['app://bundle/fonts/Inter%20Variable.woff2', 'fonts/Inter Variable.woff2'],
  ])('maps %s inside the bundle', (url, relative) => {
    expect(resolveBundlePath(root, url)).toBe(path.join(root, relative));
  });

  it.each([
    'app://bundle/../secrets.key',
    'app://bundle/assets/../../../etc/passwd',
    'app://bundle/%2e%2e/secrets.key',
    'app://bundle/%2E%2E/%2e%2e/etc/passwd',
    'app://bundle/.%2e/secrets.key',
    'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecrets.key',
    'app://bundle/..%5c..%5csecrets.key',
    'app://bundle/./index.html',
    'app://bundle//etc/passwd',
    'app://bundle/%2Fetc%2Fpasswd',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/C%3A%5CWindows%5Cwin.ini',
    'app://bundle/index.html%00.png',
    'app://bundle/.%09./secrets.key',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'app://bundle.evil.example/index.html',
    'app://bundle:8080/index.html',
    'app://user@bundle/index.html',
    'file:///etc/passwd',
    'https://bundle/index.html',
    '/etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(root, url)).toBeUndefined();
  });
});

describe('origin checks', () => {
  it('recognises only our own origin', () => {
    expect(isAppBundleUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppBundleUrl('app://bundle/assets/x.js')).toBe(true);
    expect(isAppBundleUrl('app://bundle2/index.html')).toBe(false);
    expect(isAppBundleUrl('https://evil.example/')).toBe(false);
    expect(isAppBundleUrl('')).toBe(false);
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalWebUrl('https://www.postgresql.org/docs/')).toBe(true);
    expect(isExternalWebUrl('http://localhost:8080')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://server/share')).toBe(false);
  });
});

describe('createBundleHandler', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-bundle-'));
    fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>ACD</title>');
    fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'main.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secrets.key'), 'do not serve');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const handle = (url: string, method = 'GET') =>
    createBundleHandler(path.join(dir, 'renderer'))(new Request(url, { method }));

  it('serves index.html with its content type and the CSP', async () => {
    const response = await handle(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>ACD</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handle('app://bundle/assets/main.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing file and for a path outside the bundle', async () => {
    expect((await handle('app://bundle/assets/missing.js')).status).toBe(404);
    const escape = await handle('app://bundle/%2e%2e/secrets.key');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('do not serve');
  });

  it('refuses writes', async () => {
    expect((await handle(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });

  it('keeps the policy strict: no remote or inline scripts, no plugins, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('registration', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the app scheme', () => {
    const handle = vi.fn();
    registerAppProtocol({ handle }, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
