/**
 * Privileges that reach past the tables a login may change, each with what it lets the login do,
 * worded to follow "…, which lets …" in the Test connection warning ("This login can change data
 * (the login has FILE on *.*, which lets a query read and write files on the database server …)").
 *
 * FILE matters most: measured on MariaDB 10.11, `SELECT … INTO OUTFILE` inside a stored function
 * writes its file although the preview runs in a READ ONLY transaction; SUPER changes server
 * settings (SET GLOBAL) from a function just as freely. Previews refuse stored functions for that
 * reason (mysql-stored-code.ts); these warnings tell the admin the login itself is the risk.
 * PROCESS (it shows every session's statements) is left out: it changes nothing, and the only
 * warning Test connection can give from here is "This login can change data".
 */
const RISKS: ReadonlyMap<string, string> = new Map([
  ['FILE', 'a query read and write files on the database server, even inside a read-only transaction'],
  ['SUPER', 'it change server settings, end other sessions and write even when the server is read-only'],
  ['SHUTDOWN', 'it stop the database server'],
  ['RELOAD', 'it flush logs, caches and privileges'],
  ['EXECUTE', 'it run stored procedures and functions, which act with the rights of whoever created them'],
  ['CREATE ROUTINE', 'it create stored functions and procedures'],
  ['ALTER ROUTINE', 'it change or drop stored functions and procedures'],
  ['CREATE USER', 'it create logins and change their passwords'],
  ['GRANT OPTION', 'it give its privileges to other logins'],
  ['SET USER', 'it create stored code that runs with another login’s rights'],
  ['CONNECTION ADMIN', 'it end other sessions'],
  ['READ ONLY ADMIN', 'it write even when the server is read-only'],
  ['BINLOG ADMIN', 'it delete binary logs'],
  ['BINLOG REPLAY', 'it replay binary logs, which changes data'],
  ['FEDERATED ADMIN', 'it connect tables to other servers'],
  ['SYSTEM VARIABLES ADMIN', 'it change server settings'],
]);

/** ALL on *.* includes every global privilege above. */
const ALL_GLOBAL =
  'it do anything on the server, including writing files on it (FILE) and changing its settings (SUPER)';

/**
 * What a privilege lets the login do beyond its tables, or undefined for an ordinary one. MySQL
 * writes dynamic privileges with underscores (CONNECTION_ADMIN), MariaDB with spaces; any other
 * "… ADMIN" privilege administers some part of the server.
 */
export function privilegeRisk(privilege: string, on: string): string | undefined {
  if ((privilege === 'ALL' || privilege === 'ALL PRIVILEGES') && on === '*.*') return ALL_GLOBAL;
  const name = privilege.replaceAll('_', ' ');
  const risk = RISKS.get(name);
  if (risk !== undefined) return risk;
  return / ADMIN$/.test(name) ? 'it administer the database server' : undefined;
}
