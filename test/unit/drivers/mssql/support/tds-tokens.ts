/**
 * Encoders for the few TDS 7.4 messages the test double sends ([MS-TDS] 2.2). Packet header:
 * type, status (0x01 = last packet of the message), big-endian length, spid, packet id, window.
 */
export const SQL_BATCH = 0x01;
export const RPC_REQUEST = 0x03;
export const TABULAR_RESULT = 0x04;
export const LOGIN7 = 0x10;
export const PRELOGIN = 0x12;
export const ENCRYPT_ON = 0x01;
export const ENCRYPT_NOT_SUP = 0x02;

export function packet(type: number, payload: Buffer): Buffer {
  const header = Buffer.from([type, 0x01, 0, 0, 0, 0, 1, 0]);
  header.writeUInt16BE(8 + payload.length, 2);
  return Buffer.concat([header, payload]);
}

/** VERSION (6 bytes) and ENCRYPTION (1 byte) options, then the terminator. */
export function preloginReply(encryption: number): Buffer {
  const options = Buffer.from([0x00, 0, 11, 0, 6, 0x01, 0, 17, 0, 1, 0xff]);
  const version = Buffer.from([15, 0, 0x07, 0xd0, 0, 0]); // 15.0.2000 = SQL Server 2019
  return Buffer.concat([options, version, Buffer.from([encryption])]);
}

/** ERROR: number, state, class, message (US_VARCHAR), server and procedure (B_VARCHAR), line. */
export function errorToken(number: number, message: string): Buffer {
  const body = Buffer.concat([int32(number), Buffer.from([1, 14]), usVarChar(message), bVarChar('TDSDOUBLE')]);
  return token(0xaa, Buffer.concat([body, bVarChar(''), int32(1)]));
}

/** LOGINACK: interface T-SQL, TDS 7.4 (big-endian, unlike everything else), program name and version. */
export function loginAck(): Buffer {
  const version = Buffer.from([0x74, 0, 0, 0x04]);
  return token(
    0xad,
    Buffer.concat([Buffer.from([1]), version, bVarChar('Microsoft SQL Server'), Buffer.from([15, 0, 7, 0xd0])]),
  );
}

/** DONE: status (0x02 error, 0x10 count valid), current command, 64-bit row count. */
export function done(status: number, rows = 0): Buffer {
  const body = Buffer.alloc(12);
  body.writeUInt16LE(status, 0);
  body.writeBigUInt64LE(BigInt(rows), 4);
  return Buffer.concat([Buffer.from([0xfd]), body]);
}

/** COLMETADATA and ROW tokens for a result whose columns are all NVARCHAR(4000). */
export function resultSet(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): Buffer {
  const count = Buffer.alloc(2);
  count.writeUInt16LE(columns.length);
  const collation = Buffer.from([0x09, 0x04, 0xd0, 0x00, 0x34]); // Latin1_General_CI_AS
  const nvarchar = Buffer.concat([Buffer.from([0xe7, 0x40, 0x1f]), collation]);
  const metadata = columns.map((name) =>
    Buffer.concat([int32(0), Buffer.from([0x01, 0x00]), nvarchar, bVarChar(name)]),
  );
  const rowTokens = rows.map((row) =>
    Buffer.concat([
      Buffer.from([0xd1]),
      ...row.map((value) => (value === null ? Buffer.from([0xff, 0xff]) : usBytes(value))),
    ]),
  );
  return Buffer.concat([Buffer.from([0x81]), count, ...metadata, ...rowTokens, done(0x10, rows.length)]);
}

function token(type: number, body: Buffer): Buffer {
  const head = Buffer.from([type, 0, 0]);
  head.writeUInt16LE(body.length, 1);
  return Buffer.concat([head, body]);
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
}

/** Text prefixed with its length in characters (2 bytes). */
function usVarChar(text: string): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16LE(text.length);
  return Buffer.concat([length, Buffer.from(text, 'utf16le')]);
}

/** Text prefixed with its length in characters (1 byte). */
function bVarChar(text: string): Buffer {
  return Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'utf16le')]);
}

/** An NVARCHAR value: its length in bytes (2 bytes), then UTF-16LE. */
function usBytes(text: string): Buffer {
  const data = Buffer.from(text, 'utf16le');
  const length = Buffer.alloc(2);
  length.writeUInt16LE(data.length);
  return Buffer.concat([length, data]);
}
