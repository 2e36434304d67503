import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppContext } from '../app-context';
import { resolveDataDir } from '../data-dir';
import { StoreError } from '../store/store-error';
import { startWebHost } from './web-host';

/** `npm run web`: serve the renderer and the services on loopback and print the URL to open. */
async function main(): Promise<void> {
  let port: number;
  let workspaceFile: string | undefined;
  try {
    const { values } = parseArgs({
      options: { port: { type: 'string' }, workspace: { type: 'string' } },
      strict: true,
    });
    port = parsePort(values.port ?? process.env.PORT ?? '0');
    workspaceFile = values.workspace;
  } catch (error) {
    fail(`acd-link web: ${(error as Error).message}. Usage: npm run web -- [--port N] [--workspace FILE]`, 2);
  }
  const context = openContext(workspaceFile);
  const host = await startWebHost({
    dispatch: context.dispatch,
    hub: context.hub,
    rendererDir: path.join(__dirname, '..', 'renderer'),
    port,
    downloads: (downloadId) => context.staging.resolve(downloadId),
    onSocketError: (reason) => context.logger.info(`closed a browser connection: ${reason}`),
  }).catch((error: Error) => fail(`acd-link web: ${error.message}`, 1));
  process.stdout.write(`ACD Link Studio is running at ${host.url}\n`);
  const stop = () => {
    void host.close().then(() => {
      context.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openContext(workspaceFile: string | undefined) {
  try {
    // A driver process is started ahead while idle, so a preview only pays connect + query.
    return createAppContext({ dataDir: resolveDataDir(), workspaceFile, warmDriverProcess: true });
  } catch (error) {
    if (error instanceof StoreError) fail(`acd-link web: ${error.message}`, 1);
    throw error;
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65535)
    throw new Error(`the port "${text}" must be a number from 0 to 65535`);
  return port;
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

void main();
