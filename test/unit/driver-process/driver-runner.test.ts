import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DriverChild, SpawnDriverChild } from '../../../src-main/driver-process/driver-child-handle';
import { runInDriverProcess } from '../../../src-main/driver-process/driver-runner';
import type { ChildMessage, DriverRequest } from '../../../src-main/driver-process/protocol';

/** A scripted driver process: the test decides what it says and when. */
class ScriptedChild extends EventEmitter implements DriverChild {
  received: unknown[] = [];
  running = true;
  send(message: unknown) {
    this.received.push(message);
    this.emit('sent', message);
  }
  onMessage(listener: (message: unknown) => void) {
    this.on('message', listener);
  }
  onExit(listener: (code: number | null, signal: string | null) => void) {
    this.on('exit', listener);
  }
  onError(listener: (error: Error) => void) {
    this.on('error', listener);
  }
  onStderr() {}
  kill() {
    if (!this.running) return;
    this.running = false;
    this.emit('exit', null, 'SIGKILL');
  }
  say(message: ChildMessage) {
    this.emit('message', message);
  }
}

const request: DriverRequest = {
  connection: { kind: 'postgres', host: 'db', port: 5432, database: 'acd', user: 'r', tls: 'disable' },
  timeoutMs: 1000,
  operation: { op: 'preview', sql: 'SELECT pg_sleep(30)', limit: 10, statementTimeoutMs: 60_000 },
};

describe('driver runner cancel', () => {
  it('answers CANCELLED even when the child reports the server-side cancel first, and cancels through the same spawner', async () => {
    const children: ScriptedChild[] = [];
    const spawn: SpawnDriverChild = () => {
      const child = new ScriptedChild();
      children.push(child);
      child.once('sent', (message) => {
        const op = (message as { request: DriverRequest }).request.operation.op;
        if (op === 'preview') child.say({ type: 'started', cancelTarget: { kind: 'postgres', pid: 4242 } });
        if (op === 'cancel') {
          // The server cancels the statement: the preview child answers with its error before
          // the cancel child has even reported back.
          children[0]?.say({
            type: 'result',
            response: { ok: false, category: 'ERROR', message: 'canceling statement due to user request' },
          });
          setTimeout(() => child.say({ type: 'result', response: { ok: true, value: null } }), 10);
        }
      });
      return child;
    };
    const abort = new AbortController();
    const pending = runInDriverProcess(request, 30_000, { spawn, signal: abort.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, category: 'CANCELLED' });
    expect(children).toHaveLength(2);
    expect((children[1]?.received[0] as { request: DriverRequest }).request.operation).toEqual({
      op: 'cancel',
      target: { kind: 'postgres', pid: 4242 },
    });
    expect(children[0]?.running).toBe(false);
    // The cancel child ends when it has reported back (or at its grace period), never lingers.
    await expect.poll(() => children[1]?.running).toBe(false);
  });
});
