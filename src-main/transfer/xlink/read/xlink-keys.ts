/**
 * The keys of an isps_ul.ini system section. Xlink versions and hand edits spelled the connection
 * keys several ways, so those are matched on a normalised form (case, spaces and underscores
 * ignored); the universal-interface keys are the ones Xlink's documentation lists.
 */

/** "ODBC_DSN", "Data Source" and "odbcdsn" are the same key to the import. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

export const DSN_KEYS = new Set(['dsn', 'odbcdsn', 'datasource', 'odbcdatasource', 'datasourcename']);
export const USER_KEYS = new Set(['user', 'uid', 'username', 'userid', 'odbcuser', 'odbcuid', 'login', 'loginname']);

/** Password, PWD, ODBCPassword, ODBC_Password, EncodedPassword, PasswordEncoded, Passwd… */
export function isPasswordKeyName(key: string): boolean {
  const normal = normaliseKey(key);
  return /passw|pwd/.test(normal) || /(^|odbc|encoded)pass$/.test(normal);
}

/** Script, ScriptFile, PreScript, PostScript, CustomSQL, PreSQL, PostSQL, CustomQuery… */
export function isScriptKeyName(key: string): boolean {
  return /script|customsql|customquery|^presql$|^postsql$/.test(normaliseKey(key));
}

/** Keys that name the interface or ACD type, read for the vendor only. */
export const VENDOR_HINT_KEYS = new Set(['type', 'interface', 'interfacetype', 'acdtype', 'systemtype', 'acd']);
export const INTERVAL_KEYS = new Set(['intervallength', 'interval', 'intervalminutes']);

export const UNIVERSAL_KEYS = [
  'QueueSQL',
  'ValueTypes',
  'TimeStampColumn',
  'QueueNameColumn',
  'CallDataTable',
  'ActivitySQL',
  'ActivityTimeSpanType',
  'ActivityColumn',
  'AgentColumn',
  'ActivityStartTimeStampColumn',
  'ActivityStartTimeStampType',
  'ActivityStartTimeStampFormat',
  'ActivityEndTimeStampColumn',
  'ActivityEndTimeStampType',
  'ActivityEndTimeStampFormat',
  'ActivityDurationColumn',
  'AgentActivityTable',
  'LogOffActivities',
] as const;
export type UniversalKey = (typeof UNIVERSAL_KEYS)[number];

const UNIVERSAL_NORMALISED = new Set<string>(UNIVERSAL_KEYS.map(normaliseKey));

export function isUniversalKey(key: string): boolean {
  return UNIVERSAL_NORMALISED.has(normaliseKey(key));
}
