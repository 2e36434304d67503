/**
 * Safe readers for whatever a driver threw. Drivers throw Error subclasses with extra fields
 * (`code`, `errno`, `odbcErrors`), plain objects, or AggregateErrors, so nothing is assumed.
 */
export function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

export function stringField(error: unknown, name: string): string | undefined {
  const value = field(error, name);
  return typeof value === 'string' ? value : undefined;
}

export function numberField(error: unknown, name: string): number | undefined {
  const value = field(error, name);
  return typeof value === 'number' ? value : undefined;
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  return stringField(error, 'message') ?? String(error);
}

/** Drivers add hints and context on later lines; a category message wants the first. */
export function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/**
 * The error, its `cause` chain and the members of an AggregateError (Node's happy-eyeballs connect
 * reports one per address tried), so a classifier can find the one that carries a code.
 */
export function errorAndCauses(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const visit = (current: unknown) => {
    if (current === undefined || current === null || seen.includes(current) || seen.length > 20) return;
    seen.push(current);
    visit(field(current, 'cause'));
    const members = field(current, 'errors');
    if (Array.isArray(members)) members.forEach(visit);
  };
  visit(error);
  return seen;
}

/** The first `code` string anywhere in the error, its causes or aggregate members. */
export function firstCode(error: unknown): string | undefined {
  for (const candidate of errorAndCauses(error)) {
    const code = stringField(candidate, 'code');
    if (code !== undefined) return code;
  }
  return undefined;
}
