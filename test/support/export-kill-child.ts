/**
 * Child process for the kill -9 export test: writes the same two targets over and over, the way
 * the product does: a large payload with writeFileAtomic or openAtomicWriter, and a full row
 * export of the demo database (runRowsExport, as the driver process runs it). It prints
 * `begin <kind> <version>` before a write (for `stream`, once the temp file is open), `progress
 * export <version>` while rows are written, and `commit <kind> <version>` once the file is in
 * place. The parent kills it with SIGKILL at arbitrary moments.
 *
 * Usage: node --import tsx test/support/export-kill-child.ts <dir> <demoFile> <round>
 */
import path from 'node:path';
import { DEMO_QUERIES } from '../../src-main/demo/demo-queries';
import { runRowsExport } from '../../src-main/driver-process/run-export';
import { loadDriver } from '../../src-main/drivers/registry';
import { openAtomicWriter, writeFileAtomic } from '../../src-main/files/atomic-file';
import {
  EXPORT_FILE,
  PAYLOAD_FILE,
  PAYLOAD_LINES,
  payloadHeader,
  payloadLine,
  payloadTrailer,
  payloadVersion,
} from './export-kill-names';

const say = (line: string) => process.stdout.write(`${line}\n`);

function payloadChunks(version: number): string[] {
  const chunks = [payloadHeader(version)];
  for (let start = 0; start < PAYLOAD_LINES; start += 5000) {
    let chunk = '';
    for (let index = start; index < Math.min(start + 5000, PAYLOAD_LINES); index++)
      chunk += payloadLine(version, index);
    chunks.push(chunk);
  }
  chunks.push(payloadTrailer(version));
  return chunks;
}

async function main(): Promise<void> {
  const [dir, demoFile, roundText] = process.argv.slice(2);
  if (dir === undefined || demoFile === undefined || roundText === undefined) {
    throw new Error('usage: export-kill-child <dir> <demoFile> <round>');
  }
  const round = Number(roundText);
  const driver = await loadDriver('sqlite');
  say('ready');
  for (let n = 1; ; n++) {
    const version = payloadVersion(round, n);
    const kind = ['stream', 'sync', 'export'][n % 3];
    if (kind === 'sync') {
      say(`begin payload ${version}`);
      writeFileAtomic(path.join(dir, PAYLOAD_FILE), payloadChunks(version).join(''));
      say(`commit payload ${version}`);
    } else if (kind === 'stream') {
      const writer = await openAtomicWriter(path.join(dir, PAYLOAD_FILE));
      say(`begin payload ${version} stream ${path.basename(writer.tempPath)}`);
      for (const chunk of payloadChunks(version)) await writer.write(chunk);
      await writer.commit();
      say(`commit payload ${version}`);
    } else {
      say(`begin export ${version}`);
      const session = await driver.connect({ kind: 'sqlite', file: demoFile }, undefined, { timeoutMs: 10_000 });
      try {
        await runRowsExport(
          session,
          DEMO_QUERIES.contact,
          60_000,
          {
            outPath: path.join(dir, EXPORT_FILE),
            format: 'jsonl',
            bom: false,
            importType: 'contact',
            intervalMinutes: 15,
            ruleSet: 'wfm-2024-05',
            timeZone: 'Europe/Brussels',
            now: new Date().toISOString(),
            includeInvalid: true,
            maxFindings: 100,
          },
          undefined,
          () => say(`progress export ${version}`),
        );
      } finally {
        await session.close();
      }
      say(`commit export ${version}`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `export-kill-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
