import { describe, expect, it } from 'vitest';
import { describeVersion } from '../../../../src-main/drivers/mysql/mysql-catalog';
import { writeAccessFromGrants } from '../../../../src-main/drivers/mysql/mysql-grants';

const USAGE = "GRANT USAGE ON *.* TO `wfm`@`%` IDENTIFIED BY PASSWORD '*5B16B9BE6B912EFA24C4BBDDD70543E1A1609E1E'";

describe('writeAccessFromGrants', () => {
  it('finds a SELECT-only login read-only', () => {
    expect(writeAccessFromGrants([USAGE, 'GRANT SELECT ON `cms`.* TO `wfm`@`%`'])).toEqual({ state: 'read-only' });
    expect(writeAccessFromGrants(['GRANT SELECT, SHOW VIEW ON *.* TO `wfm`@`%`'])).toEqual({ state: 'read-only' });
  });

  it.each([
    ['GRANT ALL PRIVILEGES ON `cms`.* TO `wfm`@`%`', 'ALL PRIVILEGES', '`cms`.*'],
    ['GRANT SELECT, INSERT, UPDATE, DELETE ON `cms`.`queue_stats` TO `wfm`@`%`', 'INSERT', '`cms`.`queue_stats`'],
    ['GRANT SELECT (`a`, `b`), UPDATE (`b`) ON `cms`.`t` TO `wfm`@`%`', 'UPDATE', '`cms`.`t`'],
    ['GRANT CREATE, DROP ON `scratch`.* TO `wfm`@`%`', 'CREATE', '`scratch`.*'],
  ])('finds write access in %s', (line, privilege, object) => {
    expect(writeAccessFromGrants([USAGE, line])).toEqual({
      state: 'can-write',
      detail: `the login has ${privilege} on ${object}`,
    });
  });

  it.each([
    [
      'FILE',
      'GRANT SELECT, FILE ON *.* TO `wfm`@`%`',
      'FILE on *.*, which lets a query read and write files on the database server, even inside a read-only transaction',
    ],
    [
      'SUPER',
      'GRANT SELECT, SUPER ON *.* TO `wfm`@`%`',
      'SUPER on *.*, which lets it change server settings, end other sessions and write even when the server is read-only',
    ],
    [
      'SHUTDOWN',
      'GRANT SELECT, SHUTDOWN ON *.* TO `wfm`@`%`',
      'SHUTDOWN on *.*, which lets it stop the database server',
    ],
    [
      'EXECUTE',
      'GRANT SELECT, EXECUTE ON `cms`.* TO `wfm`@`%`',
      'EXECUTE on `cms`.*, which lets it run stored procedures and functions, which act with the rights of whoever created them',
    ],
    [
      'CREATE ROUTINE',
      'GRANT CREATE ROUTINE ON `cms`.* TO `wfm`@`%`',
      'CREATE ROUTINE on `cms`.*, which lets it create stored functions and procedures',
    ],
    [
      'ALTER ROUTINE',
      'GRANT ALTER ROUTINE ON `cms`.* TO `wfm`@`%`',
      'ALTER ROUTINE on `cms`.*, which lets it change or drop stored functions and procedures',
    ],
    [
      'GRANT OPTION',
      'GRANT SELECT ON `cms`.* TO `wfm`@`%` WITH GRANT OPTION',
      'GRANT OPTION on `cms`.*, which lets it give its privileges to other logins',
    ],
    [
      'MySQL dynamic privileges',
      'GRANT SYSTEM_VARIABLES_ADMIN ON *.* TO `wfm`@`%`',
      'SYSTEM_VARIABLES_ADMIN on *.*, which lets it change server settings',
    ],
    [
      'other ADMIN privileges',
      'GRANT SELECT, REPLICATION SLAVE ADMIN ON *.* TO `wfm`@`%`',
      'REPLICATION SLAVE ADMIN on *.*, which lets it administer the database server',
    ],
  ])('names %s and what it lets a SELECT login do', (_name, line, said) => {
    expect(writeAccessFromGrants([USAGE, line])).toEqual({ state: 'can-write', detail: `the login has ${said}` });
  });

  it('lists every risky privilege first, then one ordinary write privilege', () => {
    const result = writeAccessFromGrants([
      USAGE,
      'GRANT SELECT, INSERT ON `cms`.`t` TO `wfm`@`%`',
      'GRANT FILE, SUPER, PROCESS ON *.* TO `wfm`@`%`',
      'GRANT FILE ON *.* TO `loader`',
    ]);
    expect(result.state).toBe('can-write');
    const detail = result.state === 'can-write' ? result.detail : '';
    expect(detail).toMatch(
      /^the login has FILE on \*\.\*, which lets a query read and write files .*; SUPER on \*\.\*, which .*; INSERT on `cms`\.`t`$/,
    );
    expect(detail.match(/FILE on/g)).toHaveLength(1);
    // PROCESS shows other sessions' statements but changes nothing: not a reason to say "can change data".
    expect(detail).not.toContain('PROCESS');
  });

  it('says what ALL PRIVILEGES on *.* includes', () => {
    const result = writeAccessFromGrants(['GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION']);
    expect(result).toEqual({
      state: 'can-write',
      detail:
        'the login has ALL PRIVILEGES on *.*, which lets it do anything on the server, including writing files on it ' +
        '(FILE) and changing its settings (SUPER); GRANT OPTION on *.*, which lets it give its privileges to other logins',
    });
  });

  it('keeps a login with PROCESS only read-only', () => {
    expect(writeAccessFromGrants(['GRANT SELECT, PROCESS, SHOW VIEW ON *.* TO `wfm`@`%`'])).toEqual({
      state: 'read-only',
    });
  });

  it('does not count temporary tables, which change no shared data', () => {
    expect(writeAccessFromGrants(['GRANT SELECT, CREATE TEMPORARY TABLES ON `cms`.* TO `wfm`@`%`'])).toEqual({
      state: 'read-only',
    });
  });

  it('is not fooled by keywords inside quoted names', () => {
    expect(writeAccessFromGrants(['GRANT SELECT ON `a ON b TO c`.* TO `wfm`@`%`'])).toEqual({ state: 'read-only' });
    expect(writeAccessFromGrants(['GRANT SELECT (`INSERT`) ON `cms`.`t` TO `wfm`@`%`'])).toEqual({
      state: 'read-only',
    });
  });

  it('follows a role whose grants the server lists, and calls a silent role unknown', () => {
    const role = 'GRANT `loader` TO `wfm`@`%`';
    expect(writeAccessFromGrants([role, USAGE, 'GRANT INSERT ON `cms`.* TO `loader`'])).toMatchObject({
      state: 'can-write',
    });
    expect(writeAccessFromGrants([role, USAGE, 'GRANT SELECT ON `cms`.* TO `loader`'])).toEqual({ state: 'read-only' });
    const silent = writeAccessFromGrants([role, USAGE]);
    expect(silent.state).toBe('unknown');
    expect(silent.state === 'unknown' && silent.detail).toContain('loader');
  });

  it('ignores PROXY grants and calls output it cannot read unknown', () => {
    expect(writeAccessFromGrants([USAGE, "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION"])).toEqual({
      state: 'read-only',
    });
    expect(writeAccessFromGrants(['something else entirely']).state).toBe('unknown');
  });

  it('never repeats the password hash in its detail', () => {
    const result = writeAccessFromGrants([
      "GRANT ALL PRIVILEGES ON *.* TO `root`@`%` IDENTIFIED BY PASSWORD '*ABC123'",
    ]);
    expect(JSON.stringify(result)).not.toContain('ABC123');
  });
});

describe('describeVersion', () => {
  it('names MariaDB and MySQL', () => {
    expect(describeVersion('10.11.19-MariaDB-0+deb12u1')).toBe('MariaDB 10.11.19-0+deb12u1');
    expect(describeVersion('8.0.36')).toBe('MySQL 8.0.36');
  });
});
