import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebMode, type WebMode } from '../e2e/support/web-mode';
import { CANARY_PASSWORD } from '../support/databases';
import { ensureNodeBuild } from '../support/node-build';
import { openRawSocket } from '../support/raw-websocket';
import { useWriterDatabases } from '../support/writer-databases';
import { writerTargets } from '../support/writer-targets';
import { connectSocket, type TestSocket, type WireMessage } from '../support/ws-client';

// Web mode (the built bundle, as `npm run web` runs it) under hostile and careless clients: a bad
// frame costs that one connection, a client that floods or never reads is slowed down without
// taking the server's memory, and a closed tab's query stops on the database server.
const databases = useWriterDatabases();
const running: WebMode[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await Promise.all(running.splice(0).map((web) => web.stop()));
});

async function web(): Promise<{ web: WebMode; port: number; token: string; rpc: string }> {
  ensureNodeBuild();
  const started = await startWebMode();
  running.push(started);
  const url = new URL(started.url);
  const token = url.searchParams.get('token') ?? '';
  return { web: started, port: Number(url.port), token, rpc: `ws://127.0.0.1:${url.port}/rpc?token=${token}` };
}

async function connect(rpc: string): Promise<TestSocket> {
  const socket = await connectSocket(rpc);
  sockets.push(socket);
  return socket;
}

const idOf = (message: WireMessage) => ('result' in message ? (message.result.value as { id: number }).id : NaN);
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const logOf = (home: string) => fs.readFileSync(path.join(home, 'logs', 'acd-link.log'), 'utf8');

describe('web mode: a bad frame', () => {
  const badFrames = [
    {
      label: 'over the message limit',
      code: 1009,
      send: { opcode: 1, payload: Buffer.alloc(0), declaredLength: 64 * 1024 * 1024 },
    },
    { label: 'with invalid UTF-8', code: 1007, send: { opcode: 1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) } },
    { label: 'with a reserved opcode', code: 1002, send: { opcode: 3, payload: Buffer.from('{}') } },
    { label: 'that is not masked', code: 1002, send: { opcode: 1, payload: Buffer.from('{}'), mask: false } },
  ];

  it.each(badFrames)('$label closes that connection only, logged; the server goes on', async ({ code, send }) => {
    const { web: server, port, token, rpc } = await web();
    const bystander = await connect(rpc);
    const raw = await openRawSocket(port, token);
    raw.frame(send.opcode, send.payload, send);
    expect(await raw.closed).toBe(code);
    // The server is alive and serves the connection that was open before and a new one.
    expect(server.process.exitCode).toBeNull();
    expect(await bystander.call(1, 'app.info', {})).toMatchObject({ result: { ok: true } });
    expect(await (await connect(rpc)).call(1, 'workspace.tree', {})).toMatchObject({ result: { ok: true } });
    await expect.poll(() => logOf(server.home)).toMatch(/INFO closed a browser connection: \S/);
  });
});

describe('web mode: a client that floods and never reads its answers', () => {
  it('is slowed down: the server stays small and answers everyone else', async () => {
    const { web: server, port, token, rpc } = await web();
    const admin = await connect(rpc);
    // About 1 MB per tree answer: 2,000 unread answers would be 2 GB if nothing held them back.
    const system = await admin.call(1, 'systems.create', {
      name: 'Flood target',
      connection: { kind: 'sqlite', file: '/nonexistent.sqlite' },
    });
    const systemId = idOf(system);
    for (let i = 0; i < 50; i += 1) {
      const created = await admin.call(10 + i, 'integrations.create', {
        systemId,
        name: `Integration ${i}`,
        importType: 'interval',
        sql: `SELECT ${i} AS n -- ${'x'.repeat(20_000)}`,
      });
      expect(created).toMatchObject({ result: { ok: true } });
    }
    const before = rssMb(server.process.pid ?? 0);

    const flood = await openRawSocket(port, token);
    flood.pause();
    for (let id = 1; id <= 2000; id += 1)
      flood.frame(1, Buffer.from(JSON.stringify({ id, method: 'workspace.tree', input: {} })));
    // Everyone else is still answered while the flood is held back.
    for (let i = 0; i < 5; i += 1)
      expect(await admin.call(100 + i, 'app.info', {})).toMatchObject({ result: { ok: true } });
    const during = rssMb(server.process.pid ?? 0);
    expect(during - before, `RSS ${before} MB before, ${during} MB during the flood`).toBeLessThan(300);
    flood.destroy();
    expect(await admin.call(200, 'workspace.tree', {})).toMatchObject({ result: { ok: true } });
    expect(server.process.exitCode).toBeNull();
  });
});

describe('web mode: a closed tab', () => {
  it('stops its running preview on the database server', async () => {
    const { rpc } = await web();
    const tab = await connect(rpc);
    const created = await tab.call(1, 'systems.create', {
      name: 'PostgreSQL writer',
      connection: writerTargets('').pg.connection,
      password: CANARY_PASSWORD,
    });
    const systemId = idOf(created);
    const marker = `closed-tab-${crypto.randomBytes(6).toString('hex')}`;
    tab.socket.send(
      JSON.stringify({
        id: 2,
        method: 'query.preview',
        input: { systemId, sql: `SELECT '${marker}' AS marker, pg_sleep(300)`, timeoutMs: 600_000 },
      }),
    );
    const running = async () =>
      (
        await databases.pgAdmin.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()',
          [`%${marker}%`],
        )
      ).rows[0] as { n: number };
    await expect.poll(async () => (await running()).n, { timeout: 30_000 }).toBe(1);
    await tab.close();
    await expect.poll(async () => (await running()).n, { timeout: 20_000 }).toBe(0);
  });
});
