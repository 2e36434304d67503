import type mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { classifyMysqlError } from '../../../../src-main/drivers/mysql/mysql-classify';
import type { MysqlConnection } from '../../../../src-main/drivers/mysql/mysql-config';
import { calledNames, refuseStoredCode, StoredCodeRefusal } from '../../../../src-main/drivers/mysql/mysql-stored-code';

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

/** A session whose answers are scripted: status counters before and after preparing, and catalogue rows. */
function fakeSession(options: { loads: number; views?: number; functions?: string[]; udfs?: string[] }) {
  let prepared = false;
  const sent: string[] = [];
  const query = async (sql: string, values?: unknown[]) => {
    sent.push(sql);
    if (sql.startsWith('SHOW SESSION STATUS')) {
      const after = prepared ? 1 : 0;
      return [
        { Variable_name: 'Handler_read_key', Value: String(10 + after * options.loads) },
        { Variable_name: 'Opened_views', Value: String(after * (options.views ?? 0)) },
      ] as mysql.RowDataPacket[];
    }
    if (sql.includes('information_schema.ROUTINES')) {
      const asked = new Set((values?.[0] as string[]) ?? []);
      return (options.functions ?? [])
        .filter((name) => asked.has(name))
        .map((n) => ({ s: 'cms', n })) as mysql.RowDataPacket[];
    }
    if (sql.includes('mysql.func')) {
      if (options.udfs === undefined) throw new Error('SELECT command denied');
      return options.udfs.map((name) => ({ name })) as mysql.RowDataPacket[];
    }
    throw new Error(`unexpected ${sql}`);
  };
  const conn = {
    prepare: async () => {
      prepared = true;
    },
    unprepare: () => undefined,
  } as unknown as mysql.Connection;
  return { conn, query, sent, wasPrepared: () => prepared };
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
    expect(await refusal(refuseStoredCode(session.conn, session.query, 'SELECT count(*) FROM t', true))).toBe(
      undefined,
    );
    expect(session.wasPrepared()).toBe(true);
  });

  it('names the visible function the statement calls', async () => {
    const session = fakeSession({ loads: 1, functions: ['f_out'] });
    const message = await refusal(refuseStoredCode(session.conn, session.query, 'SELECT f_out()', true));
    expect(message).toMatch(/^This query calls the stored function `cms`\.`f_out`\. A preview cannot stop/);
    expect(message).toMatch(/write what the function computes into the query itself\.$/);
  });

  it('says a view runs it when the login sees no function by that name', async () => {
    const session = fakeSession({ loads: 1, views: 1 });
    const message = await refusal(refuseStoredCode(session.conn, session.query, 'SELECT * FROM v', true));
    expect(message).toMatch(/inside a view it reads.*read the view's tables instead/);
  });

  it('refuses a UDF before preparing, when the login may read mysql.func', async () => {
    const session = fakeSession({ loads: 0, udfs: ['sys_exec'] });
    const message = await refusal(refuseStoredCode(session.conn, session.query, "SELECT SYS_EXEC('id')", true));
    expect(message).toMatch(/sys_exec, loaded into the server from a library \(a UDF\)/);
    expect(session.wasPrepared()).toBe(false);
  });
});

describe('refuseStoredCode on MySQL', () => {
  it('goes by the names alone, without preparing', async () => {
    const named = fakeSession({ loads: 1, functions: ['f_out'] });
    expect(await refusal(refuseStoredCode(named.conn, named.query, 'SELECT f_out()', false))).toMatch(/`f_out`/);
    const plain = fakeSession({ loads: 1 });
    expect(await refusal(refuseStoredCode(plain.conn, plain.query, 'SELECT * FROM v', false))).toBe(undefined);
    expect(plain.wasPrepared()).toBe(false);
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
