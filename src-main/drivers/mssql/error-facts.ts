/**
 * The parts of an error that classification needs (codes, server error numbers, texts), read from
 * the whole chain: tedious wraps socket errors (`cause`), and a refused connection arrives as an
 * AggregateError with one error per address tried.
 */
export interface ErrorFact {
  code: string | undefined;
  /** SQL Server's error number (18456, 4060, …), when the server sent one. */
  number: number | undefined;
  message: string;
}

const MAX_DEPTH = 6;
const MAX_FACTS = 24;

export function errorFacts(error: unknown): ErrorFact[] {
  const facts: ErrorFact[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || facts.length >= MAX_FACTS || seen.has(value)) return;
    seen.add(value);
    if (typeof value !== 'object' || value === null) {
      if (value !== undefined && value !== null)
        facts.push({ code: undefined, number: undefined, message: String(value) });
      return;
    }
    const record = value as { code?: unknown; number?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
    facts.push({
      code: typeof record.code === 'string' ? record.code : undefined,
      number: typeof record.number === 'number' ? record.number : undefined,
      message: typeof record.message === 'string' ? record.message : '',
    });
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1);
    if (record.cause !== undefined) visit(record.cause, depth + 1);
  };
  visit(error, 0);
  return facts;
}
