import fs from 'node:fs';
import path from 'node:path';
import packageJson from '../package.json';
import { createDispatcher, type Dispatch } from '../src-shared/rpc/dispatcher';
import { createEventHub, type EventHub } from '../src-shared/rpc/memory-transport';
import { defaultWorkspaceFile } from './data-dir';
import { ensureDemoDatabases, seedDemoWorkspace } from './demo/seed-demo-workspace';
import { DEMO_OFFERED } from './store/settings-repository';
import { createFileLogger, type Logger } from './logger';
import { createFileKeyCipher } from './secrets/file-key-cipher';
import type { SecretCipher } from './secrets/secret-cipher';
import type { SpawnDriverChild } from './driver-process/driver-child-handle';
import { createDriverProcesses } from './driver-process/driver-processes';
import type { DriverRun } from './services/test-connection';
import { createHandlers } from './services/handlers';
import { openWorkspace, type Workspace } from './services/workspace';
import { cleanLeftovers } from './files/atomic-file';
import { cleanPendingWrites } from './files/write-journal';
import { ExportStaging } from './transfer/export-staging';

export interface AppContextOptions {
  dataDir: string;
  /** Defaults to `<dataDir>/workspace.sqlite`. */
  workspaceFile?: string;
  /** Defaults to the file-key cipher (Node, web mode, CLI); Electron passes safeStorage. */
  cipher?: SecretCipher;
  /** How driver operations run; defaults to a fresh, watched child process per operation. */
  runDriver?: DriverRun;
  /** Fill a brand-new (empty, never seeded) workspace with the demo (default true). */
  seedDemo?: boolean;
  /**
   * Keep one driver process started ahead of need, so a preview pays only for connecting and
   * running (default false). On for web mode and the desktop; off for the CLI, which runs one
   * operation and exits.
   */
  warmDriverProcess?: boolean;
  /** How driver processes start: Node's fork by default; Electron passes its utilityProcess spawner. */
  spawnDriver?: SpawnDriverChild;
  /** Driver processes running at once; more operations wait their turn (default: by the cores, 2–8). */
  maxDriverProcesses?: number;
}

export interface AppContext {
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
  readonly workspace: Workspace;
  readonly logger: Logger;
  readonly seededDemo: boolean;
  /** Finished exports waiting to be downloaded or saved, by download id. */
  readonly staging: ExportStaging;
  readonly dataDir: string;
  close(): void;
}

/** Everything the three transports serve, built the same way for Electron, web mode and CLI. */
export function createAppContext(options: AppContextOptions): AppContext {
  const dataDir = path.resolve(options.dataDir);
  const workspaceFile = path.resolve(options.workspaceFile ?? defaultWorkspaceFile(dataDir));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logger = createFileLogger(dataDir);
  // Temp files of writes a crash or kill -9 interrupted (in the data folder, and those outside it
  // that the journal recorded: copies to --out or to a save dialog's choice), and exports of the previous run.
  cleanLeftovers(dataDir);
  cleanPendingWrites(dataDir);
  const staging = new ExportStaging(dataDir);
  staging.clean();
  const cipher = options.cipher ?? createFileKeyCipher(path.join(dataDir, 'secrets.key'));
  const workspace = openWorkspace(workspaceFile, cipher);
  const hub = createEventHub();
  let seededDemo = false;
  try {
    // Decided from the store, not from the file's existence: a 0-byte file or a seed that failed
    // half-way is seeded on the next start, while a demo the user deleted stays deleted.
    if (workspace.settings.get(DEMO_OFFERED) === undefined) {
      if (options.seedDemo !== false && workspace.systems.count() === 0) {
        seedDemoWorkspace(workspace, path.dirname(workspaceFile));
        seededDemo = true;
        logger.info(`created the demo workspace in ${workspaceFile}`);
      } else {
        workspace.settings.set(DEMO_OFFERED, 'skipped');
      }
    }
    ensureDemoDatabases(workspace);
  } catch (error) {
    workspace.close();
    throw error;
  }
  const drivers = createDriverProcesses({
    warm: options.warmDriverProcess === true && options.runDriver === undefined,
    ...(options.spawnDriver ? { spawn: options.spawnDriver } : {}),
    // The kinds the workspace connects to, read at each warm start, so a new system's driver is
    // loaded ahead from the next preview on.
    preloadKinds: () => workspace.systems.list().map((system) => system.connection.kind),
    onError: (error) => logger.error('could not start a warm driver process', error),
    ...(options.maxDriverProcesses !== undefined ? { maxProcesses: options.maxDriverProcesses } : {}),
    onLoad: (load) => hub.emit('drivers.load', load),
  });
  const dispatch = createDispatcher(
    createHandlers({
      workspace,
      dataDir,
      version: packageJson.version,
      secretStore: cipher.info,
      changed: (reason) => hub.emit('workspace.changed', { reason }),
      emit: (name, payload) => hub.emit(name, payload),
      runDriver: options.runDriver ?? drivers.run,
      staging,
      logError: (message, error) => logger.error(message, error),
    }),
    { onInternalError: (method, error) => logger.error(`unexpected failure in ${method}`, error) },
  );
  const close = () => {
    drivers.close();
    workspace.close();
  };
  return { dispatch, hub, workspace, logger, seededDemo, staging, dataDir, close };
}
