// Limitation: there is no SQL Server on our build machines. These tests run the real driver
// (real tedious, real sockets) against local stand-ins: a closed port, TCP servers that never
// answer or hang up, an unresolvable name, a UDP SQL Server Browser responder, and a minimal TDS
// double that rejects logins or presents an untrusted certificate. A successful login, the
// catalogue queries and writeAccess need a real server and are not tested here.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassifiedError } from '../../../../src-main/drivers/db-session';
import { createMssqlDriver, type MssqlConnection } from '../../../../src-main/drivers/mssql/mssql-driver';
import { useTempDirs } from '../../../support/temp-dir';
import { hasOpenssl, selfSignedCertificate } from './support/certificates';
import { startSsrpResponder } from './support/ssrp-responder';
import { startTdsDouble } from './support/tds-double';
import { closedPort, hangUpServer, silentServer, type TcpEndpoint } from './support/tcp-servers';

const CANARY = 'Canary-Pw-7f3a9';
const tempDir = useTempDirs('acd-mssql-');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
async function owned<T extends { close(): Promise<void> }>(resource: Promise<T>): Promise<T> {
  const started = await resource;
  cleanups.push(() => started.close());
  return started;
}

const LOGIN_FAILED = { number: 18456, message: "Login failed for user 'reader'." };
const base = {
  kind: 'mssql',
  host: '127.0.0.1',
  database: 'cms',
  user: 'reader',
  encrypt: true,
  trustServerCertificate: false,
} as const;

interface Attempt extends ClassifiedError {
  elapsedMs: number;
}

/** Connects as the product does and returns the classified failure; a success fails the test. */
async function failure(connection: MssqlConnection, timeoutMs = 3000, browserPort?: number): Promise<Attempt> {
  const driver = createMssqlDriver({ ...(browserPort === undefined ? {} : { browserPort }) });
  const started = Date.now();
  try {
    const session = await driver.connect(connection, CANARY, { timeoutMs });
    await session.close();
  } catch (error) {
    const elapsedMs = Date.now() - started;
    const classified = driver.classify(error, connection);
    const texts = [classified.message, String(error), JSON.stringify(error), (error as Error).stack];
    for (const text of texts) expect(text).not.toContain(CANARY);
    return { ...classified, elapsedMs };
  }
  throw new Error('connect unexpectedly succeeded');
}

describe('TCP failures, through tedious', () => {
  it('a closed port is UNREACHABLE, with the TCP port to open', async () => {
    const port = await closedPort();
    const result = await failure({ ...base, port });
    expect(result.category).toBe('UNREACHABLE');
    expect(result.message).toContain(`127.0.0.1:${port}`);
    expect(result.message).toContain(`allows TCP ${port}`);
  });

  it('a port that accepts and never answers is TIMEOUT within the timeout + 1 s', async () => {
    const server: TcpEndpoint = await owned(silentServer());
    const result = await failure({ ...base, port: server.port }, 1500);
    expect(result.category).toBe('TIMEOUT');
    // tedious's own default would be 15 s; the margin allows a busy machine.
    expect(result.elapsedMs).toBeLessThan(1500 + 5000);
  });

  it('a port that accepts and hangs up at once is UNREACHABLE, saying it is not answering like SQL Server', async () => {
    const server = await owned(hangUpServer());
    const result = await failure({ ...base, port: server.port });
    expect(result.category).toBe('UNREACHABLE');
    expect(result.message).toMatch(/closed it without answering like SQL Server/);
  });

  it('a host name that does not resolve is UNREACHABLE', { timeout: 15_000 }, async () => {
    const result = await failure({ ...base, host: 'no-such-host.invalid', port: 1433 }, 10_000);
    expect(result.category).toBe('UNREACHABLE');
    expect(result.message).toContain('"no-such-host.invalid" was not found');
  });
});

describe('named instances, through the SQL Server Browser', () => {
  it('connects to the port the Browser gives, and reports it when nothing listens there', async () => {
    const tcpPort = await closedPort();
    const instances = [{ serverName: 'ACD01', instanceName: 'CMS', version: '16.0.1000.6', tcpPort }];
    const browser = await owned(startSsrpResponder({ kind: 'browser', instances }));
    const result = await failure({ ...base, instance: 'CMS' }, 3000, browser.port);
    expect(result.category).toBe('UNREACHABLE');
    expect(result.message).toContain(`127.0.0.1\\CMS (TCP port ${tcpPort})`);
  });

  it('a silent UDP 1434 gets the firewall message, well within the timeout', async () => {
    const browser = await owned(startSsrpResponder({ kind: 'silent' }));
    const result = await failure({ ...base, instance: 'CMS' }, 2000, browser.port);
    expect(result.category).toBe('UNREACHABLE');
    expect(result.message).toMatch(
      /^The SQL Server Browser on 127\.0\.0\.1 did not answer on UDP port 1434\. Ask for UDP 1434/,
    );
    expect(result.elapsedMs).toBeLessThan(2000);
  });

  it('an unknown instance is BAD_CONFIG, listing the instances the Browser knows', async () => {
    const instances = [
      { serverName: 'ACD01', instanceName: 'SQLEXPRESS', version: '15.0.2000.5', tcpPort: 49731 },
      { serverName: 'ACD01', instanceName: 'CMS', version: '16.0.1000.6', tcpPort: 1500 },
    ];
    const browser = await owned(startSsrpResponder({ kind: 'browser', instances }));
    const result = await failure({ ...base, instance: 'CMS2' }, 2000, browser.port);
    expect(result).toMatchObject({
      category: 'BAD_CONFIG',
      message: expect.stringContaining('It knows: SQLEXPRESS, CMS.'),
    });
  });
});

describe('login and TLS, against a minimal TDS double', () => {
  it('a rejected login (18456) is AUTH', async () => {
    const server = await owned(startTdsDouble({ loginErrors: [LOGIN_FAILED] }));
    const result = await failure({ ...base, port: server.port });
    expect(result.category).toBe('AUTH');
    expect(result.message).toContain('refused the login "reader"');
    expect(server.logins()).toBe(1);
  });

  it('an unknown database (4060, then 18456) is DATABASE_NOT_FOUND at once, without tedious retries', async () => {
    const errors = [
      { number: 4060, message: 'Cannot open database "cms" requested by the login. The login failed.' },
      LOGIN_FAILED,
    ];
    const server = await owned(startTdsDouble({ loginErrors: errors }));
    const result = await failure({ ...base, port: server.port });
    expect(result.category).toBe('DATABASE_NOT_FOUND');
    expect(result.message).toContain('"cms"');
    expect(server.logins()).toBe(1);
  });

  const openssl = hasOpenssl();
  it.skipIf(!openssl)('an untrusted (self-signed) certificate is TLS, and nothing is sent after it', async () => {
    const server = await owned(
      startTdsDouble({ loginErrors: [LOGIN_FAILED], tls: selfSignedCertificate(tempDir().path) }),
    );
    const result = await failure({ ...base, port: server.port });
    expect(result.category).toBe('TLS');
    expect(result.message).toMatch(/self-signed or from an unknown authority/);
    expect(server.logins()).toBe(0);
  });

  it.skipIf(!openssl)('with "trust server certificate" the login goes through TLS and its answer counts', async () => {
    const server = await owned(
      startTdsDouble({ loginErrors: [LOGIN_FAILED], tls: selfSignedCertificate(tempDir().path) }),
    );
    const trusting = { ...base, port: server.port, trustServerCertificate: true } as MssqlConnection;
    expect((await failure(trusting)).category).toBe('AUTH');
    expect(server.logins()).toBe(1);
  });
});
