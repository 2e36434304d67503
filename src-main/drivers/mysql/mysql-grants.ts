import type { WriteAccess } from '../db-session';
import { privilegeRisk } from './mysql-privilege-risks';

/**
 * Reads `SHOW GRANTS` output (MySQL and MariaDB) to tell whether the login can change anything.
 * Privileges that write or change structure count; `CREATE TEMPORARY TABLES` does not (session
 * scratch tables change no shared data). Privileges that reach past the tables (FILE, SUPER,
 * SHUTDOWN, EXECUTE, GRANT OPTION …) count too, and each is named with what it lets the login do,
 * so the admin reads why (mysql-privilege-risks.ts). Role grants are followed as far as the output
 * shows them: MariaDB lists the active role's grants, so a role whose grants are absent is unknown.
 */
const WRITE_PRIVILEGE =
  /^(ALL|ALL PRIVILEGES|INSERT|UPDATE|DELETE|DELETE HISTORY|DROP|INDEX|TRIGGER|EVENT|ALTER.*|CREATE.*)$/;
const HARMLESS_CREATE = new Set(['CREATE TEMPORARY TABLES']);

interface ParsedGrant {
  privileges: string[];
  on: string;
  grantee: string;
  /** `… WITH GRANT OPTION`: the login may hand these privileges on. */
  grantOption: boolean;
}

interface Finding {
  privilege: string;
  on: string;
  risk?: string;
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
  const findings = writeFindings(grants);
  if (findings.length > 0) return { state: 'can-write', detail: describeFindings(findings) };
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

/**
 * Every privilege with a risk of its own (each named once, where it is first granted), then the
 * first ordinary write privilege: the risks are what the admin has to read, the rest is one example.
 */
function writeFindings(grants: ParsedGrant[]): Finding[] {
  const risky = new Map<string, Finding>();
  let ordinary: Finding | undefined;
  for (const { privileges, on, grantOption } of grants) {
    // PROXY … WITH GRANT OPTION is how every root account is created; it hands on no data access.
    const handsOn = grantOption && !privileges.every((privilege) => privilege === 'PROXY');
    for (const privilege of handsOn ? [...privileges, 'GRANT OPTION'] : privileges) {
      const risk = privilegeRisk(privilege, on);
      if (risk !== undefined) {
        if (!risky.has(privilege)) risky.set(privilege, { privilege, on, risk });
      } else if (ordinary === undefined && WRITE_PRIVILEGE.test(privilege) && !HARMLESS_CREATE.has(privilege)) {
        ordinary = { privilege, on };
      }
    }
  }
  return ordinary === undefined ? [...risky.values()] : [...risky.values(), ordinary];
}

/** `the login has FILE on *.*, which lets …; INSERT on `cms`.`t`` */
function describeFindings(findings: Finding[]): string {
  const items = findings.map(({ privilege, on, risk }) => `${privilege} on ${on}${risk ? `, which lets ${risk}` : ''}`);
  return `the login has ${items.join('; ')}`;
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
  const rest = line.slice(to + ' TO'.length);
  // The option ends the line; the grantee and any password hash before it are quoted.
  const grantOption = /\sWITH GRANT OPTION$/i.test(rest.trimEnd());
  return { privileges, on: object, grantee: identifierName(rest), grantOption };
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
