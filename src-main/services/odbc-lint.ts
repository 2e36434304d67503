import { lintConnectionString, parseConnectionString } from '../../src-shared/odbc/connection-string';

/** Advice on an ODBC connection string as the admin types it; a syntax error names its position. */
export function lintOdbc(connectionString: string): { warnings: { code: string; message: string }[]; error?: string } {
  const parsed = parseConnectionString(connectionString);
  if (!parsed.ok) return { warnings: [], error: `${parsed.error.message} (at character ${parsed.error.offset + 1})` };
  const warnings = [...parsed.warnings, ...lintConnectionString(parsed)].map(({ code, message }) => ({
    code,
    message,
  }));
  // The same advice can come from the parser and the linter; show it once.
  return {
    warnings: warnings.filter(
      (warning, index) => warnings.findIndex((other) => other.message === warning.message) === index,
    ),
  };
}
