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
import type { ExportStaging } from '../transfer/export-staging';
import { BundleService } from './transfer/bundle-service';
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
  const xlink = new XlinkService(workspace, stage, context.version, changed);
  const bundles = new BundleService(workspace, stage, context.version, changed);
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
    'workspace.tree': () => {
      const all = workspace.integrations.listAll();
      return workspace.systems.list().map((row) => ({
        ...systems.present(row),
        integrations: all.filter((integration) => integration.systemId === row.id),
      }));
    },
    'systems.create': (input) => systems.create(input),
    'systems.update': (input) => systems.update(input),
    'systems.delete': ({ id }) => systems.delete(id),
    'integrations.create': (input) => integrations.create(input),
    'integrations.update': (input) => integrations.update(input),
    'integrations.delete': ({ id }) => integrations.delete(id),
    'query.preview': (input) => preview.preview(input),
    'query.validate': (input) => preview.validate(input),
    'query.cancel': ({ previewId }) => preview.cancel(previewId),
    'odbc.sources': async () => {
      const { dataSources, drivers, warnings } = await listOdbcSources();
      return { dataSources, drivers: drivers.map(({ name, file }) => ({ name, ...(file ? { file } : {}) })), warnings };
    },
    'odbc.lint': ({ connectionString }) => lintOdbc(connectionString),
    'connections.test': (input) => connections.test(input),
    'connections.schemas': ({ systemId }) => connections.schemas(systemId),
    'connections.tables': ({ systemId, schema }) => connections.tables(systemId, schema),
    'connections.columns': ({ systemId, schema, table }) => connections.columns(systemId, schema, table),
    'xlink.plan': (input) => xlink.plan(input),
    'xlink.import': (input) => xlink.import(input),
    'xlink.export': ({ systemIds }) => xlink.export(systemIds),
    'bundle.export': (input) => bundles.export(input),
    'bundle.plan': ({ content }) => bundles.plan(content),
    'bundle.import': (input) => bundles.import(input),
    'handoff.export': (input) => handoff.export(input),
    'rows.export': (input) => rows.export(input),
  };
}
