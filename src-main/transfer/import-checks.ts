import { isPathLikeName, PATH_LIKE_NAME_MESSAGE } from '../../src-shared/contract/bundle-format';
import { integrationDraftSchema, systemDraftSchema } from '../../src-shared/contract/model';
import { formatIssues, ServiceError, type FieldIssue } from '../../src-shared/rpc/result';
import { nameKey } from '../../src-shared/contract/name-rules';
import type { ImportSystem } from './apply-import';
import { NO_PROGRESS, type ImportProgress } from './import-progress';

/**
 * Everything applyImport checks before it writes, without a workspace: for plans and previews.
 * Answers the systems as the model's schemas normalise them (trimmed names, canonical time zone,
 * connection defaults). Throws ServiceError('INVALID_INPUT') whose message and issues name the place, e.g.
 * "systems[2].connection.port: must be between 1 and 65535". Reports each system checked.
 */
export function validateImportSystems(
  systems: readonly ImportSystem[],
  onProgress: ImportProgress = NO_PROGRESS,
): ImportSystem[] {
  const issues: FieldIssue[] = [];
  const firstIndexByName = new Map<string, number>();
  const validated: ImportSystem[] = [];

  systems.forEach((system, index) => {
    onProgress('checking', index + 1, systems.length);
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
