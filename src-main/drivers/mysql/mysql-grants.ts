import type { WriteAccess } from '../db-session';

/**
 * Reads `SHOW GRANTS` output (MySQL and MariaDB) to tell whether the login can change anything.
 * Privileges that write or change structure count; `CREATE TEMPORARY TABLES` does not (session
 * scratch tables change no shared data). Role grants are followed as far as the output shows
 * them: MariaDB lists the active role's grants, so a role whose grants are absent is unknown.
 */
const WRITE_PRIVILEGE =
  /^(ALL|ALL PRIVILEGES|INSERT|UPDATE|DELETE|DELETE HISTORY|DROP|INDEX|TRIGGER|EVENT|ALTER.*|CREATE.*)$/;
const HARMLESS_CREATE = new Set(['CREATE TEMPORARY TABLES']);

interface ParsedGrant {
  privileges: string[];
  on: string;
  grantee: string;
}

export function writeAccessFromGrants(lines: string[]): WriteAccess {
  const grants: ParsedGrant[] = [];
  const rolesGranted: string[] = [];
  for (const line of lines) {
    const grant = parseGrant(line);
    if (grant !== undefined) grants.push(grant);
    else rolesGranted.push(...parseRoleGrant(line));
  }
  if (grants.length === 0 && rolesGranted.length === 0) {
    return { state: 'unknown', detail: 'the server listed no grants this check understands' };
  }
  for (const grant of grants) {
    const privilege = grant.privileges.find((item) => WRITE_PRIVILEGE.test(item) && !HARMLESS_CREATE.has(item));
    if (privilege !== undefined) return { state: 'can-write', detail: `the login has ${privilege} on ${grant.on}` };
  }
  const grantees = new Set(grants.map((grant) => grant.grantee));
  const unchecked = rolesGranted.filter((role) => !grantees.has(role));
  if (unchecked.length > 0) {
    return {
      state: 'unknown',
      detail: `the login may switch to role ${unchecked.join(', ')}, whose privileges the server did not show`,
    };
  }
  return { state: 'read-only' };
}

/** `GRANT <privileges> ON <object> TO <grantee> …`, read outside backtick quotes. */
function parseGrant(line: string): ParsedGrant | undefined {
  const words = topLevelKeywordPositions(line);
  const grant = words.get('GRANT');
  const on = words.get('ON');
  const to = words.get('TO');
  if (grant !== 0 || on === undefined || to === undefined || !(on < to)) return undefined;
  const privileges = splitTopLevel(line.slice('GRANT'.length, on)).map(normalisePrivilege);
  const object = line.slice(on + ' ON'.length, to).trim();
  return { privileges, on: object, grantee: identifierName(line.slice(to + ' TO'.length)) };
}

/** `GRANT `role1`, `role2` TO `user`@`host`` (no ON): the roles the login may use. */
function parseRoleGrant(line: string): string[] {
  const words = topLevelKeywordPositions(line);
  const to = words.get('TO');
  if (words.get('GRANT') !== 0 || words.has('ON') || to === undefined) return [];
  return splitTopLevel(line.slice('GRANT'.length, to)).map(identifierName);
}

/** Positions of GRANT / ON / TO as whole words outside backticks and quotes (first occurrence). */
function topLevelKeywordPositions(line: string): Map<string, number> {
  const positions = new Map<string, number>();
  let quote: string | null = null;
  let depth = 0;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] ?? '';
    if (quote !== null) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '`' || char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (depth === 0 && (index === 0 || line[index - 1] === ' ')) {
      const match = /^(GRANT|ON|TO)(?= )/i.exec(line.slice(index));
      const keyword = match?.[1]?.toUpperCase();
      if (keyword !== undefined && !positions.has(keyword)) positions.set(keyword, index === 0 ? 0 : index - 1);
    }
  }
  return positions;
}

/** Splits `SELECT (a, b), INSERT` at commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '`' || char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** `INSERT (`col`)` → `INSERT`; spacing and case normalised. */
function normalisePrivilege(privilege: string): string {
  return privilege
    .replace(/\(.*\)/s, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** `` `name`@`host` `` or `` `name` `` → `name`. */
function identifierName(text: string): string {
  const trimmed = text.trim();
  const quoted = /^`((?:[^`]|``)*)`/.exec(trimmed);
  if (quoted !== null) return (quoted[1] ?? '').replaceAll('``', '`');
  return trimmed.split(/[@\s]/)[0] ?? '';
}
