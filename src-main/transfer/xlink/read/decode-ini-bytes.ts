import iconv from 'iconv-lite';
import { XLINK_FILE_MAX_BYTES } from '../../../../src-shared/contract/transfer';
import { XlinkFileError } from '../xlink-file-error';

export type IniEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

export interface DecodedIni {
  text: string;
  encoding: IniEncoding;
}

/**
 * Above this share of control characters the bytes are not text. Random or compressed data has
 * about 12%; a hand-edited ini has none or one stray Ctrl-Z.
 */
const MAX_CONTROL_SHARE = 0.05;

/**
 * The text of an ini file as Xlink's Windows saw it: a BOM says UTF-8 or UTF-16LE; otherwise
 * valid UTF-8 is UTF-8 (files re-saved by a modern editor) and anything else is the ANSI code
 * page of Western European Windows, 1252. Binary data is refused rather than imported as
 * nonsense.
 */
export function decodeIniBytes(bytes: Uint8Array, fileLabel: string): DecodedIni {
  if (bytes.length > XLINK_FILE_MAX_BYTES) {
    throw new XlinkFileError(
      `${fileLabel} is ${bytes.length} bytes, more than the ${XLINK_FILE_MAX_BYTES / 1024 / 1024} MB an Xlink ` +
        `configuration file can be (they are a few kilobytes): choose the ${fileLabel} from Xlink's installation folder.`,
    );
  }
  const decoded = decodeByBom(bytes, fileLabel);
  refuseBinary(decoded.text, fileLabel);
  return decoded;
}

function decodeByBom(bytes: Uint8Array, fileLabel: string): DecodedIni {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    if (text === undefined) {
      throw new XlinkFileError(
        `${fileLabel} starts with a UTF-8 byte-order mark but is not valid UTF-8 text: it is damaged or not a text file.`,
      );
    }
    return { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = bytes.length % 2 === 0 ? strictDecode('utf-16le', bytes.subarray(2)) : undefined;
    if (text === undefined) {
      throw new XlinkFileError(
        `${fileLabel} starts with a UTF-16 byte-order mark but is not valid UTF-16 text: it is truncated or damaged.`,
      );
    }
    return { text, encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new XlinkFileError(
      `${fileLabel} is UTF-16 big-endian text, which Windows never used for ini files: save it as UTF-8 or ANSI and try again.`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new XlinkFileError(
      `${fileLabel} is not a text file (it holds a NUL byte at byte ${nul + 1}). If it is UTF-16 text, save it ` +
        `with a byte-order mark or as UTF-8; otherwise choose the ${fileLabel} from Xlink's installation folder.`,
    );
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
}

function strictDecode(encoding: 'utf-8' | 'utf-16le', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** C0 and C1 controls other than line breaks, tab, form feed and the Ctrl-Z old editors append. */
function isStrayControl(code: number): boolean {
  if (code === 9 || code === 10 || code === 11 || code === 12 || code === 13 || code === 26) return false;
  return code < 32 || code === 127 || (code >= 0x80 && code <= 0x9f);
}

function refuseBinary(text: string, fileLabel: string): void {
  let controls = 0;
  let firstNul = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0 && firstNul < 0) firstNul = index;
    if (isStrayControl(code)) controls++;
  }
  if (firstNul >= 0) {
    throw new XlinkFileError(
      `${fileLabel} is not a text file (it holds a NUL character at character ${firstNul + 1}): choose the ` +
        `${fileLabel} from Xlink's installation folder.`,
    );
  }
  if (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE) {
    throw new XlinkFileError(
      `${fileLabel} is not a text file (${controls} of its ${text.length} characters are control characters): ` +
        `choose the ${fileLabel} from Xlink's installation folder.`,
    );
  }
}
