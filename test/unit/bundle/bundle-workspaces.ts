import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, expect } from 'vitest';
import {
  integrationDraftSchema,
  systemDraftSchema,
  type IntegrationDraft,
  type SystemDraft,
} from '../../../src-shared/contract/model';
import { ServiceError } from '../../../src-shared/rpc/result';
import { createFileKeyCipher } from '../../../src-main/secrets/file-key-cipher';
import type { SecretCipher } from '../../../src-main/secrets/secret-cipher';
import { systemPasswordKey } from '../../../src-main/secrets/secret-store';
import { IntegrationsService } from '../../../src-main/services/integrations-service';
import { SystemsService } from '../../../src-main/services/systems-service';
import { openWorkspace, type Workspace } from '../../../src-main/services/workspace';
import type { TempDir } from '../../support/temp-dir';

export { CANARY_PASSWORD } from '../../support/databases';

/** A real workspace store in `dir`, written through the real services (as the UI writes it). */
export interface TestWorkspace {
  ws: Workspace;
  addSystem(draft: SystemDraft, integrations?: Array<Omit<IntegrationDraft, 'systemId'>>): number;
}

/**
 * Opens test workspaces that are closed after each test. Call it after useTempDirs, so the stores
 * close before their directories are removed (vitest runs afterEach hooks in reverse order).
 */
export function useTestWorkspaces(): typeof openTestWorkspace {
  const open: Workspace[] = [];
  afterEach(() => {
    for (const ws of open.splice(0)) if (ws.db.open) ws.close();
  });
  return (...args) => {
    const opened = openTestWorkspace(...args);
    open.push(opened.ws);
    return opened;
  };
}

export function openTestWorkspace(dir: TempDir, name = 'workspace', cipher?: SecretCipher): TestWorkspace {
  const ws = openWorkspace(dir.join(`${name}.sqlite`), cipher ?? createFileKeyCipher(dir.join(`${name}.key`)));
  const systems = new SystemsService(ws, () => undefined);
  const integrations = new IntegrationsService(ws, systems, () => undefined);
  return {
    ws,
    addSystem(draft, list = []) {
      const { id } = systems.create(systemDraftSchema.parse(draft));
      for (const integration of list)
        integrations.create({ ...integrationDraftSchema.parse(integration), systemId: id });
      return id;
    },
  };
}

/** What a workspace holds, without ids: the systems in name order, each with its integrations and password. */
export function describeWorkspace(ws: Workspace) {
  const integrations = ws.integrations.listAll();
  return ws.systems.list().map((system) => {
    const secret = ws.secrets.read(systemPasswordKey(system.id));
    return {
      name: system.name,
      vendor: system.vendor,
      timeZone: system.timeZone,
      connection: system.connection,
      isDemo: system.isDemo,
      password: secret.state === 'present' ? secret.value : secret.state,
      integrations: integrations
        .filter((integration) => integration.systemId === system.id)
        .map(({ id: _id, systemId: _systemId, ...rest }) => rest),
    };
  });
}

/** Every row of every table, and the bytes of the store and its write-ahead log. */
export function snapshotWorkspace(ws: Workspace) {
  const tables = ['systems', 'integrations', 'secrets', 'settings'];
  const rows = Object.fromEntries(
    tables.map((table) => [table, ws.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]),
  );
  const bytes = [ws.file, `${ws.file}-wal`].map((file) =>
    fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'absent',
  );
  return { rows, bytes };
}

/** Runs `action`, which must fail with INVALID_INPUT, and answers the error. */
export function expectInvalidInput(action: () => unknown): ServiceError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected ServiceError INVALID_INPUT, but nothing was thrown').toBeInstanceOf(ServiceError);
  const error = caught as ServiceError;
  expect(error.code, error.message).toBe('INVALID_INPUT');
  return error;
}

/** A bundle as parsed JSON, typed loosely enough to break it on purpose (the tests' bundles have two systems). */
export interface LooseBundle {
  [key: string]: unknown;
  systems: [LooseSystem, LooseSystem, ...LooseSystem[]];
  secrets?: {
    [key: string]: unknown;
    data: string;
    tag: string;
    iv: string;
    kdf: { [key: string]: unknown; salt: string };
  };
}
export interface LooseSystem {
  [key: string]: unknown;
  connection: Record<string, unknown>;
  integrations: [Record<string, unknown>, ...Array<Record<string, unknown>>];
}

export type SealedBundle = LooseBundle & { secrets: NonNullable<LooseBundle['secrets']> };

export const parseBundle = (text: string) => JSON.parse(text) as LooseBundle;
export const parseSealedBundle = (text: string) => JSON.parse(text) as SealedBundle;
