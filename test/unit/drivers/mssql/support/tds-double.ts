import type net from 'node:net';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { serve, type TcpEndpoint } from './tcp-servers';
import * as tds from './tds-tokens';

/**
 * The smallest TDS server that lets real tedious reach the paths we cannot reach without SQL
 * Server. It answers PRELOGIN, then LOGIN7: with ERROR tokens, the way SQL Server rejects a login
 * (18456) or a database (4060, then 18456), or with LOGINACK. After a login it answers tedious's
 * initial SQL batch, then every request through `answer` (no answer: silence). With a certificate
 * it offers encryption and runs the TLS handshake inside PRELOGIN packets, as TDS 7.x does.
 */
export interface TdsBehaviour {
  /** ERROR tokens for the login; none means the login succeeds. */
  loginErrors: Array<{ number: number; message: string }>;
  tls?: { key: string; cert: string };
  answer?: (sql: string) => Buffer | undefined;
}

export interface TdsDouble extends TcpEndpoint {
  /** How many LOGIN7 messages arrived, in clear or inside TLS. */
  logins(): number;
  /** The SQL text of every request after the initial batch. */
  requests: string[];
}

type Reply = (data: Buffer) => void;

export async function startTdsDouble(behaviour: TdsBehaviour): Promise<TdsDouble> {
  let logins = 0;
  const requests: string[] = [];
  // Messages after PRELOGIN, in clear or decrypted: the same answers either way.
  const onMessage = (type: number, payload: Buffer, reply: Reply, state: { initialSqlDone: boolean }): void => {
    if (type === tds.LOGIN7) {
      logins += 1;
      const errors = behaviour.loginErrors.map((error) => tds.errorToken(error.number, error.message));
      const tokens = errors.length > 0 ? [...errors, tds.done(0x02)] : [tds.loginAck(), tds.done(0)];
      reply(tds.packet(tds.TABULAR_RESULT, Buffer.concat(tokens)));
    } else if (type === tds.SQL_BATCH && !state.initialSqlDone) {
      state.initialSqlDone = true;
      reply(tds.packet(tds.TABULAR_RESULT, tds.done(0)));
    } else if (type === tds.SQL_BATCH || type === tds.RPC_REQUEST) {
      // tedious sends queries as sp_executesql RPCs; the SQL text is UTF-16 somewhere inside, at
      // an even or odd offset, and reading both ways is enough to recognise it.
      const sql = payload.toString('utf16le') + payload.subarray(1).toString('utf16le');
      requests.push(sql);
      const answer = behaviour.answer?.(sql);
      if (answer !== undefined) reply(tds.packet(tds.TABULAR_RESULT, answer));
    }
  };
  const endpoint = await serve((socket) => {
    const state = { initialSqlDone: false };
    let handshake: ReturnType<typeof startTlsServer> | undefined;
    const clear = messageReader((type, payload) => {
      if (type === tds.PRELOGIN && handshake !== undefined) handshake.fromClient(payload);
      else if (type === tds.PRELOGIN) {
        socket.write(
          tds.packet(tds.TABULAR_RESULT, tds.preloginReply(behaviour.tls ? tds.ENCRYPT_ON : tds.ENCRYPT_NOT_SUP)),
        );
        if (behaviour.tls) {
          handshake = startTlsServer(socket, behaviour.tls, (type, payload, reply) =>
            onMessage(type, payload, reply, state),
          );
        }
      } else onMessage(type, payload, (data) => socket.write(data), state);
    });
    socket.on('data', (chunk: Buffer) => {
      if (handshake?.secure()) handshake.rawFromClient(chunk);
      else clear(chunk);
    });
  });
  return { ...endpoint, logins: () => logins, requests };
}

/** Reassembles packets into messages (a message ends with the status bit 0x01). */
function messageReader(onMessage: (type: number, payload: Buffer) => void): (chunk: Buffer) => void {
  let buffered = Buffer.alloc(0);
  let parts: Buffer[] = [];
  return (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 8 && buffered.length >= buffered.readUInt16BE(2)) {
      const length = buffered.readUInt16BE(2);
      const [type = 0, status = 0] = buffered;
      parts.push(buffered.subarray(8, length));
      buffered = buffered.subarray(length);
      if ((status & 0x01) !== 0) {
        onMessage(type, Buffer.concat(parts));
        parts = [];
      }
    }
  };
}

/**
 * A TLS server behind a stream fed by hand. During the handshake tedious sends each flight in one
 * PRELOGIN message and waits for exactly one reply message, so the server's records for a flight
 * are batched into one PRELOGIN packet. After the handshake, records travel bare on TCP.
 */
function startTlsServer(
  socket: net.Socket,
  credentials: { key: string; cert: string },
  onMessage: (type: number, payload: Buffer, reply: Reply) => void,
) {
  let requests = 0;
  let replies = 0;
  let pending: Buffer[] = [];
  const flush = (): void => {
    const data = Buffer.concat(pending);
    pending = [];
    if (socket.destroyed) return;
    if (replies < requests) {
      replies += 1;
      socket.write(tds.packet(tds.PRELOGIN, data));
    } else socket.write(data);
  };
  const wire = new Duplex({
    read: () => undefined,
    write(chunk: Buffer, _encoding, callback) {
      if (pending.length === 0) setImmediate(flush);
      pending.push(chunk);
      callback();
    },
  });
  const server = new tls.TLSSocket(wire, { isServer: true, ...credentials });
  let secure = false;
  server.on('secure', () => (secure = true));
  server.on('error', () => undefined);
  const inside = messageReader((type, payload) => onMessage(type, payload, (data) => server.write(data)));
  server.on('data', (chunk: Buffer) => inside(chunk));
  return {
    secure: () => secure,
    fromClient: (payload: Buffer): void => {
      requests += 1;
      wire.push(payload);
    },
    rawFromClient: (chunk: Buffer): void => {
      wire.push(chunk);
    },
  };
}
