/**
 * ODBC connection-string tools, the public surface: parse, build, lint, mask, and splice in the
 * password. The implementation is split by purpose: connection-string-syntax.ts (the one
 * tokenizer), connection-string-secrets.ts, connection-string-lint.ts.
 */
export {
  buildConnectionString,
  parseConnectionString,
  type ConnectionStringPair,
  type ConnectionStringParseResult,
  type ConnectionStringSyntaxError,
  type ConnectionStringWarning,
  type ConnectionStringWarningCode,
  type ParsedConnectionString,
} from './connection-string-syntax';
export {
  ConnectionStringError,
  isPasswordKey,
  isSecretKey,
  MASK,
  maskConnectionString,
  maskConnectionStringAt,
  maskPairs,
  maskParsed,
  passwordKeysIn,
  withPassword,
} from './connection-string-secrets';
export { lintConnectionString } from './connection-string-lint';
