import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { XLINK_FILE_MAX_BYTES } from '../../../src-shared/contract/transfer';
import { decodeIniBytes } from '../../../src-main/transfer/xlink/read/decode-ini-bytes';
import { XlinkFileError } from '../../../src-main/transfer/xlink';

const TEXT = '[Système ACD]\r\nDSN = Téléphonie €\r\n';
const bytes = (...parts: (number[] | Buffer)[]) =>
  new Uint8Array(Buffer.concat(parts.map((part) => Buffer.from(part))));

function refusal(input: Uint8Array): string {
  try {
    decodeIniBytes(input, 'isps_ul.ini');
  } catch (error) {
    expect(error).toBeInstanceOf(XlinkFileError);
    return (error as Error).message;
  }
  throw new Error('expected the bytes to be refused');
}

describe('decodeIniBytes: encodings', () => {
  it('reads Windows-1252 (ANSI) text, the default of Xlink-era Windows', () => {
    expect(decodeIniBytes(bytes(iconv.encode(TEXT, 'windows-1252')), 'isps_ul.ini')).toEqual({
      text: TEXT,
      encoding: 'windows-1252',
    });
  });

  it('reads UTF-8 without a BOM when the bytes are valid UTF-8', () => {
    expect(decodeIniBytes(bytes(Buffer.from(TEXT, 'utf8')), 'isps_ul.ini')).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const result = decodeIniBytes(bytes([0xef, 0xbb, 0xbf], Buffer.from(TEXT, 'utf8')), 'isps_ul.ini');
    expect(result).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-16LE with a BOM (what Notepad calls "Unicode")', () => {
    const result = decodeIniBytes(bytes([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')), 'isps_ul.ini');
    expect(result).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 for bytes that are not valid UTF-8 (é as 0xE9)', () => {
    const result = decodeIniBytes(bytes(Buffer.from('[A]\r\nUser = Ren'), [0xe9], Buffer.from('\r\n')), 'isps_ul.ini');
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toBe('[A]\r\nUser = René\r\n');
  });

  it('reads an empty file as empty text (the planner then says it has no section)', () => {
    expect(decodeIniBytes(new Uint8Array(), 'isps_ul.ini')).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('decodeIniBytes: what is not a text file', () => {
  it('refuses NUL bytes outside UTF-16 and suggests a BOM for BOM-less UTF-16', () => {
    const message = refusal(bytes(Buffer.from('[A]\r\n', 'utf16le')));
    expect(message).toMatch(/isps_ul\.ini is not a text file \(it holds a NUL byte at byte 2\)/);
    expect(message).toMatch(/byte-order mark/);
  });

  it('refuses a PNG image', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(refusal(png)).toMatch(/not a text file/);
  });

  it('refuses binary data without NUL bytes by its share of control characters', () => {
    const noise = Array.from(
      { length: 400 },
      (_, index) => [0x01, 0x02, 0x41, 0x1b, 0x42, 0x7f, 0x43, 0x44][index % 8] ?? 1,
    );
    expect(refusal(bytes(noise))).toMatch(/control characters/);
  });

  it('accepts a stray Ctrl-Z at the end, as old editors wrote it', () => {
    expect(decodeIniBytes(bytes(Buffer.from('[A]\r\nDSN = x\r\n'), [0x1a]), 'isps_ul.ini').text).toBe(
      '[A]\r\nDSN = x\r\n\x1a',
    );
  });

  it('refuses a NUL character inside UTF-16 text', () => {
    expect(refusal(bytes([0xff, 0xfe], Buffer.from('[A]\0', 'utf16le')))).toMatch(/NUL character at character 4/);
  });

  it('refuses UTF-16 with an odd number of bytes (truncated)', () => {
    expect(refusal(bytes([0xff, 0xfe], Buffer.from('[A]', 'utf16le'), [0x41]))).toMatch(/truncated or damaged/);
  });

  it('refuses UTF-16 big-endian, which Windows never read', () => {
    expect(refusal(bytes([0xfe, 0xff], Buffer.from('\0[\0A\0]')))).toMatch(/big-endian/);
  });

  it('refuses a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    expect(refusal(bytes([0xef, 0xbb, 0xbf], Buffer.from('[A]'), [0xe9]))).toMatch(/not valid UTF-8/);
  });

  it('refuses a file larger than the limit without decoding it', () => {
    const big = new Uint8Array(XLINK_FILE_MAX_BYTES + 1).fill(0x41);
    expect(refusal(big)).toMatch(/isps_ul\.ini is 2097153 bytes, more than the 2 MB/);
  });

  it('accepts a file of exactly the limit', () => {
    const atLimit = new Uint8Array(XLINK_FILE_MAX_BYTES).fill(0x41);
    expect(decodeIniBytes(atLimit, 'isps_ul.ini').text).toHaveLength(XLINK_FILE_MAX_BYTES);
  });

  it('names the file it was given in the message', () => {
    try {
      decodeIniBytes(bytes([0, 1, 2]), 'acd_map.ini');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^acd_map\.ini is not a text file.*choose the acd_map\.ini/);
    }
  });
});
