import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createUtilityProcessSpawner } from '../../../src-main/electron/utility-process-spawner';

/** A stand-in for Electron's UtilityProcess: an emitter with postMessage, kill and stderr. */
class FakeUtilityProcess extends EventEmitter {
  posted: unknown[] = [];
  stderr = new EventEmitter();
  killed = false;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
}

describe('utilityProcess spawner', () => {
  it('forks the driver script with the memory limit and maps messages, stderr, exit and kill', () => {
    const fake = new FakeUtilityProcess();
    const fork = vi.fn(() => fake);
    const spawn = createUtilityProcessSpawner({ fork } as never);
    const child = spawn('/app/out/node/driver-process.cjs', {
      execArgv: ['--max-old-space-size=512'],
      env: { A: '1' },
    });
    expect(fork).toHaveBeenCalledWith('/app/out/node/driver-process.cjs', [], {
      execArgv: ['--max-old-space-size=512'],
      env: { A: '1' },
      stdio: 'pipe',
      serviceName: 'ACD Link Studio database driver',
    });

    const messages: unknown[] = [];
    const stderr: string[] = [];
    const exits: [number | null, string | null][] = [];
    child.onMessage((message) => messages.push(message));
    child.onStderr((text) => stderr.push(text));
    child.onExit((code, signal) => exits.push([code, signal]));
    child.send({ request: 1 });
    fake.emit('message', { ok: true });
    fake.stderr.emit('data', Buffer.from('FATAL ERROR: heap out of memory'));
    expect(fake.posted).toEqual([{ request: 1 }]);
    expect(messages).toEqual([{ ok: true }]);
    expect(stderr).toEqual(['FATAL ERROR: heap out of memory']);

    expect(child.running).toBe(true);
    child.kill();
    expect(fake.killed).toBe(true);
    fake.emit('exit', 134);
    expect(exits).toEqual([[134, null]]);
    expect(child.running).toBe(false);
  });
});
