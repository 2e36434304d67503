import zlib from 'node:zlib';

export interface JsFileSize {
  /** Path of the file on the host, without origin or query (the token never appears). */
  file: string;
  /** Bytes of the decoded body. */
  raw: number;
  /** The body gzipped at zlib's default level: what a compressing host would send. */
  decodedGzipEquivalent: number;
  /** Body bytes on the wire, as the browser received them (the web host does not compress). */
  transferred: number;
}

export interface JsBytes {
  transferred: number;
  raw: number;
  decodedGzipEquivalent: number;
  files: JsFileSize[];
}

export function jsFileSize(url: string, body: Buffer, transferred: number): JsFileSize {
  return {
    file: new URL(url).pathname,
    raw: body.length,
    decodedGzipEquivalent: zlib.gzipSync(body).length,
    transferred,
  };
}

export function sumJsBytes(files: JsFileSize[]): JsBytes {
  const sorted = [...files].sort((a, b) => b.raw - a.raw);
  return {
    transferred: sum(sorted.map((file) => file.transferred)),
    raw: sum(sorted.map((file) => file.raw)),
    decodedGzipEquivalent: sum(sorted.map((file) => file.decodedGzipEquivalent)),
    files: sorted,
  };
}

export function isJavaScript(contentType: string | undefined, url: string): boolean {
  return /javascript|ecmascript/i.test(contentType ?? '') || /\.m?js$/i.test(new URL(url).pathname);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
