import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOdbcSources, ODBCINST_MISSING } from '../../../src-main/odbc/odbc-discovery';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-odbc-');

/**
 * unixODBC reads odbc.ini and odbcinst.ini from the directory ODBCSYSINI names, and the user's
 * odbc.ini from ODBCINI (else ~/.odbc.ini, from the password database: $HOME does not move it).
 * The inherited variables are dropped so the machine's own settings cannot leak into a test.
 */
function odbcEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['ODBCSYSINI', 'ODBCINSTINI', 'ODBCINI', 'ODBCSEARCH']) delete env[name];
  return { ...env, ...overrides };
}

function fakeOdbcinst(script: string): string {
  const dir = tempDir();
  const file = dir.join('odbcinst');
  fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return file;
}

describe('listOdbcSources against the real unixODBC', () => {
  it('lists the drivers registered on this machine with their library files', async () => {
    const userIni = tempDir().join('odbc.ini');
    const sources = await listOdbcSources({ env: odbcEnv({ ODBCINI: userIni }) });
    expect(sources.odbcinstFound).toBe(true);
    expect(sources.iniFiles).toEqual({
      drivers: expect.stringMatching(/odbcinst\.ini$/),
      system: expect.stringMatching(/odbc\.ini$/),
      user: userIni,
    });
    const names = sources.drivers.map((driver) => driver.name);
    expect(names).toEqual(expect.arrayContaining(['PostgreSQL Unicode', 'MariaDB Unicode', 'SQLite3']));
    expect(sources.drivers.find((driver) => driver.name === 'PostgreSQL Unicode')?.file).toMatch(/psqlodbcw\.so$/);
    expect(sources.warnings).toEqual([]);
  });

  it('lists user and system DSNs from ODBCSYSINI and ODBCINI, user ones shadowing system ones', async () => {
    const sys = tempDir();
    fs.writeFileSync(
      sys.join('odbcinst.ini'),
      [
        '[ODBC]',
        'Trace=No',
        '[PostgreSQL Unicode]',
        'Driver=psqlodbcw.so',
        '[Both Bits]',
        'Driver=/opt/x/lib32.so',
        'Driver64=/opt/x/lib64.so',
        '[No Library]',
        'Description=nothing',
        '[ODBC Drivers]',
        'PostgreSQL Unicode=Installed',
      ].join('\n'),
    );
    fs.writeFileSync(
      sys.join('odbc.ini'),
      [
        '[ODBC Data Sources]',
        'SysPg=PostgreSQL Unicode',
        '',
        '[SysPg]',
        'Driver = PostgreSQL Unicode',
        'Description = Reporting copy of the ACD',
        '[Shadowed]',
        'Driver=PostgreSQL Unicode',
        '[MySQL 8.0 DSN]',
        'Driver=MariaDB Unicode',
      ].join('\n'),
    );
    const userIni = sys.join('user-odbc.ini');
    fs.writeFileSync(userIni, '[UserLite]\nDriver=SQLite3\nDatabase=/tmp/x.db\n[Shadowed]\nDriver=SQLite3\n');

    const sources = await listOdbcSources({ env: odbcEnv({ ODBCSYSINI: sys.path, ODBCINI: userIni }) });
    expect(sources.iniFiles).toEqual({
      drivers: sys.join('odbcinst.ini'),
      system: sys.join('odbc.ini'),
      user: userIni,
    });
    expect(sources.dataSources).toEqual([
      { name: 'UserLite', driver: 'SQLite3', scope: 'user' },
      { name: 'Shadowed', driver: 'SQLite3', scope: 'user' },
      { name: 'SysPg', driver: 'PostgreSQL Unicode', description: 'Reporting copy of the ACD', scope: 'system' },
      { name: 'MySQL 8.0 DSN', driver: 'MariaDB Unicode', scope: 'system' },
    ]);
    expect(sources.drivers).toEqual([
      { name: 'PostgreSQL Unicode', file: 'psqlodbcw.so' },
      { name: 'Both Bits', file: '/opt/x/lib64.so' },
      { name: 'No Library' },
    ]);
    expect(sources.warnings).toEqual([]);
  });

  it('returns empty lists without warnings when nothing is configured', async () => {
    const empty = tempDir();
    const sources = await listOdbcSources({
      env: odbcEnv({ ODBCSYSINI: empty.path, ODBCINI: empty.join('none.ini') }),
    });
    expect(sources).toMatchObject({ dataSources: [], drivers: [], warnings: [], odbcinstFound: true });
  });

  it('warns about DSN files unixODBC ignores and DSN names that differ only in case', async () => {
    const sys = tempDir();
    fs.writeFileSync(sys.join('odbc.ini'), '\uFEFF[Ignored]\nDriver=SQLite3\n');
    const userIni = sys.join('user.ini');
    fs.writeFileSync(userIni, '[Cms]\nDriver=a\n[CMS]\nDriver=b\n');
    const sources = await listOdbcSources({ env: odbcEnv({ ODBCSYSINI: sys.path, ODBCINI: userIni }) });
    expect(sources.dataSources.map((source) => source.name)).toEqual(['Cms', 'CMS']);
    expect(sources.dataSources[1]).toMatchObject({ driver: 'a', scope: 'user' });
    expect(sources.warnings).toEqual([
      `unixODBC ignores all of ${sys.join('odbc.ini')} because it starts with a UTF-8 byte-order mark: save it as UTF-8 without BOM.`,
      'The DSNs "Cms" and "CMS" differ only in case; unixODBC treats them as one and uses "Cms": rename or delete one.',
    ]);
  });
});

describe('listOdbcSources when odbcinst is missing or misbehaves', () => {
  it('says to install unixODBC when odbcinst is not on the PATH', async () => {
    const emptyPath = tempDir();
    const sources = await listOdbcSources({ env: { PATH: emptyPath.path } });
    expect(sources).toEqual({
      dataSources: [],
      drivers: [],
      iniFiles: {},
      warnings: [ODBCINST_MISSING],
      odbcinstFound: false,
    });
    expect(ODBCINST_MISSING).toBe('unixODBC is not installed (odbcinst not found): install unixodbc');
  });

  it('gives up on an odbcinst that does not answer in time', async () => {
    const odbcinst = fakeOdbcinst('sleep 5');
    const started = Date.now();
    const sources = await listOdbcSources({ odbcinst, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(sources.odbcinstFound).toBe(true);
    expect(sources.warnings).toEqual(['odbcinst -j did not answer within 200 ms']);
  });

  it('reports an odbcinst that fails, and keeps what it could list', async () => {
    const sys = tempDir();
    fs.writeFileSync(sys.join('odbcinst.ini'), '[Only]\nDriver=/x.so\n');
    const odbcinst = fakeOdbcinst(
      [
        'case "$*" in',
        `  "-j") echo "DRIVERS............: ${sys.join('odbcinst.ini')}" ;;`,
        '  "-q -d") echo "[Only]" ;;',
        '  *) echo "odbcinst: something broke" >&2; exit 3 ;;',
        'esac',
      ].join('\n'),
    );
    const sources = await listOdbcSources({ odbcinst });
    expect(sources.drivers).toEqual([{ name: 'Only', file: '/x.so' }]);
    expect(sources.dataSources).toEqual([]);
    expect(sources.warnings).toEqual(['odbcinst -q -s failed: odbcinst: something broke']);
  });
});
