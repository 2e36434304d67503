import crypto from 'node:crypto';
import net from 'node:net';

/**
 * A WebSocket client that writes frames byte by byte, so a test can send what no well-behaved
 * client sends: frames over the size limit, invalid UTF-8, reserved opcodes, unmasked frames.
 */
export interface RawSocket {
  /** Writes one frame: `mask` false sends it unmasked, which a client must never do. */
  frame(opcode: number, payload: Buffer, options?: { mask?: boolean; declaredLength?: number }): void;
  /** The close code the server sent (undefined when it just dropped the connection), once closed. */
  readonly closed: Promise<number | undefined>;
  /** Stops reading what the server sends, as a client that never takes its answers. */
  pause(): void;
  destroy(): void;
}

export function openRawSocket(port: number, token: string): Promise<RawSocket> {
  const socket = net.connect({ host: '127.0.0.1', port });
  const key = crypto.randomBytes(16).toString('base64');
  let received = Buffer.alloc(0);
  let upgraded = false;
  let closeCode: number | undefined;
  const closed = new Promise<number | undefined>((resolve) => socket.once('close', () => resolve(closeCode)));
  socket.on('error', () => undefined);
  const client: RawSocket = { frame, closed, pause: () => socket.pause(), destroy: () => socket.destroy() };
  return new Promise((resolve, reject) => {
    socket.once('connect', () =>
      socket.write(
        `GET /rpc?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!upgraded) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!received.subarray(0, end).toString().startsWith('HTTP/1.1 101')) {
          reject(new Error(`no upgrade: ${received.subarray(0, end).toString()}`));
          return;
        }
        upgraded = true;
        received = received.subarray(end + 4);
        resolve(client);
      }
      // A close frame from the server: 0x88, a length, then the status code.
      const close = received.indexOf(0x88);
      if (close >= 0 && received.length >= close + 4) closeCode = received.readUInt16BE(close + 2);
    });
  });

  function frame(opcode: number, payload: Buffer, options: { mask?: boolean; declaredLength?: number } = {}): void {
    const mask = options.mask ?? true;
    const length = options.declaredLength ?? payload.length;
    const header: number[] = [0x80 | opcode];
    const maskBit = mask ? 0x80 : 0;
    if (length < 126) header.push(maskBit | length);
    else if (length < 65536) header.push(maskBit | 126, length >> 8, length & 0xff);
    else {
      header.push(maskBit | 127);
      const big = Buffer.alloc(8);
      big.writeBigUInt64BE(BigInt(length));
      header.push(...big);
    }
    const key = crypto.randomBytes(4);
    const body = mask ? Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0))) : payload;
    socket.write(Buffer.concat([Buffer.from(header), mask ? key : Buffer.alloc(0), body]));
  }
}
