/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) and no whitespace: the same
 * text for the same data however a file was indented or ordered. It authenticates the systems of a
 * bundle, so it is computed from the parsed JSON value, never from the file's bytes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    // defineProperty, so a key named "__proto__" stays data instead of changing the prototype.
    Object.defineProperty(sorted, key, {
      value: sortKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}
