import { passwordKeysIn } from '../odbc/connection-string';

/**
 * The password keys (PWD, Password, Pass, Passwd) present in an ODBC connection string, in the case
 * the user wrote them. It uses the shared connection-string tokenizer, so a brace-quoted value
 * holding ";PWD=" is not mistaken for a key; text that does not parse is scanned conservatively
 * (a PWD= anywhere counts). Never throws.
 */
export function secretKeysIn(connectionString: string): string[] {
  return passwordKeysIn(connectionString);
}
