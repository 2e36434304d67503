import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLE_MAX_BYTES, XLINK_FILE_MAX_BYTES } from '../../../src-shared/contract/transfer';
import { formatBytes } from '../../../src-renderer/features/transfer/format-bytes';
import { bytesToBase64, fileSizeProblem } from '../../../src-renderer/features/transfer/transfer-files';

describe('file size checks before anything is sent', () => {
  it('accepts a file of exactly the limit and refuses one byte more, naming the sizes', () => {
    expect(fileSizeProblem({ name: 'isps_ul.ini', size: XLINK_FILE_MAX_BYTES }, XLINK_FILE_MAX_BYTES)).toBeUndefined();
    expect(fileSizeProblem({ name: 'isps_ul.ini', size: XLINK_FILE_MAX_BYTES + 1 }, XLINK_FILE_MAX_BYTES)).toEqual({
      name: 'isps_ul.ini',
      size: '2 MB',
      max: '2 MB',
    });
    expect(fileSizeProblem({ name: 'big.json', size: 5 * 1024 * 1024 }, BUNDLE_MAX_BYTES)).toEqual({
      name: 'big.json',
      size: '5 MB',
      max: '3 MB',
    });
  });

  it('formats sizes in binary units with at most one decimal', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(12_700)).toBe('12.4 kB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });
});

describe('bytesToBase64', () => {
  it('matches Node’s encoder for any bytes, including arrays longer than one chunk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
    const large = new Uint8Array(200_000).map((_, index) => (index * 31) % 256);
    expect(bytesToBase64(large)).toBe(Buffer.from(large).toString('base64'));
  });

  it('keeps UTF-16 and Windows-1252 bytes as they are, for the service to detect the encoding', () => {
    const utf16 = Buffer.from('\ufeff[Système]', 'utf16le');
    expect(Buffer.from(bytesToBase64(utf16), 'base64')).toEqual(utf16);
    const cp1252 = Uint8Array.from([0x5b, 0x53, 0x79, 0x73, 0x74, 0xe8, 0x6d, 0x65, 0x5d]);
    expect([...Buffer.from(bytesToBase64(cp1252), 'base64')]).toEqual([...cp1252]);
  });
});
