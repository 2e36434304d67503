import fs from 'node:fs';
import { defaultWorkspaceFile } from '../../src-main/data-dir';
import { DEMO_SYSTEM_NAME } from '../../src-main/demo/demo-queries';
import { TEMP_SUFFIX } from '../../src-main/files/atomic-file';
import type { SystemTreeNode } from '../../src-shared/contract/model';
import { runCliCaptured, type CliRun } from './cli';
import { sha256File } from './files';
import type { TempDir } from './temp-dir';

/** One ACD_LINK_HOME driven through the in-process CLI, with every output kept for leak checks. */
export interface CliHome {
  readonly dir: TempDir;
  readonly workspaceFile: string;
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** `systems list --json`, which must succeed. */
  tree(): Promise<SystemTreeNode[]>;
  /** What the workspace holds, and its bytes: equal snapshots mean nothing was written. */
  snapshot(): Promise<WorkspaceSnapshot>;
  /** stdout and stderr of every run so far. */
  allOutput(): string;
}

export interface WorkspaceSnapshot {
  tree: SystemTreeNode[];
  sha256: string;
}

/**
 * A workspace in `dir` as a first `acd-link` run creates it (with the embedded demo), or empty:
 * the demo deleted, which stays deleted, so an import's outcome can be compared as a whole.
 */
export async function cliHome(dir: TempDir, options: { demo: boolean }): Promise<CliHome> {
  const outputs: string[] = [];
  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = await runCliCaptured(args, { ...env, ACD_LINK_HOME: dir.path });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const tree = async () => {
    const listed = await run(['systems', 'list', '--json']);
    if (listed.code !== 0) throw new Error(`systems list failed: ${listed.stderr}`);
    return JSON.parse(listed.stdout) as SystemTreeNode[];
  };
  const workspaceFile = defaultWorkspaceFile(dir.path);
  const home: CliHome = {
    dir,
    workspaceFile,
    run,
    tree,
    snapshot: async () => ({ tree: await tree(), sha256: sha256File(workspaceFile) }),
    allOutput: () => outputs.join(''),
  };
  if (!options.demo) {
    const deleted = await run(['systems', 'delete', '--name', DEMO_SYSTEM_NAME]);
    if (deleted.code !== 0) throw new Error(`deleting the demo failed: ${deleted.stderr}`);
  }
  await tree();
  return home;
}

/** A system and its integrations without the ids a workspace gives them: what a transfer must carry. */
export function comparable(tree: SystemTreeNode[]) {
  return tree
    .map(({ id: _id, integrations, ...system }) => ({
      ...system,
      integrations: integrations
        .map(({ id: _integrationId, systemId: _systemId, ...integration }) => integration)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function systemNamed(tree: SystemTreeNode[], name: string): SystemTreeNode {
  const found = tree.find((system) => system.name === name);
  if (!found) throw new Error(`no system "${name}" in ${tree.map((system) => system.name).join(', ')}`);
  return found;
}

/** Half-written files of an atomic write (`.<name>.<pid>.<random>.acd-link-tmp`) left in `folder`. */
export function tempFilesIn(folder: string): string[] {
  return fs.readdirSync(folder).filter((name) => name.endsWith(TEMP_SUFFIX));
}

/** The line the import prints for one integration. */
export function integrationLine(stdout: string, name: string): string {
  const line = stdout.split('\n').find((text) => text.startsWith(`  integration "${name}"`));
  if (line === undefined) throw new Error(`no line for integration "${name}" in:\n${stdout}`);
  return line;
}
