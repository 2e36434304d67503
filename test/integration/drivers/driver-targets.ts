import type { WriteAccess } from '../../../src-main/drivers/db-session';
import { connectionSchema, type Connection } from '../../../src-shared/contract/model';
import {
  CANARY_PASSWORD,
  createSqliteTestFile,
  ensureMysqlTestDatabase,
  ensurePostgresTestDatabase,
  MYSQL_ENDPOINT,
  PG_ENDPOINT,
  PG_PASSWORD_HINT,
  postgresChecksPasswords,
  READER_LOGIN,
  TEST_DATABASE,
  WRITER_LOGIN,
} from '../../support/databases';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

/**
 * The databases the one shared driver suite runs against. Each target says how to build a
 * connection for a scenario; the suite decides what must happen. Connections go through the
 * contract's schema, so they are shapes the product really stores.
 */
export type Login = 'reader' | 'writer';

export interface Attempt {
  connection: Connection;
  password: string | undefined;
}

export interface Target {
  name: string;
  setUp(): Promise<void>;
  tearDown(): void;
  versionPattern: RegExp;
  login(login: Login): Attempt;
  unknownDatabase(): Attempt;
  /** Targets without logins (SQLite) have no wrong password. */
  wrongPassword?: () => Attempt;
  /** Whether the server checks passwords at all, and what to do when it does not. */
  passwordCheck?: { probe: () => Promise<boolean>; hint: string };
  closedPort?: (port: number) => Attempt;
  /** A login with grants on single tables only: MariaDB answers an unknown database with 1044. */
  scopedLoginUnknownDatabase?: () => Attempt;
  writeAccess: Record<Login, WriteAccess['state']>;
  /** Where queue_stats lives: the schema (or MariaDB database) name, or null without namespaces. */
  namespace: string | null;
}

const MISSING_DATABASE = 'acd_link_missing_db';
const WRONG_PASSWORD = `X${CANARY_PASSWORD}`;
const loginName = (login: Login) => (login === 'reader' ? READER_LOGIN : WRITER_LOGIN);

function attempt(connection: unknown, password: string | undefined = CANARY_PASSWORD): Attempt {
  return { connection: connectionSchema.parse(connection), password };
}

const postgres: Target = {
  name: 'postgres (pg)',
  setUp: ensurePostgresTestDatabase,
  tearDown: () => undefined,
  versionPattern: /^PostgreSQL \d+/,
  login: (login) => attempt({ kind: 'postgres', ...PG_ENDPOINT, database: TEST_DATABASE, user: loginName(login) }),
  unknownDatabase: () => attempt({ kind: 'postgres', ...PG_ENDPOINT, database: MISSING_DATABASE, user: READER_LOGIN }),
  wrongPassword: () =>
    attempt({ kind: 'postgres', ...PG_ENDPOINT, database: TEST_DATABASE, user: READER_LOGIN }, WRONG_PASSWORD),
  passwordCheck: { probe: postgresChecksPasswords, hint: PG_PASSWORD_HINT },
  closedPort: (port) =>
    attempt({ kind: 'postgres', host: '127.0.0.1', port, database: TEST_DATABASE, user: READER_LOGIN }),
  writeAccess: { reader: 'read-only', writer: 'can-write' },
  namespace: 'public',
};

const mysql: Target = {
  name: 'mysql (mysql2 → MariaDB)',
  setUp: ensureMysqlTestDatabase,
  tearDown: () => undefined,
  versionPattern: /^MariaDB \d+\.\d+/,
  login: (login) => attempt({ kind: 'mysql', ...MYSQL_ENDPOINT, database: TEST_DATABASE, user: loginName(login) }),
  unknownDatabase: () => attempt({ kind: 'mysql', ...MYSQL_ENDPOINT, database: MISSING_DATABASE, user: READER_LOGIN }),
  wrongPassword: () =>
    attempt({ kind: 'mysql', ...MYSQL_ENDPOINT, database: TEST_DATABASE, user: READER_LOGIN }, WRONG_PASSWORD),
  closedPort: (port) =>
    attempt({ kind: 'mysql', host: '127.0.0.1', port, database: TEST_DATABASE, user: READER_LOGIN }),
  scopedLoginUnknownDatabase: () =>
    attempt({ kind: 'mysql', ...MYSQL_ENDPOINT, database: MISSING_DATABASE, user: WRITER_LOGIN }),
  writeAccess: { reader: 'read-only', writer: 'can-write' },
  namespace: TEST_DATABASE,
};

const odbc = (connectionString: string, password?: string) =>
  attempt({ kind: 'odbc', connectionString }, password ?? CANARY_PASSWORD);
const psqlOdbc = (database: string, user: string, port = PG_ENDPOINT.port) =>
  `DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=${port};DATABASE=${database};UID=${user};`;
const mariaOdbc = (database: string, user: string, port = MYSQL_ENDPOINT.port) =>
  `DRIVER={MariaDB Unicode};SERVER=127.0.0.1;PORT=${port};DATABASE=${database};UID=${user};`;

const odbcPostgres: Target = {
  name: 'odbc → psqlODBC',
  setUp: ensurePostgresTestDatabase,
  tearDown: () => undefined,
  versionPattern: /^PostgreSQL \d+/,
  login: (login) => odbc(psqlOdbc(TEST_DATABASE, loginName(login))),
  unknownDatabase: () => odbc(psqlOdbc(MISSING_DATABASE, READER_LOGIN)),
  wrongPassword: () => odbc(psqlOdbc(TEST_DATABASE, READER_LOGIN), WRONG_PASSWORD),
  passwordCheck: { probe: postgresChecksPasswords, hint: PG_PASSWORD_HINT },
  closedPort: (port) => odbc(psqlOdbc(TEST_DATABASE, READER_LOGIN, port)),
  writeAccess: { reader: 'read-only', writer: 'can-write' },
  namespace: 'public',
};

const odbcMariaDb: Target = {
  name: 'odbc → MariaDB ODBC',
  setUp: ensureMysqlTestDatabase,
  tearDown: () => undefined,
  versionPattern: /^MariaDB \d+\.\d+/,
  login: (login) => odbc(mariaOdbc(TEST_DATABASE, loginName(login))),
  unknownDatabase: () => odbc(mariaOdbc(MISSING_DATABASE, READER_LOGIN)),
  wrongPassword: () => odbc(mariaOdbc(TEST_DATABASE, READER_LOGIN), WRONG_PASSWORD),
  closedPort: (port) => odbc(mariaOdbc(TEST_DATABASE, READER_LOGIN, port)),
  scopedLoginUnknownDatabase: () => odbc(mariaOdbc(MISSING_DATABASE, WRITER_LOGIN)),
  writeAccess: { reader: 'read-only', writer: 'can-write' },
  namespace: TEST_DATABASE,
};

function odbcSqlite(): Target {
  let dir: TempDir | undefined;
  let file = '';
  const folder = () => {
    if (dir === undefined) throw new Error('setUp has not run');
    return dir;
  };
  return {
    name: 'odbc → SQLite ODBC',
    setUp: async () => {
      dir = makeTempDir('acd-sqlite-odbc-');
      file = createSqliteTestFile(dir.path);
    },
    tearDown: () => dir?.remove(),
    versionPattern: /^SQLite 3\./,
    // SQLite has no logins: both "logins" open the same file. The canary is still spliced in as
    // PWD (the driver ignores it), so its absence from messages is checked here too.
    login: () => odbc(`DRIVER={SQLite3};Database=${file};`),
    unknownDatabase: () => odbc(`DRIVER={SQLite3};Database=${folder().join('missing.sqlite')};`),
    writeAccess: { reader: 'unknown', writer: 'unknown' },
    namespace: null,
  };
}

export function driverTargets(): Target[] {
  return [postgres, mysql, odbcPostgres, odbcMariaDb, odbcSqlite()];
}

export { CANARY_PASSWORD, MISSING_DATABASE };
