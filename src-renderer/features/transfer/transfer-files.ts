import { formatBytes } from './format-bytes';

/** What is wrong with a chosen file before anything is sent, in the words of `transfer.file.tooBig`. */
export interface FileSizeProblem {
  name: string;
  size: string;
  max: string;
}

/**
 * Checked in the browser before reading: a file over the service's limit would only fail after
 * being read and sent, and would not fit in one RPC message.
 */
export function fileSizeProblem(file: { name: string; size: number }, maxBytes: number): FileSizeProblem | undefined {
  if (file.size <= maxBytes) return undefined;
  return { name: file.name, size: formatBytes(file.size), max: formatBytes(maxBytes) };
}

/** Chunked, because String.fromCharCode(...bytes) overflows the call stack on large arrays. */
const CHUNK = 0x8000;

/** The file's bytes as base64: the services detect the encoding (UTF-16, Windows-1252) from the bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

export async function readFileAsBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
