import net from 'node:net';
import { loadDriver } from '../../../src-main/drivers/registry';
import type { DriverModule } from '../../../src-main/drivers/db-session';
import type { Connection } from '../../../src-shared/contract/model';

async function main() {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((s) => sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as net.AddressInfo).port;
  const cases: [string, Connection][] = [
    ['pg silent', { kind: 'postgres', host: '127.0.0.1', port, database: 'x', user: 'x' }],
    ['mysql silent', { kind: 'mysql', host: '127.0.0.1', port, database: 'x', user: 'x' }],
    [
      'psqlodbc silent',
      { kind: 'odbc', connectionString: `DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=${port};DATABASE=x;UID=x;` },
    ],
    [
      'mariaodbc silent',
      { kind: 'odbc', connectionString: `DRIVER={MariaDB Unicode};SERVER=127.0.0.1;PORT=${port};DATABASE=x;UID=x;` },
    ],
    ['pg enotfound', { kind: 'postgres', host: 'no-such-host.invalid', port: 5432, database: 'x', user: 'x' }],
    ['mysql enotfound', { kind: 'mysql', host: 'no-such-host.invalid', port: 3306, database: 'x', user: 'x' }],
    [
      'psqlodbc enotfound',
      {
        kind: 'odbc',
        connectionString: `DRIVER={PostgreSQL Unicode};SERVER=no-such-host.invalid;PORT=5432;DATABASE=x;UID=x;`,
      },
    ],
    [
      'mariaodbc enotfound',
      {
        kind: 'odbc',
        connectionString: `DRIVER={MariaDB Unicode};SERVER=no-such-host.invalid;PORT=3306;DATABASE=x;UID=x;`,
      },
    ],
  ];
  const only = process.argv[2];
  for (const [name, connection] of cases) {
    if (only && !name.includes(only)) continue;
    const driver = (await loadDriver(connection.kind)) as DriverModule;
    const t = performance.now();
    try {
      const s = await driver.connect(connection, 'pw', { timeoutMs: 2000 });
      console.log(name, 'OK?!');
      await s.close();
    } catch (e) {
      const c = driver.classify(e, connection);
      console.log(name, Math.round(performance.now() - t), 'ms', c.category, '-', c.message);
    }
  }
  sockets.forEach((s) => s.destroy());
  silent.close();
}
void main();
