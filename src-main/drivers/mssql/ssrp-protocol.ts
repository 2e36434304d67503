/**
 * Encoding and decoding of the SQL Server Resolution Protocol ([MC-SQLR]), the UDP 1434 protocol
 * of the SQL Server Browser. Pure functions, so every malformed shape can be tested without a
 * socket.
 */

/** CLNT_UCAST_EX: "list every instance on this host". */
export const CLNT_UCAST_EX = 0x03;
/** CLNT_UCAST_INST: "describe this one instance". */
export const CLNT_UCAST_INST = 0x04;
/** SVR_RESP: the only kind of answer the Browser sends. */
export const SVR_RESP = 0x05;

/** [MC-SQLR] 2.2.3: the instance name is at most 32 bytes, without its terminating NUL. */
export const MAX_INSTANCE_NAME_BYTES = 32;

export interface SsrpInstance {
  serverName: string;
  instanceName: string;
  version: string | undefined;
  /** Undefined when the instance does not listen on TCP/IP (named pipes only, say). */
  tcpPort: number | undefined;
}

export function encodeInstanceRequest(instanceName: string): Buffer {
  const name = Buffer.from(instanceName, 'latin1');
  if (name.length === 0 || name.length > MAX_INSTANCE_NAME_BYTES || name.includes(0)) {
    throw new RangeError(`instance name must be 1 to ${MAX_INSTANCE_NAME_BYTES} characters`);
  }
  return Buffer.concat([Buffer.from([CLNT_UCAST_INST]), name, Buffer.from([0])]);
}

export function encodeListRequest(): Buffer {
  return Buffer.from([CLNT_UCAST_EX]);
}

/**
 * Decodes an SVR_RESP datagram into the instances it describes, or undefined when it is not a
 * well-formed answer (then it may come from something else listening on UDP 1434).
 */
export function decodeResponse(datagram: Buffer): SsrpInstance[] | undefined {
  if (datagram.length < 3 || datagram[0] !== SVR_RESP) return undefined;
  const size = datagram.readUInt16LE(1);
  // A truncated datagram would silently lose instances; a longer one carries junk we don't trust.
  if (size === 0 || datagram.length !== 3 + size) return undefined;
  // RESP_DATA is an MBCS string in the server's code page; latin1 keeps every byte.
  const text = datagram.toString('latin1', 3);
  if (!text.endsWith(';;')) return undefined;
  const instances: SsrpInstance[] = [];
  for (const record of text.slice(0, -2).split(';;')) {
    const instance = decodeInstance(record);
    if (instance === undefined) return undefined;
    instances.push(instance);
  }
  return instances;
}

/** One record: `ServerName;S;InstanceName;I;IsClustered;No;Version;V[;protocol;info…]`. */
function decodeInstance(record: string): SsrpInstance | undefined {
  const parts = record.split(';');
  if (parts.length % 2 !== 0) return undefined;
  const fields = new Map<string, string>();
  for (let i = 0; i < parts.length; i += 2) {
    const key = parts[i];
    const value = parts[i + 1];
    if (key === undefined || value === undefined || key === '') return undefined;
    // First occurrence wins: a well-formed record never repeats a key.
    if (!fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), value);
  }
  const serverName = fields.get('servername');
  const instanceName = fields.get('instancename');
  if (!serverName || !instanceName || !fields.has('isclustered')) return undefined;
  const tcp = fields.get('tcp');
  let tcpPort: number | undefined;
  if (tcp !== undefined) {
    if (!/^\d{1,5}$/.test(tcp)) return undefined;
    tcpPort = Number(tcp);
    if (tcpPort < 1 || tcpPort > 65535) return undefined;
  }
  return { serverName, instanceName, version: fields.get('version') || undefined, tcpPort };
}

/** Instance names are case-insensitive in SQL Server. */
export function sameInstanceName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
