import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export interface RunningWebMode {
  /** The address with the start's token, as printed by the host. */
  url: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/**
 * Starts the production web-mode bundle on a free port with a fresh data folder (so every
 * bench starts from the embedded demo) and waits for its one line with the URL.
 */
export async function startWebMode(webBundle: string): Promise<RunningWebMode> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-ui-bench-'));
  const child = spawn(process.execPath, [webBundle, '--port', '0'], {
    env: { ...process.env, ACD_LINK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const removeHome = () => fs.rmSync(home, { recursive: true, force: true });
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        removeHome();
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`web mode printed no URL within ${START_TIMEOUT_MS / 1000} s; stderr: ${stderr}`)),
        START_TIMEOUT_MS,
      );
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
        if (!match?.[1]) return;
        clearTimeout(timer);
        resolve(match[1]);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`web mode exited (${code ?? signal}) before printing its URL; stderr: ${stderr}`));
      });
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
