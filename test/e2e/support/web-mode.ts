import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WEB_BUNDLE = path.join(ROOT, 'out', 'node', 'web.cjs');

export interface WebMode {
  url: string;
  home: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the production web-mode bundle (`npm run web` without the build step) in its own data
 * directory and waits for the one line with the URL.
 */
export async function startWebMode(home = fs.mkdtempSync(path.join(os.tmpdir(), 'acd-e2e-'))): Promise<WebMode> {
  if (!fs.existsSync(WEB_BUNDLE) || !fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The web-mode bundle is missing: run "npm run build" (npm test does it) before the E2E tests.');
  }
  const child = spawn(process.execPath, [WEB_BUNDLE, '--port', '0'], {
    env: { ...process.env, ACD_LINK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL within 30 s. stderr: ${stderr}`)), 30_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code} before printing its URL. stderr: ${stderr}`));
    });
  });
  return {
    url,
    home,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
