import { describe, expect, it } from 'vitest';
import type { Connection, Integration } from '../../../src-shared/contract/model';
import { renderHandoffHtml, renderHandoffMarkdown, type HandoffInput } from '../../../src-main/transfer/handoff';
import { SAMPLE_SHEETS } from './sample-sheets';

const validated = SAMPLE_SHEETS['postgres-interval-validated']!;
const agentStates = SAMPLE_SHEETS['odbc-agent-states-not-validated']!;

const withIntegration = (input: HandoffInput, patch: Partial<Integration>): HandoffInput => ({
  ...input,
  integration: { ...input.integration, ...patch },
});
const withConnection = (input: HandoffInput, connection: Connection): HandoffInput => ({
  ...input,
  system: { ...input.system, connection },
});

/** The Markdown row of a field, e.g. "| Port | `5433` |". */
function row(input: HandoffInput, label: string): string | undefined {
  return renderHandoffMarkdown(input)
    .split('\n')
    .find((line) => line.startsWith(`| ${label} |`));
}

describe('hand-off sheet: last validation', () => {
  it('asks for a full validation when there is none', () => {
    for (const text of [renderHandoffHtml(agentStates), renderHandoffMarkdown(agentStates)]) {
      expect(text).toContain('Not validated yet - run a full validation before handing over');
      expect(text).not.toContain('Rows checked');
    }
  });

  it('says the SQL changed when the query differs from the validated one, even by a space', () => {
    expect(renderHandoffMarkdown(validated)).not.toContain('The SQL changed after this validation');
    const edited = withIntegration(validated, { sql: `${validated.integration.sql} ` });
    expect(renderHandoffMarkdown(edited)).toContain('The SQL changed after this validation');
    expect(renderHandoffHtml(edited)).toContain('The SQL changed after this validation');
  });

  it('says the import settings changed when the contract it was checked against is no longer the current one', () => {
    const text = renderHandoffMarkdown(withIntegration(validated, { intervalMinutes: 30 }));
    expect(text).toContain(
      'The import settings changed after this validation (checked as interval, 15 minutes, wfm-2024-05; now interval, 30 minutes, wfm-2024-05)',
    );
  });

  it('reports when, what kind, the counts and the time range, errors first', () => {
    const mssql = SAMPLE_SHEETS['mssql-named-instance']!;
    expect(row(mssql, 'When')).toBe('| When | 2026-11-19 09:15 UTC |');
    expect(row(mssql, 'Kind')).toBe('| Kind | Preview (the first rows only) |');
    expect(row(mssql, 'Result')).toBe('| Result | Errors found: 14 errors, 0 warnings, 0 notes |');
    expect(row(mssql, 'Time range')).toBe('| Time range | 2026-01-01 00:00:12 UTC to 2026-01-01 02:41:59 UTC |');
    const rules = renderHandoffMarkdown(validated)
      .split('\n')
      .filter(
        (line) => /^\| `[a-z0-9-]+` \| [A-Z]/.test(line) && !line.includes('| yes |') && !line.includes('| no |'),
      );
    expect(rules).toEqual([
      '| `queue-renamed` | Queue identifier with several names | warning | 2 |',
      '| `dst-repeated` | Local time occurs twice (DST fall-back) | warning | 1 |',
      '| `unknown-column` | Column not part of the contract | info | 1 |',
    ]);
  });
});

describe('hand-off sheet: connection fields per database type', () => {
  const mssql = (connection: Partial<Extract<Connection, { kind: 'mssql' }>>): Connection => ({
    kind: 'mssql',
    host: 'sql01',
    database: 'cc',
    user: 'reader',
    encrypt: true,
    trustServerCertificate: false,
    ...connection,
  });

  it('SQL Server: a port, a named instance (also written as HOST\\INSTANCE), or the default port', () => {
    const byPort = withConnection(validated, mssql({ port: 1444 }));
    expect(row(byPort, 'Database type')).toBe('| Database type | MS SQL Server |');
    expect(row(byPort, 'Host')).toBe('| Host | `sql01` |');
    expect(row(byPort, 'Port')).toBe('| Port | `1444` |');
    expect(renderHandoffMarkdown(byPort)).not.toContain('UDP 1434');

    const named = withConnection(validated, mssql({ host: 'sql01\\CCREPORT' }));
    expect(row(named, 'Host')).toBe('| Host | `sql01\\CCREPORT` |');
    expect(row(named, 'Port')).toBe('| Port | named instance CCREPORT - resolved over UDP 1434, no port |');

    // As in Microsoft's clients (and our driver), a port wins over an instance name.
    const both = withConnection(validated, mssql({ instance: 'CCREPORT', port: 1500 }));
    expect(row(both, 'Port')).toBe('| Port | `1500` |');

    const neither = withConnection(validated, mssql({}));
    expect(row(neither, 'Port')).toBe('| Port | `1433` |');
    expect(renderHandoffMarkdown(neither)).toContain("No port was entered: SQL Server's default 1433 is shown.");
  });

  it('SQL Server settings that cannot work are shown as entered, with the reason', () => {
    const clash = withConnection(validated, mssql({ host: 'sql01\\A', instance: 'B' }));
    expect(row(clash, 'Host')).toBe('| Host | `sql01\\A` |');
    expect(renderHandoffMarkdown(clash)).toContain('These SQL Server settings cannot work as written');
  });

  it('MySQL and PostgreSQL: host, port, database and user as typed', () => {
    const mysql = withConnection(validated, {
      kind: 'mysql',
      host: 'db1',
      port: 3307,
      database: 'acd',
      user: 'ro',
      tls: 'disable',
    });
    expect(row(mysql, 'Database type')).toBe('| Database type | MySQL (also for MariaDB) |');
    expect(row(mysql, 'Port')).toBe('| Port | `3307` |');
    expect(row(validated, 'Database type')).toBe('| Database type | PostgreSQL |');
    expect(row(validated, 'User')).toBe('| User | `wfm_reader` |');
    expect(row(validated, 'Password')).toBe('| Password | enter it in the WFM system (not included in this sheet) |');
  });

  it('SQLite: says the WFM system has no such type and suggests an ODBC string', () => {
    const sqlite = withConnection(validated, { kind: 'sqlite', file: '/srv/acd/acd.sqlite' });
    expect(row(sqlite, 'Database type')).toBe(
      '| Database type | none: the WFM system has no SQLite type; choose Other (ODBC) |',
    );
    expect(row(sqlite, 'ODBC connection string (suggested)')).toBe(
      '| ODBC connection string (suggested) | `DRIVER=SQLite3;Database=/srv/acd/acd.sqlite;` |',
    );
    expect(row(sqlite, 'Password')).toBe('| Password | none: an SQLite file has no password |');
  });

  it('ODBC: the connection string and its advice (Informix without DELIMIDENT)', () => {
    const informix = withConnection(agentStates, {
      kind: 'odbc',
      connectionString: 'DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=s;DATABASE=d;UID=u;',
    });
    expect(row(informix, 'Database type')).toBe('| Database type | Other (ODBC) |');
    expect(row(informix, 'Connection string')).toBe(
      '| Connection string | `DRIVER={IBM INFORMIX ODBC DRIVER};SERVER=s;DATABASE=d;UID=u;` |',
    );
    expect(renderHandoffMarkdown(informix)).toContain('Add DELIMIDENT=y; to this Informix connection string.');
    expect(renderHandoffMarkdown(agentStates)).not.toContain('DELIMIDENT=y; to this');
  });
});

describe('hand-off sheet: import settings', () => {
  it('real-time agent states only mean something for agent states', () => {
    expect(row(agentStates, 'Real-time agent states')).toBe('| Real-time agent states | On: states every 10 seconds |');
    expect(renderHandoffMarkdown(agentStates)).toContain("Avaya's Generic RTA service connects to it");
    const off = withIntegration(agentStates, { realTime: false });
    expect(row(off, 'Real-time agent states')).toBe('| Real-time agent states | Off |');
    expect(renderHandoffMarkdown(off)).not.toContain('Generic RTA');
    const interval = withIntegration(validated, { realTime: true });
    expect(row(interval, 'Real-time agent states')).toBe(
      '| Real-time agent states | On here, but it applies to agent states only: leave it off |',
    );
  });

  it('reconciliation, interval length and the rule set with its required columns', () => {
    expect(row(validated, 'Data reconciliation')).toBe(
      '| Data reconciliation | On: every 15 minutes the last 24 hours are read again |',
    );
    expect(row(withIntegration(validated, { reconciliation: false }), 'Data reconciliation')).toBe(
      '| Data reconciliation | Off: only data since the last successful import is read |',
    );
    expect(row(withIntegration(validated, { intervalMinutes: 30 }), 'Interval length')).toBe(
      '| Interval length | 30 minutes |',
    );
    const contact2023 = withIntegration(validated, { importType: 'contact', ruleSet: 'wfm-2023-12' });
    expect(row(contact2023, 'Import type')).toBe('| Import type | Contact-based (contact) |');
    expect(row(contact2023, '`offered`')).toBe('| `offered` | integer | yes | 1 if the contact was offered, else 0 |');
    expect(row(contact2023, '`duration`')).toBe('| `duration` | integer | yes | handling time of this contact |');
    // The 2024-05 contract has no offered column, so the sheet does not list it.
    const contact2024 = withIntegration(validated, { importType: 'contact' });
    expect(row(contact2024, '`offered`')).toBeUndefined();
    expect(row(agentStates, '`endtime`')).toBe(
      '| `endtime` | date-time | no | end of the activity; empty while ongoing |',
    );
  });

  it('reminds of the import behaviour and names the generator and date', () => {
    const text = renderHandoffMarkdown(validated);
    for (const reminder of ['every 15 minutes', 'last 24 hours', 'three years', 'keeps importing from where it was']) {
      expect(text).toContain(reminder);
    }
    expect(text).toContain('Generated by ACD Link Studio v0.1.0 on 2026-11-20 14:03 UTC');
  });
});
