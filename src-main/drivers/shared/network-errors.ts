import type { ClassifiedError } from '../db-session';
import { firstCode } from './error-fields';

export interface Endpoint {
  host: string;
  port: number | undefined;
}

export function describeEndpoint(endpoint: Endpoint): string {
  return endpoint.port === undefined ? endpoint.host : `${endpoint.host}:${endpoint.port}`;
}

/**
 * Socket and DNS failures from Node's `net` module, shared by every driver written in JavaScript
 * (pg, mysql2). Undefined when the error is not one of them.
 */
export function classifyNetworkError(error: unknown, endpoint: Endpoint): ClassifiedError | undefined {
  const where = describeEndpoint(endpoint);
  switch (firstCode(error)) {
    case 'ECONNREFUSED':
      return {
        category: 'UNREACHABLE',
        message: `Nothing listens on ${where}: check host, port and firewall, and that the database server is running.`,
      };
    case 'ENOTFOUND':
      return {
        category: 'UNREACHABLE',
        message: `The host name "${endpoint.host}" was not found: check its spelling, or enter the server's IP address.`,
      };
    case 'EAI_AGAIN':
      return {
        category: 'UNREACHABLE',
        message: `The host name "${endpoint.host}" could not be looked up (DNS did not answer): check the network, or enter the server's IP address.`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return {
        category: 'UNREACHABLE',
        message: `There is no network route to ${where}: check the address, the VPN and the firewall.`,
      };
    case 'ECONNRESET':
    case 'EPIPE':
      return {
        category: 'UNREACHABLE',
        message: `${where} closed the connection at once: a firewall, a proxy or a service other than the database may be listening there.`,
      };
    case 'ETIMEDOUT':
      return {
        category: 'TIMEOUT',
        message: `${where} did not answer in time: a firewall may be dropping the connection, or the server is overloaded.`,
      };
    default:
      return undefined;
  }
}
