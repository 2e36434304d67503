// Limitation: there is no SQL Server Browser on our build machines. A local UDP responder on
// 127.0.0.1 (random port) plays one, speaking the [MC-SQLR] protocol as the real service does.
import { afterEach, describe, expect, it } from 'vitest';
import { listInstances, resolveInstancePort } from '../../../../src-main/drivers/mssql/ssrp-client';
import { startSsrpResponder, withHeader, type SsrpResponder } from './support/ssrp-responder';

const responders: SsrpResponder[] = [];
afterEach(async () => {
  for (const responder of responders.splice(0)) await responder.close();
});
async function responder(...args: Parameters<typeof startSsrpResponder>): Promise<SsrpResponder> {
  const started = await startSsrpResponder(...args);
  responders.push(started);
  return started;
}

const instances = [
  { serverName: 'ACD01', instanceName: 'SQLEXPRESS', version: '15.0.2000.5', tcpPort: 49731 },
  { serverName: 'ACD01', instanceName: 'CMS', version: '16.0.1000.6', tcpPort: 1500 },
  { serverName: 'ACD01', instanceName: 'PIPES', version: '16.0.1000.6' },
];
const fast = { timeoutMs: 150, retries: 1 };

describe('resolveInstancePort against a local Browser', () => {
  it('resolves a named instance to its TCP port, case-insensitively', async () => {
    const browser = await responder({ kind: 'browser', instances });
    const result = await resolveInstancePort('127.0.0.1', 'sqlexpress', { ...fast, port: browser.port });
    expect(result).toEqual({
      ok: true,
      port: 49731,
      instanceName: 'SQLEXPRESS',
      version: '15.0.2000.5',
      serverName: 'ACD01',
    });
    expect(browser.requests[0]).toEqual(Buffer.from([0x04, ...Buffer.from('sqlexpress'), 0x00]));
  });

  it('reports an unknown instance with the instances the Browser knows', async () => {
    const browser = await responder({ kind: 'browser', instances });
    const result = await resolveInstancePort('127.0.0.1', 'CMS2', { ...fast, port: browser.port });
    expect(result).toEqual({ ok: false, reason: 'instance-not-found', knownInstances: ['SQLEXPRESS', 'CMS', 'PIPES'] });
  });

  it('reports an instance without TCP/IP', async () => {
    const browser = await responder({ kind: 'browser', instances });
    const result = await resolveInstancePort('127.0.0.1', 'PIPES', { ...fast, port: browser.port });
    expect(result).toMatchObject({ ok: false, reason: 'no-tcp' });
  });

  it('asks again when the first datagrams are lost', async () => {
    const browser = await responder({ kind: 'browser', instances, ignoreFirst: 2 });
    const result = await resolveInstancePort('127.0.0.1', 'CMS', { ...fast, port: browser.port });
    expect(result).toMatchObject({ ok: true, port: 1500 });
    expect(browser.requests.length).toBeGreaterThanOrEqual(3);
  });

  it('reports no answer from a silent port within the timeout and one retry', async () => {
    const browser = await responder({ kind: 'silent' });
    const started = Date.now();
    const result = await resolveInstancePort('127.0.0.1', 'CMS', { timeoutMs: 200, retries: 1, port: browser.port });
    const elapsed = Date.now() - started;
    expect(result).toEqual({ ok: false, reason: 'no-answer', knownInstances: [] });
    expect(elapsed).toBeGreaterThanOrEqual(390);
    // Two attempts of 200 ms, and no third; the upper margin allows a busy machine.
    expect(elapsed).toBeLessThan(5000);
    // Each attempt sends the instance request and the listing request.
    expect(browser.requests.map((request) => request[0])).toEqual([0x04, 0x03, 0x04, 0x03]);
  });

  it.each([
    ['text that is not SSRP', Buffer.from('hello')],
    [
      'an answer with a wrong size',
      withHeader(Buffer.from('ServerName;A;InstanceName;CMS;IsClustered;No;Version;1;tcp;1;;'), 9),
    ],
    [
      'an answer with a garbled port',
      withHeader(Buffer.from('ServerName;A;InstanceName;CMS;IsClustered;No;Version;1;tcp;x;;')),
    ],
  ])('reports %s as malformed', async (_name, reply) => {
    const browser = await responder({ kind: 'raw', reply });
    const result = await resolveInstancePort('127.0.0.1', 'CMS', { ...fast, port: browser.port });
    expect(result).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('reports a host name that does not resolve', async () => {
    const result = await resolveInstancePort('no-such-host.invalid', 'CMS', fast);
    expect(result).toMatchObject({ ok: false, reason: 'dns' });
  });
});

describe('listInstances', () => {
  it('lists every instance the Browser knows', async () => {
    const browser = await responder({ kind: 'browser', instances });
    const result = await listInstances('127.0.0.1', { ...fast, port: browser.port });
    expect(result.ok && result.instances.map((instance) => instance.instanceName)).toEqual([
      'SQLEXPRESS',
      'CMS',
      'PIPES',
    ]);
  });

  it('reports a silent Browser', async () => {
    const browser = await responder({ kind: 'silent' });
    expect(await listInstances('127.0.0.1', { ...fast, port: browser.port })).toEqual({
      ok: false,
      reason: 'no-answer',
    });
  });
});
