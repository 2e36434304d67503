import fs from 'node:fs';
import path from 'node:path';
import type { Workspace } from '../services/workspace';
import { DEMO_OFFERED } from '../store/settings-repository';
import { DEMO_INTEGRATIONS, DEMO_SYSTEM_NAME } from './demo-queries';
import { DEMO_TIME_ZONE, generateDemoDatabase } from './generate-demo-database';

export const DEMO_DATABASE_FILE_NAME = 'demo-acd.sqlite';

/**
 * First start: a workspace with one external system on the embedded SQLite demo ACD and one
 * working integration per import type, so a newcomer sees real rows without any server.
 */
export function seedDemoWorkspace(workspace: Workspace, folder: string): void {
  const file = path.join(folder, DEMO_DATABASE_FILE_NAME);
  if (!fs.existsSync(file)) generateDemoDatabase(file);
  workspace.db.transaction(() => {
    const systemId = workspace.systems.insert({
      name: DEMO_SYSTEM_NAME,
      vendor: 'universal',
      timeZone: DEMO_TIME_ZONE,
      connection: { kind: 'sqlite', file },
      isDemo: true,
    });
    for (const integration of DEMO_INTEGRATIONS) {
      workspace.integrations.insert(systemId, {
        name: integration.name,
        importType: integration.importType,
        intervalMinutes: 15,
        sql: integration.sql,
        ruleSet: 'wfm-2024-05',
        realTime: false,
        reconciliation: true,
        paused: false,
      });
    }
    workspace.settings.set(DEMO_OFFERED, new Date().toISOString());
  })();
}

/** A demo database deleted by hand (or a cleaned temp folder) is generated again, not an error. */
export function ensureDemoDatabases(workspace: Workspace): void {
  for (const system of workspace.systems.list()) {
    if (system.isDemo && system.connection.kind === 'sqlite' && !fs.existsSync(system.connection.file)) {
      generateDemoDatabase(system.connection.file);
    }
  }
}
