import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/host/web-host';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy';
import type { EventHub } from '../../../src-shared/rpc/memory-transport';
import { useAppContexts } from '../../support/app-contexts';
import { useTempDirs } from '../../support/temp-dir';
import { connectSocket, rawGet, upgradeOutcome, type TestSocket } from '../../support/ws-client';

const tempDir = useTempDirs('acd-web-');
const openContext = useAppContexts();
const INDEX_HTML = '<!doctype html><title>ACD Link Studio</title><script src="./app.js"></script>';

const hosts: WebHost[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function startHost(token?: string) {
  const dir = tempDir();
  const rendererDir = dir.join('renderer');
  fs.mkdirSync(`${rendererDir}/assets`, { recursive: true });
  fs.writeFileSync(`${rendererDir}/index.html`, INDEX_HTML);
  fs.writeFileSync(`${rendererDir}/assets/app.js`, 'console.log("renderer");');
  // Things outside the bundle that traversal must not reach.
  fs.writeFileSync(dir.join('package.json'), '{"name":"outside-the-bundle"}');
  fs.mkdirSync(dir.join('renderer-private'));
  fs.writeFileSync(dir.join('renderer-private', 'secret.txt'), 'outside-the-bundle');
  const context = openContext({ dataDir: dir.join('home'), seedDemo: false });
  const host = await startWebHost({
    dispatch: context.dispatch,
    hub: context.hub,
    rendererDir,
    port: 0,
    ...(token ? { token } : {}),
  });
  hosts.push(host);
  return { host, context, rpcUrl: `ws://127.0.0.1:${host.port}/rpc?token=${encodeURIComponent(host.token)}` };
}

async function connect(url: string, options = {}) {
  const socket = await connectSocket(url, options);
  sockets.push(socket);
  return socket;
}

/** Resolves with whether a TCP connection to address:port succeeds. */
function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('web host: listening', () => {
  it('picks a free port for port 0 and listens on 127.0.0.1 only', async () => {
    const { host } = await startHost();
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${encodeURIComponent(host.token)}`);
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
    // Other loopback addresses reach a 0.0.0.0 listener on Linux, but not one bound to 127.0.0.1.
    if (process.platform === 'linux') expect(await canConnect('127.0.0.2', host.port)).toBe(false);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((entry): entry is os.NetworkInterfaceInfo => entry !== undefined && !entry.internal);
    for (const entry of external) expect(await canConnect(entry.address, host.port), entry.address).toBe(false);
  });

  it('gives every start its own random token and its own port', async () => {
    const first = await startHost();
    const second = await startHost();
    expect(first.host.token).not.toBe(second.host.token);
    expect(first.host.token.length).toBeGreaterThanOrEqual(32);
    expect(first.host.port).not.toBe(second.host.port);
  });

  it('refuses to start without a renderer bundle', async () => {
    const dir = tempDir();
    const context = openContext({ dataDir: dir.join('home'), seedDemo: false });
    await expect(
      startWebHost({ dispatch: context.dispatch, hub: context.hub, rendererDir: dir.join('missing') }),
    ).rejects.toThrow(/renderer bundle is missing/);
  });
});

describe('web host: static files', () => {
  it('serves index.html and assets with the content security policy', async () => {
    const { host } = await startHost();
    const index = await rawGet(host.port, '/?token=abc');
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');

    const script = await rawGet(host.port, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log("renderer");');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    expect((await rawGet(host.port, '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/renderer-private/secret.txt',
    '/..%2frenderer-private%2fsecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('answers 404 for %s and never leaks a file outside the bundle', async (requestPath) => {
    const { host } = await startHost();
    const response = await rawGet(host.port, requestPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside-the-bundle');
    expect(response.body).not.toContain('root:');
  });

  it('answers 421 to a request with a foreign Host header (DNS rebinding)', async () => {
    const { host } = await startHost();
    const response = await rawGet(host.port, '/', { host: `evil.example:${host.port}` });
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('ACD Link Studio');
    // localhost is a legitimate spelling of the same origin.
    expect((await rawGet(host.port, '/', { host: `localhost:${host.port}` })).status).toBe(200);
    // The right name with another port is not.
    expect((await rawGet(host.port, '/', { host: `127.0.0.1:${host.port + 1}` })).status).toBe(421);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { host } = await startHost();
    const response = await fetch(`http://127.0.0.1:${host.port}/`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(await response.text()).toBe('');
  });
});

describe('web host: WebSocket RPC', () => {
  it('answers workspace.tree and other calls over a socket opened with the token', async () => {
    const { host, rpcUrl } = await startHost();
    const socket = await connect(rpcUrl, { origin: `http://127.0.0.1:${host.port}` });
    expect(await socket.call(1, 'workspace.tree', {})).toEqual({ id: 1, result: { ok: true, value: [] } });
    const created = await socket.call(2, 'systems.create', {
      name: 'Avaya',
      connection: { kind: 'sqlite', file: '/data/acd.sqlite' },
    });
    expect(created).toMatchObject({ id: 2, result: { ok: true, value: { name: 'Avaya', passwordSet: false } } });
    const tree = await socket.call(3, 'workspace.tree', {});
    expect(tree).toMatchObject({ id: 3, result: { ok: true, value: [{ name: 'Avaya', integrations: [] }] } });
    expect(await socket.call(4, 'systems.drop', {})).toMatchObject({
      id: 4,
      result: { ok: false, error: { code: 'UNKNOWN_METHOD' } },
    });
  });

  it('accepts the localhost origin and a client that sends no Origin (the CLI, tests)', async () => {
    const { host, rpcUrl } = await startHost();
    const fromLocalhost = await connect(rpcUrl.replace('127.0.0.1', 'localhost'), {
      origin: `http://localhost:${host.port}`,
    });
    expect(await fromLocalhost.call(1, 'workspace.tree', {})).toMatchObject({ result: { ok: true } });
    const noOrigin = await connect(rpcUrl);
    expect(await noOrigin.call(1, 'workspace.tree', {})).toMatchObject({ result: { ok: true } });
  });

  it.each([
    ['a wrong token', (url: string) => url.replace(/token=[^&]+/, 'token=wrong')],
    ['a token one character short', (url: string) => url.slice(0, -1)],
    ['no token', (url: string) => url.replace(/\?token=.*$/, '')],
    ['an empty token', (url: string) => url.replace(/token=[^&]+/, 'token=')],
    ['another path', (url: string) => url.replace('/rpc', '/socket')],
  ])('rejects a socket with %s', async (_label, change) => {
    const { rpcUrl, context } = await startHost();
    expect(await upgradeOutcome(change(rpcUrl))).toBe(403);
    expect(context.workspace.systems.count()).toBe(0);
  });

  it.each(['http://evil.example', 'null', 'https://127.0.0.1', 'http://127.0.0.1.evil.example'])(
    'rejects a socket from the foreign origin %s even with the right token',
    async (origin) => {
      const { rpcUrl } = await startHost();
      expect(await upgradeOutcome(rpcUrl, { origin })).toBe(403);
    },
  );

  it('rejects a socket with a foreign Host header even with the right token', async () => {
    const { host, rpcUrl } = await startHost();
    expect(await upgradeOutcome(rpcUrl, { headers: { host: `evil.example:${host.port}` } })).toBe(403);
    expect(await upgradeOutcome(rpcUrl, { headers: { host: `127.0.0.1:${host.port}` } })).toBe('open');
  });

  it('answers a malformed frame with an error and keeps the socket usable', async () => {
    const { rpcUrl } = await startHost();
    const socket = await connect(rpcUrl);
    const isError = (message: unknown) => (message as { id?: unknown }).id === null;

    socket.socket.send('{not json');
    expect(await socket.next(isError, 'the error for invalid JSON')).toEqual({
      id: null,
      result: { ok: false, error: { code: 'INVALID_INPUT', message: 'The message is not valid JSON.' } },
    });
    socket.received.length = 0;
    socket.socket.send(JSON.stringify({ method: 'workspace.tree' }));
    expect(await socket.next(isError, 'the error for a frame without id')).toMatchObject({
      result: { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('{id, method, input}') } },
    });
    socket.received.length = 0;
    socket.socket.send(Buffer.from('{"id":1}'), { binary: true });
    expect(await socket.next(isError, 'the error for a binary frame')).toMatchObject({
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });

    expect(await socket.call(9, 'workspace.tree', {})).toEqual({ id: 9, result: { ok: true, value: [] } });
  });

  it('passes invalid input to the dispatcher, which answers INVALID_INPUT with the field', async () => {
    const { rpcUrl } = await startHost();
    const socket = await connect(rpcUrl);
    const answer = await socket.call(5, 'systems.create', { name: '', connection: { kind: 'sqlite', file: 'x' } });
    expect(answer).toMatchObject({
      id: 5,
      result: { ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'name' }] } },
    });
  });

  it('pushes workspace.changed to every connected socket after a write', async () => {
    const { rpcUrl, context } = await startHost();
    const writer = await connect(rpcUrl);
    const watcher = await connect(rpcUrl);
    const isChanged = (message: unknown) => (message as { event?: string }).event === 'workspace.changed';

    await writer.call(1, 'workspace.tree', {});
    expect(watcher.received.filter(isChanged)).toEqual([]);

    await writer.call(2, 'systems.create', { name: 'Avaya', connection: { kind: 'sqlite', file: '/data/acd.sqlite' } });
    expect(await watcher.next(isChanged, 'workspace.changed')).toEqual({
      event: 'workspace.changed',
      payload: { reason: 'systems.create' },
    });
    expect(await writer.next(isChanged, 'workspace.changed')).toEqual({
      event: 'workspace.changed',
      payload: { reason: 'systems.create' },
    });

    // A write through another transport (the CLI in-process, a second window) reaches the sockets too.
    watcher.received.length = 0;
    const system = context.workspace.systems.findByName('avaya');
    await context.dispatch('systems.delete', { id: system?.id ?? 0 });
    expect(await watcher.next(isChanged, 'workspace.changed after delete')).toEqual({
      event: 'workspace.changed',
      payload: { reason: 'systems.delete' },
    });
  });

  it('unsubscribes a socket from the hub once it has closed', async () => {
    const dir = tempDir();
    fs.mkdirSync(dir.join('renderer'));
    fs.writeFileSync(dir.join('renderer', 'index.html'), INDEX_HTML);
    const context = openContext({ dataDir: dir.join('home'), seedDemo: false });
    let listeners = 0;
    const hub: EventHub = {
      emit: (name, payload) => context.hub.emit(name, payload),
      subscribe: (listener) => {
        listeners += 1;
        const unsubscribe = context.hub.subscribe(listener);
        return () => {
          listeners -= 1;
          unsubscribe();
        };
      },
    };
    const host = await startWebHost({ dispatch: context.dispatch, hub, rendererDir: dir.join('renderer') });
    hosts.push(host);
    const socket = await connect(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`);
    expect(listeners).toBe(1);
    await socket.close();
    await vi.waitFor(() => expect(listeners).toBe(0));
  });

  it('closes open sockets when the host closes', async () => {
    const { host, rpcUrl } = await startHost();
    const socket = await connect(rpcUrl);
    const closed = new Promise<void>((resolve) => socket.socket.once('close', () => resolve()));
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    await closed;
    expect(await canConnect('127.0.0.1', host.port)).toBe(false);
  });
});
