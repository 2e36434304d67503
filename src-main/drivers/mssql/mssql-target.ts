import type { Connection } from '../../../src-shared/contract/model';
import { MAX_INSTANCE_NAME_BYTES } from './ssrp-protocol';

export type MssqlConnection = Extract<Connection, { kind: 'mssql' }>;

export const DEFAULT_MSSQL_PORT = 1433;

/** Where to connect: a TCP port, or a named instance still to be resolved by the Browser. */
export type MssqlTarget =
  { host: string; port: number; instance: string | undefined } | { host: string; port: undefined; instance: string };

export class MssqlConfigError extends Error {
  override readonly name = 'MssqlConfigError';
}

/**
 * Reads the target from the connection. Admins paste what SQL Server Management Studio shows, so
 * `HOST\INSTANCE` and `HOST,PORT` in the host field are accepted too. When both a port and an
 * instance are given, the port wins, as in Microsoft's own clients: the Browser is not needed.
 */
export function targetOf(connection: MssqlConnection): MssqlTarget {
  let host = connection.host.trim();
  let instance = connection.instance?.trim() || undefined;
  let port = connection.port;

  const comma = host.lastIndexOf(',');
  if (comma > 0) {
    const portText = host.slice(comma + 1).trim();
    const parsed = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(parsed >= 1 && parsed <= 65535)) {
      throw new MssqlConfigError(
        `"${connection.host}" is not a valid server: after the comma must come a TCP port (1-65535).`,
      );
    }
    port ??= parsed;
    host = host.slice(0, comma).trim();
  }
  const backslash = host.indexOf('\\');
  if (backslash >= 0) {
    const named = host.slice(backslash + 1).trim();
    host = host.slice(0, backslash).trim();
    if (instance !== undefined && named.toUpperCase() !== instance.toUpperCase()) {
      throw new MssqlConfigError(
        `The host "${connection.host}" names instance "${named}" but the instance field says "${instance}". Keep only one.`,
      );
    }
    instance ??= named || undefined;
  }
  if (host === '') throw new MssqlConfigError('The host is empty. Enter the server name or IP address.');
  if (instance !== undefined) checkInstanceName(instance);

  if (port !== undefined) return { host, port, instance };
  if (instance !== undefined) return { host, port: undefined, instance };
  return { host, port: DEFAULT_MSSQL_PORT, instance: undefined };
}

function checkInstanceName(instance: string): void {
  // Instance names are at most 16 characters in SQL Server; the Browser request allows 32 bytes.
  if (Buffer.byteLength(instance, 'latin1') > MAX_INSTANCE_NAME_BYTES || /[\\;,\0]/.test(instance)) {
    throw new MssqlConfigError(
      `"${instance}" is not a valid SQL Server instance name (at most 16 letters, digits, _ or $). ` +
        'Enter only the part after the backslash, e.g. SQLEXPRESS.',
    );
  }
}

/** "HOST:PORT", or "HOST\INSTANCE (TCP port PORT)" when the Browser gave the port. */
export function describeTarget(host: string, port: number | undefined, instance: string | undefined): string {
  if (instance === undefined) return `${host}:${port ?? DEFAULT_MSSQL_PORT}`;
  return port === undefined ? `${host}\\${instance}` : `${host}\\${instance} (TCP port ${port})`;
}

export interface TlsChoice {
  encrypt: boolean;
  trustServerCertificate: boolean;
}

/** SQL Server's own terms, as stored: encrypted and the certificate checked unless the admin chose otherwise. */
export function tlsChoiceOf(connection: MssqlConnection): TlsChoice {
  return { encrypt: connection.encrypt, trustServerCertificate: connection.trustServerCertificate };
}
