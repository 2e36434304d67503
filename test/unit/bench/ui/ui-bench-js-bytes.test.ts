import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isJavaScript, jsFileSize, sumJsBytes } from '../../../../scripts/bench/ui/js-bytes';

describe('ui bench JavaScript sizes', () => {
  it('gzips the decoded body, names the file without origin or token, and keeps the wire size', () => {
    const body = Buffer.from('export const x = 1;\n'.repeat(2000));
    const size = jsFileSize('http://127.0.0.1:9/assets/index-abc.js?token=secret', body, 40_123);
    expect(size).toEqual({
      file: '/assets/index-abc.js',
      raw: body.length,
      decodedGzipEquivalent: zlib.gzipSync(body).length,
      transferred: 40_123,
    });
    // Repetitive text must really have been compressed, not just counted.
    expect(size.decodedGzipEquivalent).toBeLessThan(body.length / 20);
    expect(zlib.gunzipSync(zlib.gzipSync(body)).equals(body)).toBe(true);
  });

  it('adds the files up, largest first', () => {
    const small = jsFileSize('http://h/a.js', Buffer.from('a'), 1);
    const large = jsFileSize('http://h/b.js', Buffer.alloc(5000, 'b'), 5000);
    const total = sumJsBytes([small, large]);
    expect(total.files.map((file) => file.file)).toEqual(['/b.js', '/a.js']);
    expect(total.raw).toBe(5001);
    expect(total.transferred).toBe(5001);
    expect(total.decodedGzipEquivalent).toBe(small.decodedGzipEquivalent + large.decodedGzipEquivalent);
  });

  it('recognises JavaScript by content type or by extension', () => {
    expect(isJavaScript('text/javascript; charset=utf-8', 'http://h/x')).toBe(true);
    expect(isJavaScript(undefined, 'http://h/assets/editor.worker-1.js')).toBe(true);
    expect(isJavaScript('text/css', 'http://h/assets/index.css')).toBe(false);
  });
});
