/** Connection-string keys that carry a password in ODBC drivers we know of. */
const SECRET_KEYS = new Set(['pwd', 'password', 'pass', 'passwd']);

/**
 * The secret-bearing keys present in an ODBC connection string, in the case the user wrote them.
 * It reads `KEY=VALUE;` pairs and skips `{…}`-quoted values (with `}}` escapes) so a brace-quoted
 * value holding ";PWD=" is not mistaken for a key.
 */
export function secretKeysIn(connectionString: string): string[] {
  const found: string[] = [];
  let index = 0;
  const text = connectionString;
  while (index < text.length) {
    const equals = text.indexOf('=', index);
    if (equals === -1) break;
    const key = text.slice(index, equals).trim();
    if (SECRET_KEYS.has(key.toLowerCase())) found.push(key);
    index = equals + 1;
    while (index < text.length && text[index] === ' ') index++;
    if (text[index] === '{') {
      index++;
      while (index < text.length) {
        if (text[index] === '}' && text[index + 1] === '}') index += 2;
        else if (text[index] === '}') {
          index++;
          break;
        } else index++;
      }
    }
    const semicolon = text.indexOf(';', index);
    if (semicolon === -1) break;
    index = semicolon + 1;
  }
  return found;
}
