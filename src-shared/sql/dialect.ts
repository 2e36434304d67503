/**
 * The SQL dialects the statement guard knows. `generic` is an ODBC data source whose server we
 * cannot name (Avaya CMS on Informix is the usual one), so it is checked in every dialect below.
 */
export type Dialect = 'postgres' | 'mysql' | 'mssql' | 'sqlite' | 'generic';

export const DIALECTS: readonly Dialect[] = ['postgres', 'mysql', 'mssql', 'sqlite', 'generic'];

export type FlavourName = 'ansi' | 'postgres' | 'mysql' | 'mssql' | 'sqlite' | 'informix';

/**
 * How one server's lexer reads the characters that can hide a semicolon or a keyword. Each flag
 * matches the server's default settings; where a server setting changes it (MySQL ANSI_QUOTES,
 * NO_BACKSLASH_ESCAPES) the default is what a preview meets unless the admin changed it.
 */
export interface LexFlavour {
  name: FlavourName;
  /** Shown in messages for generic connections, where the reading matters. */
  label: string;
  /** `\'` escapes a quote inside '…' (MySQL default sql_mode). */
  backslashEscapes: boolean;
  /** `"…"` is a string (MySQL) rather than an identifier; it then takes backslash escapes too. */
  doubleQuotedStrings: boolean;
  /** `/* /* *\/ *\/` is one comment (PostgreSQL, SQL Server); elsewhere the first `*\/` ends it. */
  nestedBlockComments: boolean;
  /** `# …` to the end of the line (MySQL). */
  hashComments: boolean;
  /** MySQL reads `--` as a comment only before a space or control character: `1--1` is `1 - -1`. */
  dashCommentNeedsSpace: boolean;
  /** MySQL/MariaDB run the contents of `/*! … *\/` and `/*M! … *\/`: they are code, not comments. */
  executableComments: boolean;
  /** PostgreSQL `$$…$$` and `$tag$…$tag$` strings. */
  dollarQuotes: boolean;
  /** PostgreSQL `E'…'` strings take backslash escapes. */
  escapeStrings: boolean;
  /** `` `name` `` identifiers (MySQL, SQLite). */
  backtickIdentifiers: boolean;
  /** `[name]` identifiers (SQL Server, SQLite). */
  bracketIdentifiers: boolean;
  /** SQL Server doubles `]]` inside a bracket identifier; SQLite ends it at the first `]`. */
  bracketDoubling: boolean;
  /** Informix reads `{ … }` as a comment. */
  braceComments: boolean;
  /** A line holding only `GO` separates batches (SQL Server tools, and some ODBC front ends). */
  goSeparator: boolean;
}

const BASE: Omit<LexFlavour, 'name' | 'label'> = {
  backslashEscapes: false,
  doubleQuotedStrings: false,
  nestedBlockComments: false,
  hashComments: false,
  dashCommentNeedsSpace: false,
  executableComments: false,
  dollarQuotes: false,
  escapeStrings: false,
  backtickIdentifiers: false,
  bracketIdentifiers: false,
  bracketDoubling: false,
  braceComments: false,
  goSeparator: false,
};

export const LEX_FLAVOURS: Readonly<Record<FlavourName, LexFlavour>> = {
  ansi: { ...BASE, name: 'ansi', label: 'standard SQL' },
  postgres: {
    ...BASE,
    name: 'postgres',
    label: 'PostgreSQL',
    nestedBlockComments: true,
    dollarQuotes: true,
    escapeStrings: true,
  },
  mysql: {
    ...BASE,
    name: 'mysql',
    label: 'MySQL/MariaDB',
    backslashEscapes: true,
    doubleQuotedStrings: true,
    hashComments: true,
    dashCommentNeedsSpace: true,
    executableComments: true,
    backtickIdentifiers: true,
  },
  mssql: {
    ...BASE,
    name: 'mssql',
    label: 'SQL Server',
    nestedBlockComments: true,
    bracketIdentifiers: true,
    bracketDoubling: true,
    goSeparator: true,
  },
  sqlite: { ...BASE, name: 'sqlite', label: 'SQLite', backtickIdentifiers: true, bracketIdentifiers: true },
  informix: { ...BASE, name: 'informix', label: 'Informix', braceComments: true },
};

/**
 * The readings a text must be safe under. A generic connection gets all of them: if one server
 * would see a second statement or a hidden keyword, the text is refused, so a reading that hides
 * less from us never excuses one that hides more.
 */
export function flavoursFor(dialect: Dialect): readonly LexFlavour[] {
  if (dialect === 'generic') {
    const { ansi, postgres, mysql, mssql, sqlite, informix } = LEX_FLAVOURS;
    return [ansi, postgres, mysql, mssql, sqlite, informix];
  }
  return [LEX_FLAVOURS[dialect]];
}
