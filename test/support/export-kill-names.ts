/** Shared by the kill -9 export test and its child: file names and the payload format. */
export const PAYLOAD_FILE = 'payload.txt';
export const EXPORT_FILE = 'export.jsonl';
export const PAYLOAD_LINES = 150_000;

/** Versions are unique over all rounds, so the file names the write it came from. */
export const payloadVersion = (round: number, n: number): number => round * 10_000 + n;

export function payloadHeader(version: number): string {
  return `payload ${version} ${PAYLOAD_LINES}\n`;
}

export function payloadLine(version: number, index: number): string {
  return `${version}:${index}:${'x'.repeat(40)}\n`;
}

export function payloadTrailer(version: number): string {
  return `end ${version} ${PAYLOAD_LINES}\n`;
}

/**
 * Parses a payload file completely: the header, every line in order with the header's version,
 * and the trailer with the same version and count. Returns the version, or throws saying what is torn.
 */
export function parsePayload(text: string): number {
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new Error('the file does not end with a line end');
  const header = /^payload (\d+) (\d+)$/.exec(lines[0] ?? '');
  if (header === null) throw new Error(`bad header ${JSON.stringify(lines[0]?.slice(0, 80))}`);
  const version = Number(header[1]);
  const count = Number(header[2]);
  if (lines.length !== count + 2) throw new Error(`${lines.length - 2} lines, the header says ${count}`);
  for (let index = 0; index < count; index++) {
    if (`${lines[index + 1]}\n` !== payloadLine(version, index)) throw new Error(`line ${index + 2} is torn`);
  }
  if (`${lines[count + 1]}\n` !== payloadTrailer(version)) throw new Error('bad trailer');
  return version;
}
