import dgram from 'node:dgram';
import dns from 'node:dns';
import {
  decodeResponse,
  encodeInstanceRequest,
  encodeListRequest,
  sameInstanceName,
  type SsrpInstance,
} from './ssrp-protocol';

/**
 * A SQL Server Browser client ([MC-SQLR] over UDP). We resolve named instances ourselves instead
 * of letting tedious do it, because tedious reports a silent UDP 1434 and an unknown instance
 * with the same vague error, and the admin needs to know which firewall rule to ask for.
 */

export const SQL_BROWSER_PORT = 1434;
export const DEFAULT_SSRP_TIMEOUT_MS = 2000;
export const DEFAULT_SSRP_RETRIES = 1;

export type SsrpFailureReason =
  /** Nothing answered on UDP: a firewall drops it, or the Browser service is stopped. */
  | 'no-answer'
  /** The Browser answered, and it does not know the instance. */
  | 'instance-not-found'
  /** The instance exists but does not listen on TCP/IP (named pipes only). */
  | 'no-tcp'
  /** Something answered on the port, but not in the protocol. */
  | 'malformed'
  /** The host name does not resolve. */
  | 'dns';

export type SsrpResult =
  | { ok: true; port: number; instanceName: string; version?: string; serverName?: string }
  | { ok: false; reason: SsrpFailureReason; knownInstances: string[] };

export type SsrpListResult =
  | { ok: true; instances: SsrpInstance[] }
  | { ok: false; reason: Extract<SsrpFailureReason, 'no-answer' | 'malformed' | 'dns'> };

export interface SsrpOptions {
  /** The Browser's UDP port; only tests change it. */
  port?: number;
  /** How long each attempt waits for an answer. */
  timeoutMs?: number;
  /** Attempts after the first one; UDP datagrams get lost. */
  retries?: number;
}

/** Asks the Browser on `host` for the TCP port of `instanceName`. Never throws for network trouble. */
export async function resolveInstancePort(
  host: string,
  instanceName: string,
  options: SsrpOptions = {},
): Promise<SsrpResult> {
  // The Browser ignores CLNT_UCAST_INST for an instance it does not have, which would look like
  // a silent firewall. The listing request sent alongside it gets an answer either way, and that
  // answer names the instances the admin can choose from.
  const requests = [encodeInstanceRequest(instanceName), encodeListRequest()];
  const outcome = await exchange(host, requests, options);
  if (typeof outcome === 'string') return { ok: false, reason: outcome, knownInstances: [] };
  const match = outcome.find((instance) => sameInstanceName(instance.instanceName, instanceName));
  if (match === undefined) {
    return {
      ok: false,
      reason: 'instance-not-found',
      knownInstances: outcome.map((instance) => instance.instanceName),
    };
  }
  if (match.tcpPort === undefined) return { ok: false, reason: 'no-tcp', knownInstances: [match.instanceName] };
  return {
    ok: true,
    port: match.tcpPort,
    instanceName: match.instanceName,
    ...(match.version === undefined ? {} : { version: match.version }),
    serverName: match.serverName,
  };
}

/** Lists the instances the Browser on `host` knows (CLNT_UCAST_EX). */
export async function listInstances(host: string, options: SsrpOptions = {}): Promise<SsrpListResult> {
  const outcome = await exchange(host, [encodeListRequest()], options);
  return typeof outcome === 'string' ? { ok: false, reason: outcome } : { ok: true, instances: outcome };
}

type ExchangeFailure = 'no-answer' | 'malformed' | 'dns';

/** Sends the requests, repeats them after each silent attempt, and returns the first valid answer. */
async function exchange(
  host: string,
  requests: Buffer[],
  options: SsrpOptions,
): Promise<SsrpInstance[] | ExchangeFailure> {
  const port = options.port ?? SQL_BROWSER_PORT;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SSRP_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_SSRP_RETRIES;
  const address = await lookupWithin(host, timeoutMs * (retries + 1));
  if (address === undefined) return 'dns';

  const socket = dgram.createSocket(address.family === 6 ? 'udp6' : 'udp4');
  return new Promise((resolve) => {
    let done = false;
    let sawMalformed = false;
    let attempt = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: SsrpInstance[] | ExchangeFailure): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
      resolve(outcome);
    };
    socket.on('message', (datagram) => {
      const instances = decodeResponse(datagram);
      if (instances === undefined) sawMalformed = true;
      else finish(instances);
    });
    // Send failures (no route, say) are reported as "no answer": the admin's next step is the same.
    socket.on('error', () => undefined);
    const sendAttempt = (): void => {
      for (const request of requests) socket.send(request, port, address.address, () => undefined);
      timer = setTimeout(() => {
        // A garbled answer will not turn into a good one by asking again.
        if (sawMalformed) finish('malformed');
        else if (attempt < retries) {
          attempt += 1;
          sendAttempt();
        } else finish('no-answer');
      }, timeoutMs);
    };
    sendAttempt();
  });
}

/** DNS lookup bounded in time: a resolver that hangs must not outlast the Browser timeout. */
async function lookupWithin(host: string, limitMs: number): Promise<dns.LookupAddress | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), limitMs);
  });
  try {
    return await Promise.race([dns.promises.lookup(host).catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
