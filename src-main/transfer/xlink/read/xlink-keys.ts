import { foldName } from './profile-text';

/**
 * The keys of an isps_ul.ini system section. Xlink asked Windows for each key by its exact name
 * (ignoring case), so that is how the import reads them: `Value_Types` or `Valuetype` is not
 * ValueTypes to Windows, was never read by Xlink, and is only reported (near-miss.ts suggests the
 * key it resembles). The connection keys have several spellings because Xlink versions wrote
 * them differently; each listed spelling is matched exactly, no other.
 */

export const DSN_KEYS = keySet([
  'DSN',
  'ODBCDSN',
  'ODBC_DSN',
  'ODBC DSN',
  'DataSource',
  'Data Source',
  'Data_Source',
  'ODBCDataSource',
  'ODBC_DataSource',
  'DataSourceName',
  'Data Source Name',
]);
export const USER_KEYS = keySet([
  'User',
  'UID',
  'UserName',
  'User Name',
  'User_Name',
  'UserID',
  'User ID',
  'User_ID',
  'ODBCUser',
  'ODBC_User',
  'ODBCUID',
  'ODBC_UID',
  'Login',
  'LoginName',
  'Login Name',
]);
/** Keys that name the interface or ACD type, read for the vendor only. */
export const VENDOR_HINT_KEYS = keySet(['Type', 'Interface', 'InterfaceType', 'ACDType', 'SystemType', 'ACD']);
export const INTERVAL_KEYS = keySet(['IntervalLength', 'Interval', 'IntervalMinutes']);

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

const UNIVERSAL = keySet(UNIVERSAL_KEYS);

/** A set of key spellings, and the test "is this key one of them" as Windows compares names. */
export interface KeySet {
  spellings: readonly string[];
  has(key: string): boolean;
}

function keySet(spellings: readonly string[]): KeySet {
  const folded = new Set(spellings.map(foldName));
  return { spellings, has: (key) => folded.has(foldName(key)) };
}

export function isUniversalKey(key: string): boolean {
  return UNIVERSAL.has(key);
}

/** Every key the import reads, as written in Xlink's documentation: what a near-miss is compared with. */
export const KNOWN_KEYS: readonly string[] = [
  ...UNIVERSAL_KEYS,
  ...DSN_KEYS.spellings,
  ...USER_KEYS.spellings,
  ...VENDOR_HINT_KEYS.spellings,
  ...INTERVAL_KEYS.spellings,
];

/**
 * Password and script keys are recognised loosely (case, spaces, "_" and "-" ignored) on
 * purpose: this only decides which keys get a "not migrated" note instead of having their value
 * shown, and never feeds a value into the plan.
 */
function looseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Password, PWD, ODBCPassword, ODBC_Password, EncodedPassword, PasswordEncoded, Passwd… */
export function isPasswordKeyName(key: string): boolean {
  const loose = looseKey(key);
  return /passw|pwd/.test(loose) || /(^|odbc|encoded)pass$/.test(loose);
}

/** Script, ScriptFile, PreScript, PostScript, CustomSQL, PreSQL, PostSQL, CustomQuery… */
export function isScriptKeyName(key: string): boolean {
  return /script|customsql|customquery|^presql$|^postsql$/.test(looseKey(key));
}
