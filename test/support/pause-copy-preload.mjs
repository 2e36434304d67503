// Preloaded (node --import) into the built CLI by the kill -9 export test: a copy that reads a
// staged export (a file under ACD_TEST_PAUSE_READ_UNDER) gets its first bytes, then waits for
// good, and the process prints "paused" once. The parent then kills it with SIGKILL exactly
// mid-copy: the temp file at --out is open and recorded, however fast or slow the machine is.
// The default export of node:fs is the very object the bundled CLI's require('node:fs') returns.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

const under = process.env.ACD_TEST_PAUSE_READ_UNDER;
const createReadStream = fs.createReadStream;

fs.createReadStream = function pausingReadStream(file, ...rest) {
  if (!under || typeof file !== 'string' || !path.resolve(file).startsWith(under + path.sep))
    return createReadStream.call(this, file, ...rest);
  const head = fs.readFileSync(file).subarray(0, 16);
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(head);
        return;
      }
      process.stdout.write('paused\n');
      // Keeps the process alive while the copy waits: an empty event loop would end it in order.
      setInterval(() => undefined, 1 << 30);
    },
  });
};
