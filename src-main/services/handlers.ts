import type { Handlers } from '../../src-shared/rpc/dispatcher';
import { listOdbcSources } from '../odbc/odbc-discovery';
import { lintOdbc } from './odbc-lint';
import type { SecretStoreInfo } from '../../src-shared/contract/api';
import { ConnectionsService } from './connections-service';
import type { DriverRun } from './test-connection';
import { IntegrationsService } from './integrations-service';
import { PreviewService } from './preview-service';
import { SystemsService } from './systems-service';
import type { Workspace } from './workspace';
import { workspaceTree } from './workspace-tree';
import { WriteGate } from './write-gate';
import type { ExportStaging } from '../transfer/export-staging';
import { BundleService } from './transfer/bundle-service';
import { createImportRunner } from './transfer/import-runner';
import { HandoffService } from './transfer/handoff-service';
import { RowsExportService } from './transfer/rows-export-service';
import { createExportStager } from './transfer/stage-export';
import { XlinkService } from './transfer/xlink-service';

export interface HandlerContext {
  workspace: Workspace;
  dataDir: string;
  version: string;
  secretStore: SecretStoreInfo;
  changed: (reason: string) => void;
  emit: (name: string, payload: unknown) => void;
  runDriver: DriverRun;
  staging: ExportStaging;
  /** For failures worth a line in the log that the caller does not see (a worker that cannot start). */
  logError?: (message: string, error: unknown) => void;
}

/** The contract's handler map: every method of `api` must appear here or this fails to compile. */
export function createHandlers(context: HandlerContext): Handlers {
  const { workspace, changed } = context;
  const systems = new SystemsService(workspace, changed);
  const integrations = new IntegrationsService(workspace, systems, changed);
  const preview = new PreviewService(workspace, systems, context.runDriver, (runId, rowsRead, rowsChecked, elapsedMs) =>
    context.emit('query.progressed', { runId, rowsRead, rowsChecked, elapsedMs }),
  );
  const connections = new ConnectionsService(workspace, systems, context.runDriver);
  const stage = createExportStager(context.staging);
  // Imports check and write on a worker thread; the main thread's own writes wait while one writes.
  const writes = new WriteGate();
  const runImport = createImportRunner(workspace, writes, context.emit, (error) =>
    context.logError?.('the import worker could not start, so the import ran on the main thread', error),
  );
  const xlink = new XlinkService(workspace, stage, context.version, changed, runImport);
  const bundles = new BundleService(workspace, stage, context.version, changed, runImport);
  const handoff = new HandoffService(workspace, systems, stage, context.version);
  const rows = new RowsExportService(
    workspace,
    systems,
    preview,
    context.staging,
    context.runDriver,
    (runId, rowsRead, rowsChecked, elapsedMs) =>
      context.emit('query.progressed', { runId, rowsRead, rowsChecked, elapsedMs }),
  );
  return {
    'app.info': () => ({
      version: context.version,
      dataDir: context.dataDir,
      workspaceFile: workspace.file,
      secretStore: context.secretStore,
    }),
    'workspace.tree': () => workspaceTree(workspace),
    'systems.create': (input) => writes.write(() => systems.create(input)),
    'systems.update': (input) => writes.write(() => systems.update(input)),
    'systems.delete': ({ id }) => writes.write(() => systems.delete(id)),
    'integrations.create': (input) => writes.write(() => integrations.create(input)),
    'integrations.update': (input) => writes.write(() => integrations.update(input)),
    'integrations.delete': ({ id }) => writes.write(() => integrations.delete(id)),
    'query.preview': (input, call) => preview.preview(input, call.signal),
    'query.validate': (input, call) => preview.validate(input, call.signal),
    'query.cancel': ({ previewId }) => preview.cancel(previewId),
    'odbc.sources': async () => {
      const { dataSources, drivers, warnings } = await listOdbcSources();
      return { dataSources, drivers: drivers.map(({ name, file }) => ({ name, ...(file ? { file } : {}) })), warnings };
    },
    'odbc.lint': ({ connectionString }) => lintOdbc(connectionString),
    'connections.test': (input, call) => connections.test(input, call.signal),
    'connections.schemas': ({ systemId }, call) => connections.schemas(systemId, call.signal),
    'connections.tables': ({ systemId, schema }, call) => connections.tables(systemId, schema, call.signal),
    'connections.columns': ({ systemId, schema, table }, call) =>
      connections.columns(systemId, schema, table, call.signal),
    'xlink.plan': (input) => xlink.plan(input),
    'xlink.import': (input) => xlink.import(input),
    'xlink.export': ({ systemIds }) => xlink.export(systemIds),
    'bundle.export': (input) => bundles.export(input),
    'bundle.plan': (input) => bundles.plan(input),
    'bundle.import': (input) => bundles.import(input),
    'handoff.export': (input) => handoff.export(input),
    'rows.export': (input, call) => rows.export(input, call.signal),
  };
}
