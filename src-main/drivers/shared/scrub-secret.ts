/**
 * Removes a password from error texts before anything leaves a driver. ODBC driver managers echo
 * connection strings, where a password appears brace-quoted with `}` doubled (`PWD={a;b}}c}`),
 * so that spelling is removed too.
 */
export const SECRET_PLACEHOLDER = '***';

export function secretSpellings(password: string | undefined): string[] {
  if (password === undefined || password === '') return [];
  const spellings = [password, password.replaceAll('}', '}}')];
  // Longest first, so a spelling that contains another is replaced whole.
  return [...new Set(spellings)].sort((a, b) => b.length - a.length);
}

export function scrubText(text: string, password: string | undefined): string {
  let result = text;
  for (const spelling of secretSpellings(password)) result = result.split(spelling).join(SECRET_PLACEHOLDER);
  return result;
}

/**
 * Scrubs every string field of the error in place (message, stack, driver fields such as
 * `sqlMessage`), and of the objects it holds one level down (`odbcErrors[]`, `cause`), then returns
 * it. The error keeps its class and codes, so classification still works.
 */
export function scrubError(error: unknown, password: string | undefined): unknown {
  if (secretSpellings(password).length === 0) return error;
  if (typeof error === 'string') return scrubText(error, password);
  scrubObject(error, password, 0);
  return error;
}

function scrubObject(value: unknown, password: string | undefined, depth: number): void {
  if (typeof value !== 'object' || value === null || depth > 3) return;
  const record = value as Record<string, unknown>;
  // These are own but non-enumerable properties of Error and AggregateError instances.
  const keys = new Set([...Object.keys(record), 'message', 'stack', 'cause', 'errors']);
  for (const key of keys) {
    const current = record[key];
    if (typeof current === 'string') {
      const scrubbed = scrubText(current, password);
      if (scrubbed !== current) trySet(record, key, scrubbed);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        if (typeof item === 'string') current[index] = scrubText(item, password);
        else scrubObject(item, password, depth + 1);
      });
    } else if (typeof current === 'object') {
      scrubObject(current, password, depth + 1);
    }
  }
}

function trySet(record: Record<string, unknown>, key: string, value: string): void {
  try {
    record[key] = value;
  } catch {
    // A read-only field cannot be scrubbed; the classifier scrubs its own message as well.
  }
}

/** Runs driver work and rethrows its failure with the password scrubbed from every text. */
export async function withScrubbedErrors<T>(password: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw scrubError(error, password);
  }
}
