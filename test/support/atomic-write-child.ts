/**
 * Child process for the atomic-file tests: writes a target the way the product does, in a
 * process whose limits the test chooses (a file-size limit makes a real write fail half-way).
 * Prints one JSON line: {"ok":true} or {"ok":false,"message":…}.
 *
 * Usage: node --import tsx test/support/atomic-write-child.ts sync|stream|exit-mid-write <target> <bytes>
 */
import { openAtomicWriter, writeFileAtomic } from '../../src-main/files/atomic-file';

// Past a file-size limit (ulimit -f) the kernel sends SIGXFSZ; ignored, the write fails with EFBIG.
process.on('SIGXFSZ', () => undefined);

const CHUNK = 64 * 1024;

async function main(): Promise<void> {
  const [mode, target, bytesText] = process.argv.slice(2);
  if (target === undefined || bytesText === undefined)
    throw new Error('usage: atomic-write-child <mode> <target> <bytes>');
  const bytes = Number(bytesText);
  const payload = Buffer.alloc(bytes, 'n');
  if (mode === 'sync') {
    writeFileAtomic(target, payload);
  } else if (mode === 'stream' || mode === 'exit-mid-write') {
    const writer = await openAtomicWriter(target);
    for (let offset = 0; offset < bytes; offset += CHUNK) {
      await writer.write(payload.subarray(offset, offset + CHUNK));
    }
    if (mode === 'exit-mid-write') {
      process.stdout.write(`${JSON.stringify({ ok: true, tempPath: writer.tempPath })}\n`);
      process.exit(0);
    }
    await writer.commit();
  } else {
    throw new Error(`unknown mode ${String(mode)}`);
  }
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ ok: false, message: (error as Error).message })}\n`);
});
