import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ODBCINST_MISSING, type OdbcSources } from '../../../src-main/odbc/odbc-discovery';
import { runCliCaptured } from '../../support/cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-odbc-cli-');

/** A private unixODBC configuration: ODBCSYSINI for odbc.ini + odbcinst.ini, ODBCINI for the user file. */
function configured(systemDsns: string, userDsns = ''): NodeJS.ProcessEnv {
  const dir = tempDir();
  fs.writeFileSync(
    dir.join('odbcinst.ini'),
    '[PostgreSQL Unicode]\nDriver=psqlodbcw.so\n[SQLite3]\nDriver=libsqlite3odbc.so\n',
  );
  fs.writeFileSync(dir.join('odbc.ini'), systemDsns);
  fs.writeFileSync(dir.join('user.ini'), userDsns);
  return { PATH: process.env.PATH, ODBCSYSINI: dir.path, ODBCINI: dir.join('user.ini') };
}

describe('acd-link odbc sources', () => {
  it('prints the DSNs and drivers as tables', async () => {
    const env = configured(
      '[AvayaCMS]\nDriver=PostgreSQL Unicode\nDescription=CMS reporting copy\n',
      '[Mine]\nDriver=SQLite3\n',
    );
    const result = await runCliCaptured(['odbc', 'sources'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Data sources (DSNs):',
      'NAME      DRIVER              SCOPE   DESCRIPTION',
      '--------  ------------------  ------  ------------------',
      'Mine      SQLite3             user',
      'AvayaCMS  PostgreSQL Unicode  system  CMS reporting copy',
    ]);
    expect(result.stdout).toContain(
      '\nDrivers:\nNAME                FILE\n------------------  -----------------\n' +
        'PostgreSQL Unicode  psqlodbcw.so\nSQLite3             libsqlite3odbc.so\n',
    );
    expect(result.stdout).toContain(`\nFiles: system DSNs ${env.ODBCSYSINI}/odbc.ini, user DSNs ${env.ODBCINI}`);
  });

  it('prints everything as JSON', async () => {
    const env = configured('[AvayaCMS]\nDriver=PostgreSQL Unicode\n');
    const result = await runCliCaptured(['odbc', 'sources', '--json'], env);
    expect(result.code).toBe(0);
    const sources = JSON.parse(result.stdout) as OdbcSources;
    expect(sources.dataSources).toEqual([{ name: 'AvayaCMS', driver: 'PostgreSQL Unicode', scope: 'system' }]);
    expect(sources.drivers.map((driver) => driver.name)).toEqual(['PostgreSQL Unicode', 'SQLite3']);
    expect(sources).toMatchObject({ warnings: [], odbcinstFound: true });
  });

  it('says how to define a DSN when there is none', async () => {
    const env = configured('');
    const result = await runCliCaptured(['odbc', 'sources'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^No data sources \(DSNs\) are defined\. Define one in .*odbc\.ini \(system\)/);
  });

  it('prints the warnings on stderr', async () => {
    const env = configured('stray line\n[Lost]\nDriver=SQLite3\n');
    const result = await runCliCaptured(['odbc', 'sources'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `acd-link odbc sources: unixODBC ignores all of ${env.ODBCSYSINI}/odbc.ini because line 1 comes before the ` +
        'first [section]: move it into a section or delete it.\n',
    );
  });

  it('fails with exit code 1 and says to install unixODBC when odbcinst is missing', async () => {
    const result = await runCliCaptured(['odbc', 'sources'], { PATH: tempDir().path });
    expect(result).toEqual({ code: 1, stdout: '', stderr: `acd-link odbc sources: ${ODBCINST_MISSING}\n` });
    const json = await runCliCaptured(['odbc', 'sources', '--json'], { PATH: tempDir().path });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ odbcinstFound: false, warnings: [ODBCINST_MISSING] });
  });

  it('rejects unknown verbs and flags with exit code 2', async () => {
    for (const argv of [['odbc'], ['odbc', 'drivers'], ['odbc', 'sources', '--bogus']]) {
      const result = await runCliCaptured(argv, {});
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('odbc');
    }
  });
});
