/**
 * Child process for the kill-during-save test: opens the workspace like the app does and saves
 * integrations in a loop, printing `ack N` only after save N has been committed. The parent kills
 * it with SIGKILL at an arbitrary moment and checks that every acknowledged save survived.
 *
 * Usage: node --import tsx test/support/save-loop-child.ts <dataDir> <round> [maxSaves]
 */
import { createAppContext } from '../../src-main/app-context';
import type { Dispatch } from '../../src-shared/rpc/dispatcher';
import { DURABILITY_SYSTEM, LATEST_INTEGRATION, saveName } from './save-loop-names';

async function mustSucceed(dispatch: Dispatch, method: string, input: unknown): Promise<{ id: number; name: string }> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as { id: number; name: string };
}

async function main(): Promise<void> {
  const [dataDir, roundText, maxText] = process.argv.slice(2);
  if (dataDir === undefined || roundText === undefined)
    throw new Error('usage: save-loop-child <dataDir> <round> [maxSaves]');
  const round = Number(roundText);
  const maxSaves = Number(maxText ?? '2000');
  const context = createAppContext({ dataDir, seedDemo: false });
  const { dispatch } = context;

  const tree = (await mustSucceed(dispatch, 'workspace.tree', {})) as unknown as {
    id: number;
    name: string;
    integrations: { id: number; name: string }[];
  }[];
  const system = tree.find((candidate) => candidate.name === DURABILITY_SYSTEM) ?? {
    ...(await mustSucceed(dispatch, 'systems.create', {
      name: DURABILITY_SYSTEM,
      connection: { kind: 'sqlite', file: 'acd.sqlite' },
    })),
    integrations: [],
  };
  const latest =
    system.integrations.find((integration) => integration.name === LATEST_INTEGRATION) ??
    (await mustSucceed(dispatch, 'integrations.create', {
      systemId: system.id,
      name: LATEST_INTEGRATION,
      importType: 'interval',
    }));
  process.stdout.write('ready\n');

  for (let n = 1; n <= maxSaves; n += 1) {
    await mustSucceed(dispatch, 'integrations.create', {
      systemId: system.id,
      name: saveName(round, n),
      importType: 'contact',
      sql: `SELECT ${n} AS n -- ${'padding '.repeat(n % 40)}`,
    });
    await mustSucceed(dispatch, 'integrations.update', { id: latest.id, patch: { sql: `${round}:${n}` } });
    // Pipes are written synchronously on POSIX, so the parent can act on this line right away.
    process.stdout.write(`ack ${n}\n`);
    // Let I/O callbacks (a closed pipe, signals) run now and then.
    if (n % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  context.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`save-loop-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
