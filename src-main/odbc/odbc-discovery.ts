import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { entryValue, findSection, type IniFile, parseOdbcIni } from './odbc-ini';

/**
 * What unixODBC offers on this machine: data sources (DSNs) and drivers. The names come from
 * `odbcinst -q`, because that is what the driver manager itself sees (user DSNs shadow system
 * ones of the same name, odbc.ini's "[ODBC Data Sources]" list is left out); the details
 * (driver, description, library file) come from reading the ini files that `odbcinst -j` names.
 * Never throws: every problem becomes a warning.
 */

export interface OdbcDataSource {
  name: string;
  driver?: string;
  description?: string;
  scope: 'user' | 'system';
}

export interface OdbcDriver {
  name: string;
  /** The driver library, from odbcinst.ini (Driver64, else Driver). */
  file?: string;
}

export interface OdbcSources {
  dataSources: OdbcDataSource[];
  drivers: OdbcDriver[];
  /** odbc.ini files for system and user DSNs, and odbcinst.ini (drivers), as `odbcinst -j` names them. */
  iniFiles: { system?: string; user?: string; drivers?: string };
  warnings: string[];
  /** False when odbcinst could not be run at all: unixODBC is not installed. */
  odbcinstFound: boolean;
}

export interface DiscoveryOptions {
  /**
   * The environment for odbcinst; defaults to process.env. PATH finds odbcinst, ODBCSYSINI names the
   * directory of odbc.ini and odbcinst.ini, ODBCINI the user's odbc.ini (else ~/.odbc.ini, with the
   * home directory taken from the password database, not $HOME).
   */
  env?: NodeJS.ProcessEnv;
  /** The odbcinst program; defaults to "odbcinst" on the PATH. */
  odbcinst?: string;
  timeoutMs?: number;
}

export const ODBCINST_MISSING = 'unixODBC is not installed (odbcinst not found): install unixodbc';

/**
 * Sections odbcinst lists that are not data sources or drivers: "[ODBC]" holds unixODBC's own
 * settings (tracing, pooling) and "[ODBC Drivers]" is a Windows-style index of drivers.
 */
const NOT_SOURCES = new Set(['odbc', 'odbc drivers', 'odbc data sources']);

type RunResult =
  { ok: true; stdout: string } | { ok: false; missing: boolean; message: string; stdout: string; stderr: string };

function runOdbcinst(args: string[], options: DiscoveryOptions): Promise<RunResult> {
  const program = options.odbcinst ?? 'odbcinst';
  return new Promise((resolve) => {
    try {
      execFile(
        program,
        args,
        {
          env: options.env ?? process.env,
          timeout: options.timeoutMs ?? 5000,
          encoding: 'utf8',
          maxBuffer: 4 * 1024 * 1024,
          windowsHide: true,
        },
        (error, stdout, stderr) => {
          if (!error) return resolve({ ok: true, stdout });
          const code = (error as NodeJS.ErrnoException).code;
          const missing = code === 'ENOENT';
          const message = missing
            ? ODBCINST_MISSING
            : error.killed
              ? `odbcinst ${args.join(' ')} did not answer within ${options.timeoutMs ?? 5000} ms`
              : `odbcinst ${args.join(' ')} failed: ${firstLine(stderr) || firstLine(stdout) || error.message}`;
          resolve({ ok: false, missing, message, stdout, stderr });
        },
      );
    } catch (error) {
      // execFile throws synchronously for some invalid arguments (e.g. a NUL in the program name).
      resolve({
        ok: false,
        missing: false,
        message: `odbcinst could not be run: ${String(error)}`,
        stdout: '',
        stderr: '',
      });
    }
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The `[name]` lines of `odbcinst -q -s` / `-q -d`. */
function sectionNames(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => /^\[(.*)\]\s*$/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && !NOT_SOURCES.has(name.toLowerCase()));
}

/** The file paths in `odbcinst -j` output ("DRIVERS............: /etc/odbcinst.ini"). */
function iniPaths(stdout: string): OdbcSources['iniFiles'] {
  const paths: OdbcSources['iniFiles'] = {};
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^([A-Z ]+?)\.*:\s*(.+?)\s*$/.exec(line);
    if (!match) continue;
    const [, label, value] = match;
    if (label === 'DRIVERS') paths.drivers = value;
    else if (label === 'SYSTEM DATA SOURCES') paths.system = value;
    else if (label === 'USER DATA SOURCES') paths.user = value;
  }
  return paths;
}

async function readIni(path: string | undefined, warnings: string[]): Promise<IniFile> {
  if (path === undefined) return { sections: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A missing user or system odbc.ini is normal: nobody has defined a DSN there yet.
    if (code !== 'ENOENT') warnings.push(`Could not read ${path} (${code ?? String(error)}).`);
    return { sections: [] };
  }
  const file = parseOdbcIni(text);
  if (file.ignoredBecause) warnings.push(`unixODBC ignores all of ${path} because ${file.ignoredBecause}.`);
  return file;
}

/**
 * `odbcinst -q` exits 1 and prints "SQLGetPrivateProfileString failed" (on stdout) when the ini
 * files hold no section at all; that means an empty list, not a fault.
 */
function isEmptyListFailure(result: RunResult): boolean {
  return !result.ok && /SQLGetPrivateProfileString failed/i.test(result.stdout + result.stderr);
}

export async function listOdbcSources(options: DiscoveryOptions = {}): Promise<OdbcSources> {
  const sources: OdbcSources = { dataSources: [], drivers: [], iniFiles: {}, warnings: [], odbcinstFound: true };
  try {
    const info = await runOdbcinst(['-j'], options);
    if (!info.ok) {
      sources.odbcinstFound = !info.missing;
      sources.warnings.push(info.message);
      return sources;
    }
    sources.iniFiles = iniPaths(info.stdout);

    const [driverList, sourceList, driversIni, systemIni, userIni] = await Promise.all([
      runOdbcinst(['-q', '-d'], options),
      runOdbcinst(['-q', '-s'], options),
      readIni(sources.iniFiles.drivers, sources.warnings),
      readIni(sources.iniFiles.system, sources.warnings),
      readIni(sources.iniFiles.user, sources.warnings),
    ]);

    if (driverList.ok) {
      sources.drivers = sectionNames(driverList.stdout).map((name) => {
        const section = findSection(driversIni, name);
        const file = entryValue(section, 'Driver64') || entryValue(section, 'Driver');
        return file ? { name, file } : { name };
      });
    } else if (!isEmptyListFailure(driverList)) {
      sources.warnings.push(driverList.message);
    }

    if (sourceList.ok) {
      sources.dataSources = sectionNames(sourceList.stdout).map((name) => {
        // unixODBC looks a DSN up in the user file first, then the system file.
        const inUser = findSection(userIni, name);
        const section = inUser ?? findSection(systemIni, name);
        const source: OdbcDataSource = { name, scope: inUser ? 'user' : 'system' };
        const driver = entryValue(section, 'Driver');
        const description = entryValue(section, 'Description');
        if (driver) source.driver = driver;
        if (description) source.description = description;
        return source;
      });
      warnAboutCaseTwins(sources);
    } else if (!isEmptyListFailure(sourceList)) {
      sources.warnings.push(sourceList.message);
    }
  } catch (error) {
    sources.warnings.push(
      `Listing ODBC data sources failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return sources;
}

/** DSN names are matched case-insensitively, so "Cms" and "CMS" are one DSN: the first wins. */
function warnAboutCaseTwins(sources: OdbcSources): void {
  const seen = new Map<string, string>();
  for (const { name } of sources.dataSources) {
    const first = seen.get(name.toLowerCase());
    if (first === undefined) seen.set(name.toLowerCase(), name);
    else
      sources.warnings.push(
        `The DSNs "${first}" and "${name}" differ only in case; unixODBC treats them as one and uses "${first}": rename or delete one.`,
      );
  }
}
