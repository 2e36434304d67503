import fs from 'node:fs';
import path from 'node:path';
import type { Integration } from '../../../src-shared/contract/model';
import { planXlinkImport, type XlinkExportSystem } from '../../../src-main/transfer/xlink';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'xlink');
export const GENERATED_AT = new Date('2024-05-21T08:30:00.000Z');
export const APP_VERSION = '0.1.0';
export const CANARY = 'Canary-Pw-7f3a9';

let nextId = 1;
export function integration(
  fields: Partial<Integration> & Pick<Integration, 'name' | 'importType' | 'sql'>,
): Integration {
  return {
    id: nextId++,
    systemId: 1,
    intervalMinutes: 15,
    ruleSet: 'wfm-2024-05',
    realTime: false,
    reconciliation: true,
    paused: false,
    ...fields,
  };
}

/** The seed sample as imported (PostgreSQL behind its DSN), then exported again, plus an Avaya CMS system. */
export function dsnSystems(): XlinkExportSystem[] {
  const planned = planXlinkImport({
    ini: fs.readFileSync(path.join(FIXTURES, 'seed-sample.isps_ul.ini')),
    dialectForDsn: () => 'postgres',
  });
  const sample = planned.systems.map((system): XlinkExportSystem => ({
    name: system.name,
    vendor: system.vendor,
    timeZone: 'Europe/Paris',
    connection: { kind: 'odbc', connectionString: `${system.connectionString}` },
    integrations: system.integrations.map((planned) => integration({ ...planned })),
  }));
  return [
    ...sample,
    {
      name: 'Avaya CMS',
      vendor: 'avaya-cms',
      timeZone: 'Europe/Brussels',
      connection: { kind: 'odbc', connectionString: 'DSN=AvayaCMS;DELIMIDENT=y;UID=cms_reader;' },
      integrations: [],
    },
  ];
}

const AGENT_SQL = [
  'SELECT',
  '  a.login AS agentidentifier, -- the login, not the name',
  '  a.started AS starttime,',
  '  a.ended AS endtime,',
  '  a.state AS activity',
  'FROM dbo.agent_states a',
  'ORDER BY a.started',
].join('\n');

/** Connections Xlink cannot use as they are: native drivers and DSN-less strings, and awkward names. */
export function nativeSystems(): XlinkExportSystem[] {
  return [
    {
      name: 'Ventes [EU]; Brüssel → Nord',
      vendor: 'universal',
      timeZone: 'Europe/Brussels',
      connection: {
        kind: 'postgres',
        host: 'pg.example',
        port: 5432,
        database: 'acd',
        user: 'wfm;reader',
        tls: 'require',
      },
      integrations: [
        integration({
          name: 'Contacts (2023-12)',
          importType: 'contact',
          ruleSet: 'wfm-2023-12',
          sql: 'SELECT q AS queueidentifier, q AS queuename, ts AS timestamp, 1 AS offered, ok AS answered, secs AS duration FROM calls',
        }),
        integration({
          name: 'Intervals',
          importType: 'interval',
          intervalMinutes: 30,
          sql: "SELECT q AS queueidentifier, q AS queuename, slot AS timestamp, n AS offered, a AS answered, h AS handlingtime FROM half_hours WHERE q <> 'Réclamations →';",
        }),
        integration({ name: 'Broken', importType: 'agent-states', sql: 'DELETE FROM agent_states' }),
        integration({ name: 'Agent states', importType: 'agent-states', sql: 'SELECT 1' }),
      ],
    },
    {
      name: 'Call centre (SQL Server)',
      vendor: 'other',
      timeZone: 'UTC',
      connection: {
        kind: 'mssql',
        host: 'sql01',
        instance: 'ACD',
        database: 'cc',
        user: 'reader',
        encrypt: true,
        trustServerCertificate: false,
      },
      integrations: [integration({ name: 'Agent states', importType: 'agent-states', sql: AGENT_SQL })],
    },
    {
      name: 'Genesys "Info Mart"',
      vendor: 'other',
      timeZone: 'America/New_York',
      connection: {
        kind: 'odbc',
        connectionString: 'DRIVER={PostgreSQL Unicode};SERVER=infomart;PORT=5432;DATABASE=gim;UID=gim_reader;',
      },
      integrations: [],
    },
    {
      name: 'Demo',
      vendor: 'universal',
      timeZone: 'UTC',
      connection: { kind: 'sqlite', file: 'C:\\ACD\\demo.sqlite' },
      integrations: [],
    },
    {
      name: 'MariaDB site',
      vendor: 'cisco-icm',
      timeZone: 'UTC',
      connection: { kind: 'mysql', host: 'maria', port: 3306, database: 'icm', user: 'icm', tls: 'disable' },
      integrations: [],
    },
  ];
}
