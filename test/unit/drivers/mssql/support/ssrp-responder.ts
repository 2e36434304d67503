import dgram from 'node:dgram';
import { CLNT_UCAST_EX, CLNT_UCAST_INST, SVR_RESP } from '../../../../../src-main/drivers/mssql/ssrp-protocol';

/**
 * A stand-in for the SQL Server Browser on 127.0.0.1 (random UDP port). Like the real service it
 * answers CLNT_UCAST_EX with every instance, answers CLNT_UCAST_INST only for an instance it has,
 * and stays silent otherwise. Other modes play a blocked port and a foreign service.
 */
export interface FakeInstance {
  serverName: string;
  instanceName: string;
  version: string;
  /** Omitted for an instance with TCP/IP disabled (named pipes only). */
  tcpPort?: number;
}

export type ResponderMode =
  | { kind: 'browser'; instances: FakeInstance[]; ignoreFirst?: number }
  | { kind: 'silent' }
  | { kind: 'raw'; reply: Buffer };

export interface SsrpResponder {
  port: number;
  /** Every datagram received, in order. */
  requests: Buffer[];
  close(): Promise<void>;
}

export async function startSsrpResponder(mode: ResponderMode): Promise<SsrpResponder> {
  const socket = dgram.createSocket('udp4');
  const requests: Buffer[] = [];
  socket.on('message', (datagram, peer) => {
    requests.push(datagram);
    const reply = replyTo(mode, datagram, requests.length);
    if (reply !== undefined) socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    requests,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function replyTo(mode: ResponderMode, datagram: Buffer, count: number): Buffer | undefined {
  if (mode.kind === 'silent') return undefined;
  if (mode.kind === 'raw') return mode.reply;
  // Plays lost datagrams, to prove that the client asks again.
  if (count <= (mode.ignoreFirst ?? 0)) return undefined;
  if (datagram[0] === CLNT_UCAST_EX) return svrResp(mode.instances);
  if (datagram[0] === CLNT_UCAST_INST) {
    const name = datagram.toString('latin1', 1, datagram.indexOf(0, 1));
    const match = mode.instances.filter((instance) => instance.instanceName.toUpperCase() === name.toUpperCase());
    return match.length > 0 ? svrResp(match) : undefined;
  }
  return undefined;
}

/** SVR_RESP: 0x05, little-endian uint16 size, then `ServerName;…;tcp;PORT;;` per instance. */
export function svrResp(instances: readonly FakeInstance[]): Buffer {
  const text = instances
    .map((instance) => {
      const names = `ServerName;${instance.serverName};InstanceName;${instance.instanceName}`;
      const base = `${names};IsClustered;No;Version;${instance.version}`;
      const pipe = `np;\\\\${instance.serverName}\\pipe\\MSSQL$${instance.instanceName}\\sql\\query`;
      return instance.tcpPort === undefined ? `${base};${pipe};;` : `${base};${pipe};tcp;${instance.tcpPort};;`;
    })
    .join('');
  return withHeader(Buffer.from(text, 'latin1'));
}

export function withHeader(data: Buffer, size = data.length): Buffer {
  const header = Buffer.alloc(3);
  header[0] = SVR_RESP;
  header.writeUInt16LE(size, 1);
  return Buffer.concat([header, data]);
}
