import { describe, expect, it } from 'vitest';
import { classifyMysqlError } from '../../../../src-main/drivers/mysql/mysql-classify';
import type { MysqlConnection } from '../../../../src-main/drivers/mysql/mysql-config';
import {
  calledNames,
  isMariadb,
  refuseStoredCode,
  StoredCodeRefusal,
  type SqlRow,
  type SqlRunner,
} from '../../../../src-main/drivers/mysql/mysql-stored-code';

// The server side (what preparing loads, what a READ ONLY transaction lets through) is tested on
// the real MariaDB in test/integration/drivers/mysql-stored-code.test.ts; here, the decisions.

describe('calledNames', () => {
  it('finds names before a parenthesis, bare, in backticks, qualified, with space or comments between', () => {
    expect(calledNames('SELECT f_a(1), `F B`(2), db.`f_c` (3), f_d/* x */(4), `a``b`(5) FROM t')).toEqual([
      'f_a',
      'f b',
      'f_c',
      'f_d',
      'a`b',
    ]);
  });

  it('ignores names without a call and numbers before a parenthesis', () => {
    expect(calledNames('SELECT f_a, 1 (2) FROM t JOIN u USING (id)')).toEqual(['using']);
  });
});

/**
 * A session whose answers are scripted: status counters before and after PREPARE, catalogue rows,
 * and the statement handed to PREPARE (through the user variable, as hex).
 */
function fakeSession(options: {
  loads: number;
  views?: number;
  functions?: string[];
  udfs?: string[];
  errno?: number;
}) {
  let prepared = false;
  let variable: string | null = null;
  const sent: string[] = [];
  const rows = async (sql: string, values?: string[]): Promise<SqlRow[]> => {
    sent.push(sql);
    const set = /^SET @acd_stored_code_check = (?:CONVERT\(X'([0-9a-f]*)' USING utf8mb4\)|NULL)$/.exec(sql);
    if (set !== null) {
      variable = set[1] === undefined ? null : Buffer.from(set[1], 'hex').toString('utf8');
      return [];
    }
    if (sql === 'PREPARE acd_stored_code_check FROM @acd_stored_code_check') {
      if (options.errno !== undefined) throw Object.assign(new Error('refused'), { errno: options.errno });
      prepared = true;
      return [];
    }
    if (sql.startsWith('DEALLOCATE PREPARE')) return [];
    if (sql.startsWith('SHOW SESSION STATUS')) {
      const after = prepared ? 1 : 0;
      return [
        { Variable_name: 'Handler_read_key', Value: String(10 + after * options.loads) },
        { Variable_name: 'Opened_views', Value: String(after * (options.views ?? 0)) },
      ];
    }
    if (sql.includes('information_schema.ROUTINES')) {
      const asked = new Set(values ?? []);
      return (options.functions ?? []).filter((name) => asked.has(name)).map((n) => ({ s: 'cms', n }));
    }
    if (sql.includes('mysql.func')) {
      if (options.udfs === undefined) throw new Error('SELECT command denied');
      return options.udfs.map((name) => ({ name }));
    }
    throw new Error(`unexpected ${sql}`);
  };
  const run: SqlRunner = { rows, errorNumber: (error) => (error as { errno?: number }).errno };
  return { run, sent, wasPrepared: () => prepared, variable: () => variable };
}

async function refusal(run: Promise<void>): Promise<string | undefined> {
  try {
    await run;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(StoredCodeRefusal);
    return (error as Error).message;
  }
}

describe('refuseStoredCode on MariaDB', () => {
  it('lets a statement through when preparing it loaded no stored routine', async () => {
    const session = fakeSession({ loads: 0, functions: ['count'] });
    expect(await refusal(refuseStoredCode(session.run, 'SELECT count(*) FROM t', true))).toBe(undefined);
    expect(session.wasPrepared()).toBe(true);
  });

  it('names the visible function the statement calls', async () => {
    const session = fakeSession({ loads: 1, functions: ['f_out'] });
    const message = await refusal(refuseStoredCode(session.run, 'SELECT f_out()', true));
    expect(message).toMatch(/^This query calls the stored function `cms`\.`f_out`\. A preview cannot stop/);
    expect(message).toMatch(/write what the function computes into the query itself\.$/);
  });

  it('says a view runs it when the login sees no function by that name', async () => {
    const session = fakeSession({ loads: 1, views: 1 });
    const message = await refusal(refuseStoredCode(session.run, 'SELECT * FROM v', true));
    expect(message).toMatch(/inside a view it reads.*read the view's tables instead/);
  });

  it('hands the statement to PREPARE exactly, quotes and all, and leaves nothing prepared or set', async () => {
    const session = fakeSession({ loads: 0 });
    const sql = "SELECT 'it''s', \"\\\\n\", `é` FROM t -- ?";
    let seen: string | null = null;
    const spy: SqlRunner = {
      ...session.run,
      rows: async (text, values) => {
        if (text.startsWith('PREPARE')) seen = session.variable();
        return session.run.rows(text, values);
      },
    };
    expect(await refusal(refuseStoredCode(spy, sql, true))).toBe(undefined);
    expect(seen).toBe(sql);
    expect(session.variable()).toBe(null);
    expect(session.sent).toContain('DEALLOCATE PREPARE acd_stored_code_check');
  });

  it('refuses a statement the server cannot prepare (1295): it cannot be checked', async () => {
    const session = fakeSession({ loads: 0, errno: 1295 });
    expect(await refusal(refuseStoredCode(session.run, 'SELECT 1', true))).toMatch(/could not check this statement/);
    expect(session.variable()).toBe(null);
  });

  it('refuses a UDF before preparing, when the login may read mysql.func', async () => {
    const session = fakeSession({ loads: 0, udfs: ['sys_exec'] });
    const message = await refusal(refuseStoredCode(session.run, "SELECT SYS_EXEC('id')", true));
    expect(message).toMatch(/sys_exec, loaded into the server from a library \(a UDF\)/);
    expect(session.wasPrepared()).toBe(false);
  });
});

describe('refuseStoredCode on MySQL', () => {
  it('goes by the names alone, without preparing', async () => {
    const named = fakeSession({ loads: 1, functions: ['f_out'] });
    expect(await refusal(refuseStoredCode(named.run, 'SELECT f_out()', false))).toMatch(/`f_out`/);
    const plain = fakeSession({ loads: 1 });
    expect(await refusal(refuseStoredCode(plain.run, 'SELECT * FROM v', false))).toBe(undefined);
    expect(plain.wasPrepared()).toBe(false);
  });
});

describe('isMariadb', () => {
  const answering = (aria: boolean): SqlRunner => ({
    rows: async () => {
      if (!aria) throw new Error("Unknown system variable 'aria_block_size'");
      return [{ b: 8192 }];
    },
    errorNumber: () => undefined,
  });

  it('goes by VERSION(), and by Aria when the version string was made up', async () => {
    expect(await isMariadb(answering(false), '10.11.19-MariaDB-0+deb12u1')).toBe(true);
    expect(await isMariadb(answering(true), '8.0.30')).toBe(true);
    expect(await isMariadb(answering(false), '8.0.36')).toBe(false);
  });
});

describe('classifyMysqlError', () => {
  it('passes a refusal on as it is', () => {
    const connection = { kind: 'mysql', host: 'db', port: 3306, database: 'cms', user: 'wfm' } as MysqlConnection;
    expect(classifyMysqlError(new StoredCodeRefusal('This query calls …'), connection)).toEqual({
      category: 'ERROR',
      message: 'This query calls …',
    });
  });
});
