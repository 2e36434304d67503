import pg from 'pg';
import { PG_ADMIN_URL, TEST_DATABASE } from './databases';

/**
 * Runs `setup` as the administrator in the test database, holding the same server-side lock as
 * ensurePostgresTestDatabase, so parallel test files and runs create their tables one at a time.
 * Call it after ensurePostgresTestDatabase (which creates the database and the logins).
 */
export async function adminSetup(setup: (client: pg.Client) => Promise<void>): Promise<void> {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${TEST_DATABASE}`;
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    // Released when the session ends.
    await client.query("SELECT pg_advisory_lock(hashtext('acd_link_test_setup'))");
    await setup(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
