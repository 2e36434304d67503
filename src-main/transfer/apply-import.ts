import { isPathLikeName, PATH_LIKE_NAME_MESSAGE } from '../../src-shared/contract/bundle-format';
import {
  integrationDraftSchema,
  NAME_MAX_LENGTH,
  systemDraftSchema,
  type Connection,
  type Integration,
  type VendorInterface,
} from '../../src-shared/contract/model';
import {
  conflictResolutionSchema,
  type ConflictResolution,
  type CreatedItems,
} from '../../src-shared/contract/transfer';
import { formatIssues, ServiceError, type FieldIssue } from '../../src-shared/rpc/result';
import { systemPasswordKey } from '../secrets/secret-store';
import { conflictOnDuplicate } from '../services/unique-name';
import type { Workspace } from '../services/workspace';
import { nameKey } from '../store/systems-repository';

export interface ImportSystem {
  name: string;
  vendor: VendorInterface;
  timeZone: string;
  connection: Connection;
  /** From an encrypted bundle; a password typed in the import dialog (passwords[name]) wins. */
  password?: string;
  integrations: Array<Omit<Integration, 'id' | 'systemId'>>;
}

export interface ImportOptions {
  resolutions: Record<string, ConflictResolution>;
  passwords: Record<string, string>;
}

/**
 * Validates every system and integration with the model's zod schemas first, then writes all of
 * it in ONE immediate transaction, or nothing. resolutions/passwords are keyed by the system name
 * as given (case-insensitive match). Conflict with an existing system name: 'rename' (default) ->
 * "Name (2)", "Name (3)"... (unique, <= 100 chars); 'skip' -> not written, listed in skipped;
 * 'replace' -> the existing system (its integrations and secrets) is deleted and the new one
 * written in the same transaction. Two systems with the same name inside one import ->
 * ServiceError('INVALID_INPUT'). Path-like names (/ \ .. control characters) ->
 * ServiceError('INVALID_INPUT'). Imported systems are never demo systems.
 */
export function applyImport(ws: Workspace, systems: ImportSystem[], options: ImportOptions): CreatedItems {
  const validated = validateImportSystems(systems);
  const resolutions = byNameKey('resolutions', options.resolutions, (value, path) => {
    const parsed = conflictResolutionSchema.safeParse(value);
    if (!parsed.success) throw invalidImport([{ path, message: 'must be rename, skip or replace' }]);
    return parsed.data;
  });
  const passwords = byNameKey('passwords', options.passwords, (value, path) => {
    if (typeof value !== 'string') throw invalidImport([{ path, message: 'must be text' }]);
    return value;
  });
  return conflictOnDuplicate(
    () => ws.db.transaction(() => writeAll(ws, validated, resolutions, passwords)).immediate(),
    () =>
      'Another program created a system or integration with one of these names meanwhile. Nothing was imported; try again.',
  );
}

/**
 * Everything applyImport checks before it writes, without a workspace: for plans and previews.
 * Answers the systems as the model's schemas normalise them (trimmed names, canonical time zone,
 * connection defaults). Throws ServiceError('INVALID_INPUT') whose message and issues name the place, e.g.
 * "systems[2].connection.port: must be between 1 and 65535".
 */
export function validateImportSystems(systems: readonly ImportSystem[]): ImportSystem[] {
  const issues: FieldIssue[] = [];
  const firstIndexByName = new Map<string, number>();
  const validated: ImportSystem[] = [];

  systems.forEach((system, index) => {
    const at = `systems[${index}]`;
    const { integrations, ...fields } = system;
    const parsed = systemDraftSchema.safeParse(fields);
    if (!parsed.success) {
      issues.push(
        ...parsed.error.issues.map((issue) => ({ path: issuePath([at, ...issue.path]), message: issue.message })),
      );
      return;
    }
    const name = parsed.data.name;
    if (isPathLikeName(name)) issues.push({ path: `${at}.name`, message: PATH_LIKE_NAME_MESSAGE });
    const earlier = firstIndexByName.get(nameKey(name));
    if (earlier === undefined) firstIndexByName.set(nameKey(name), index);
    else
      issues.push({ path: `${at}.name`, message: `"${name}" appears twice in this import (also systems[${earlier}])` });
    const validIntegrations = validateIntegrations(integrations, at, issues);
    validated.push({ ...parsed.data, integrations: validIntegrations ?? [] });
  });

  if (issues.length > 0) throw invalidImport(issues);
  return validated;
}

function validateIntegrations(
  integrations: ImportSystem['integrations'],
  at: string,
  issues: FieldIssue[],
): ImportSystem['integrations'] | undefined {
  if (!Array.isArray(integrations)) {
    issues.push({ path: `${at}.integrations`, message: 'must be a list' });
    return undefined;
  }
  const firstIndexByName = new Map<string, number>();
  const valid: ImportSystem['integrations'] = [];
  integrations.forEach((integration, index) => {
    const here = `${at}.integrations[${index}]`;
    const parsed = integrationDraftSchema.safeParse(integration);
    if (!parsed.success) {
      issues.push(
        ...parsed.error.issues.map((issue) => ({ path: issuePath([here, ...issue.path]), message: issue.message })),
      );
      return;
    }
    const name = parsed.data.name;
    if (isPathLikeName(name)) issues.push({ path: `${here}.name`, message: PATH_LIKE_NAME_MESSAGE });
    const earlier = firstIndexByName.get(nameKey(name));
    if (earlier === undefined) firstIndexByName.set(nameKey(name), index);
    else
      issues.push({
        path: `${here}.name`,
        message: `"${name}" appears twice in this system (also integrations[${earlier}])`,
      });
    valid.push(parsed.data);
  });
  return valid;
}

function writeAll(
  ws: Workspace,
  systems: readonly ImportSystem[],
  resolutions: Map<string, ConflictResolution>,
  passwords: Map<string, string>,
): CreatedItems {
  const created: CreatedItems = { systems: [], integrations: [], skipped: [] };
  // Renames must avoid the existing names and every name this import writes as given.
  const taken = new Set([...ws.systems.list().map((row) => nameKey(row.name)), ...systems.map((s) => nameKey(s.name))]);

  for (const system of systems) {
    const key = nameKey(system.name);
    const existing = ws.systems.findByName(system.name);
    let name = system.name;
    let replaced = false;
    if (existing) {
      const resolution = resolutions.get(key) ?? 'rename';
      if (resolution === 'skip') {
        created.skipped.push(system.name);
        continue;
      }
      if (resolution === 'replace') {
        ws.systems.delete(existing.id); // its integrations go with it (ON DELETE CASCADE)
        ws.secrets.deleteByPrefix(`system:${existing.id}:`);
        replaced = true;
      } else {
        name = uniqueName(system.name, taken);
        taken.add(nameKey(name));
      }
    }
    const systemId = ws.systems.insert({
      name,
      vendor: system.vendor,
      timeZone: system.timeZone,
      connection: system.connection,
      isDemo: false,
    });
    // An empty typed password means "none typed", so the bundle's own password still applies.
    const password = passwords.get(key) || system.password;
    if (password) ws.secrets.write(systemPasswordKey(systemId), password);
    created.systems.push({ id: systemId, name, replaced });
    for (const integration of system.integrations) {
      const id = ws.integrations.insert(systemId, integration);
      created.integrations.push({ id, systemId, name: integration.name });
    }
  }
  return created;
}

/** "Name (2)", "Name (3)", ...: the first that is free, shortening the name to stay within the length limit. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, NAME_MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

function byNameKey<T>(
  field: string,
  record: Record<string, unknown>,
  check: (value: unknown, path: string) => T,
): Map<string, T> {
  const byKey = new Map<string, T>();
  const givenByKey = new Map<string, string>();
  for (const [name, value] of Object.entries(record ?? {})) {
    const path = `${field}[${JSON.stringify(name)}]`;
    const key = nameKey(name);
    const earlier = givenByKey.get(key);
    if (earlier !== undefined) {
      throw invalidImport([{ path, message: `names the same system as ${JSON.stringify(earlier)}` }]);
    }
    givenByKey.set(key, name);
    byKey.set(key, check(value, path));
  }
  return byKey;
}

/** ["systems[2]", "connection", "port"] or ["systems", 2, "name"] -> "systems[2].connection.port" / "systems[2].name". */
export function issuePath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const text = String(segment);
    return path === '' ? text : `${path}.${text}`;
  }, '');
}

const MESSAGE_ISSUES = 5;
const ISSUE_MESSAGE_MAX = 300;

/** INVALID_INPUT naming every problem in `issues` and the first few in the message. */
export function invalidImport(issues: FieldIssue[]): ServiceError {
  const bounded = issues.map((issue) => ({ path: issue.path, message: truncate(issue.message, ISSUE_MESSAGE_MAX) }));
  const shown = formatIssues(bounded.slice(0, MESSAGE_ISSUES));
  const more = bounded.length > MESSAGE_ISSUES ? ` (and ${bounded.length - MESSAGE_ISSUES} more problems)` : '';
  return new ServiceError('INVALID_INPUT', `${shown}${more}. Nothing was imported.`, bounded);
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
