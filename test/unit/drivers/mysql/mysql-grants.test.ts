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
    ['GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION', 'ALL PRIVILEGES', '*.*'],
    ['GRANT SELECT, INSERT, UPDATE, DELETE ON `cms`.`queue_stats` TO `wfm`@`%`', 'INSERT', '`cms`.`queue_stats`'],
    ['GRANT SELECT (`a`, `b`), UPDATE (`b`) ON `cms`.`t` TO `wfm`@`%`', 'UPDATE', '`cms`.`t`'],
    ['GRANT CREATE, DROP ON `scratch`.* TO `wfm`@`%`', 'CREATE', '`scratch`.*'],
    ['GRANT ALTER ROUTINE ON `cms`.* TO `wfm`@`%`', 'ALTER ROUTINE', '`cms`.*'],
  ])('finds write access in %s', (line, privilege, object) => {
    expect(writeAccessFromGrants([USAGE, line])).toEqual({
      state: 'can-write',
      detail: `the login has ${privilege} on ${object}`,
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
