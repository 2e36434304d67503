import { EventEmitter } from 'node:events';
import type { DriverChild, SpawnDriverChild } from '../../../src-main/driver-process/driver-child-handle';
import type { ChildMessage, ParentMessage } from '../../../src-main/driver-process/protocol';

/** A driver process the test scripts: it records what it is sent and says what the test tells it to. */
export class ScriptedChild extends EventEmitter implements DriverChild {
  readonly received: ParentMessage[] = [];
  running = true;
  referenced = true;
  send(message: unknown) {
    this.received.push(message as ParentMessage);
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
    this.die('SIGKILL');
  }
  unref() {
    this.referenced = false;
  }
  ref() {
    this.referenced = true;
  }
  say(message: ChildMessage) {
    this.emit('message', message);
  }
  die(signal: string) {
    if (!this.running) return;
    this.running = false;
    this.emit('exit', null, signal);
  }
  /** Whether it was given a request (not just a preload). */
  get requested(): boolean {
    return this.received.some((message) => 'request' in message);
  }
}

/** A spawner of scripted children that answer every request with `value` unless told otherwise. */
export function scriptedSpawner(answer: (child: ScriptedChild) => void = answerOk): {
  spawn: SpawnDriverChild;
  children: ScriptedChild[];
} {
  const children: ScriptedChild[] = [];
  const spawn: SpawnDriverChild = () => {
    const child = new ScriptedChild();
    children.push(child);
    child.on('sent', (message: ParentMessage) => {
      if ('request' in message) answer(child);
    });
    return child;
  };
  return { spawn, children };
}

function answerOk(child: ScriptedChild): void {
  queueMicrotask(() => child.say({ type: 'result', response: { ok: true, value: 'answered' } }));
}

/** Resolves after pending immediates (the pool refills on one). */
export const afterImmediates = () => new Promise((resolve) => setImmediate(resolve));
