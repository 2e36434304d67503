import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from '../../../src-main/host/static-files';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-static-');

function bundle() {
  const dir = tempDir();
  const root = dir.join('renderer');
  fs.mkdirSync(`${root}/assets`, { recursive: true });
  fs.writeFileSync(`${root}/index.html`, 'index');
  fs.writeFileSync(`${root}/assets/app.js`, 'app');
  fs.writeFileSync(dir.join('outside.txt'), 'outside');
  fs.mkdirSync(dir.join('renderer2'));
  fs.writeFileSync(dir.join('renderer2', 'x.txt'), 'sibling');
  return { dir, root };
}

describe('resolveStaticFile', () => {
  it('maps "/" and "" to index.html and paths to files inside the root', () => {
    const { root } = bundle();
    expect(resolveStaticFile(root, '/')).toBe(`${root}/index.html`);
    expect(resolveStaticFile(root, '')).toBe(`${root}/index.html`);
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(`${root}/assets/app.js`);
    expect(resolveStaticFile(root, '//assets/app.js')).toBe(`${root}/assets/app.js`);
    expect(resolveStaticFile(root, '/assets/%61pp.js')).toBe(`${root}/assets/app.js`);
  });

  it.each([
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/../../outside.txt',
    '/..%2Foutside.txt',
    '/../renderer2/x.txt',
    '/assets',
    '/missing.html',
    '/index.html%00',
    '/%',
  ])('refuses %s', (urlPath) => {
    const { root } = bundle();
    expect(resolveStaticFile(root, urlPath)).toBeUndefined();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['editor.worker.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['data.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
