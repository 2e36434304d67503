import { describe, expect, it } from 'vitest';
import { connectionSchema } from '../../../src-shared/contract/model';
import { planXlinkImport } from '../../../src-main/transfer/xlink';
import { iniBytes, notesMatching, plan } from './xlink-test-helpers';

const CANARY = 'Canary-Pw-7f3a9';

describe('which sections are systems', () => {
  it('imports sections with a DSN, a user or universal keys; lists the keys of the others', () => {
    const result = plan([
      '[General]',
      'Language = FR',
      'LogLevel = 2',
      '[Log]',
      '[Avaya CMS]',
      'DSN = AvayaCMS',
      'User = cms_reader',
      '[Only universal]',
      'QueueSQL = select 1',
      '[Only user]',
      'UID = someone',
    ]);
    expect(result.systems.map((system) => system.name)).toEqual(['Avaya CMS', 'Only universal', 'Only user']);
    expect(notesMatching(result.notes, /is not an external system/).map((item) => item.message)).toEqual([
      '[General] (line 1) is not an external system (no DSN, user or universal-interface key) and was not imported; its keys: Language, LogLevel.',
      '[Log] (line 4) is not an external system (no DSN, user or universal-interface key) and was not imported.',
    ]);
  });

  it('reads DSN and user keys in every spelling, case-insensitively', () => {
    const spellings: [string, string][] = [
      ['DSN', 'User'],
      ['odbcdsn', 'uid'],
      ['ODBC_DSN', 'UserName'],
      ['DataSource', 'ODBCUser'],
      ['Data Source', 'ODBC_User'],
      ['ODBCDataSource', 'Login'],
    ];
    for (const [dsnKey, userKey] of spellings) {
      const [system] = plan(['[S]', `${dsnKey} = Sales DSN`, `${userKey} = reader`]).systems;
      expect(system).toMatchObject({ dsn: 'Sales DSN', user: 'reader', connectionString: 'DSN=Sales DSN;UID=reader;' });
    }
  });

  it('builds a connection string the model accepts, brace-quoting values that need it', () => {
    const [system] = plan(['[S]', 'DSN = a;b', 'User = {odd}']).systems;
    expect(system?.connectionString).toBe('DSN={a;b};UID={{odd}}};');
    expect(connectionSchema.safeParse({ kind: 'odbc', connectionString: system?.connectionString }).success).toBe(true);
  });

  it('uses the first of two DSN spellings and warns when they disagree', () => {
    const result = plan(['[S]', 'DSN = first', 'ODBC_DSN = second']);
    expect(result.systems[0]?.dsn).toBe('first');
    expect(
      notesMatching(result.notes, /ODBC_DSN \(line 3\) names another data source than DSN \(line 2\)/),
    ).toHaveLength(1);
  });

  it('names the system after its section, and falls back to it as DSN with a warning when there is none', () => {
    const result = plan(['[Sales ACD]', 'User = u']);
    expect(result.systems[0]).toMatchObject({
      section: 'Sales ACD',
      name: 'Sales ACD',
      dsn: null,
      connectionString: 'DSN=Sales ACD;UID=u;',
    });
    expect(notesMatching(result.notes, /names no data source/)[0]?.severity).toBe('warning');
  });

  it('asks the caller for the dialect behind the DSN, and uses generic without a DSN', () => {
    const asked: string[] = [];
    planXlinkImport({
      ini: iniBytes(['[A]', 'DSN = PgDsn', '[B]', 'User = x']),
      dialectForDsn: (dsn) => {
        asked.push(dsn);
        return 'postgres';
      },
    });
    expect(asked).toEqual(['PgDsn']);
  });

  it('uses the generic dialect when no dialectForDsn is given', () => {
    const result = planXlinkImport({
      ini: iniBytes([
        '[A]',
        'DSN = x',
        'CallDataTable = t',
        'TimeStampColumn = ts',
        'QueueNameColumn = q',
        'ValueTypes = a',
      ]),
    });
    expect(result.systems[0]?.integrations[0]?.sql).toContain('  c.ts AS timestamp,');
  });
});

describe('vendors', () => {
  it('recognises Avaya CMS and Cisco by section name or Type/Interface key; universal keys mean universal', () => {
    const result = plan([
      '[Avaya CMS]',
      'DSN = cms',
      '[Site 2]',
      'DSN = x',
      'Interface = Avaya CMS R18',
      '[Cisco UCCE]',
      'DSN = awdb',
      '[Site 4]',
      'DSN = y',
      'Type = Cisco ICM',
      '[Universal ACD]',
      'DSN = u',
      'CallDataTable = t',
      '[Nortel Symposium (Avaya Aura)]',
      'DSN = n',
    ]);
    expect(result.systems.map((system) => [system.name, system.vendor])).toEqual([
      ['Avaya CMS', 'avaya-cms'],
      ['Site 2', 'avaya-cms'],
      ['Cisco UCCE', 'cisco-icm'],
      ['Site 4', 'cisco-icm'],
      ['Universal ACD', 'universal'],
      ['Nortel Symposium (Avaya Aura)', 'other'],
    ]);
  });

  it('adds DELIMIDENT=y after the DSN for Avaya CMS (Informix), with a note', () => {
    const result = plan(['[Avaya CMS]', 'DSN = AvayaCMS', 'User = cms']);
    expect(result.systems[0]?.connectionString).toBe('DSN=AvayaCMS;DELIMIDENT=y;UID=cms;');
    expect(notesMatching(result.notes, /DELIMIDENT=y was added/)).toHaveLength(1);
  });

  it('reminds of DELIMIDENT=y on a generic connection whose queries quote names', () => {
    const quoted = plan(
      ['[S]', 'DSN = x', 'CallDataTable = call data', 'TimeStampColumn = ts', 'QueueNameColumn = q'],
      'generic',
    );
    expect(notesMatching(quoted.notes, /add DELIMIDENT=y; after the DSN/)).toHaveLength(1);
    const plain = plan(
      ['[S]', 'DSN = x', 'CallDataTable = calls', 'TimeStampColumn = ts', 'QueueNameColumn = q'],
      'generic',
    );
    expect(notesMatching(plain.notes, /DELIMIDENT/)).toEqual([]);
    expect(
      notesMatching(
        plan(['[S]', 'DSN = x', 'CallDataTable = call data', 'TimeStampColumn = ts', 'QueueNameColumn = q']).notes,
        /DELIMIDENT/,
      ),
    ).toEqual([]);
  });

  it('plans a standard-interface section as a system without integrations, pointing to the templates', () => {
    const result = plan(['[Avaya CMS]', 'DSN = AvayaCMS']);
    expect(result.systems[0]?.integrations).toEqual([]);
    expect(
      notesMatching(
        result.notes,
        /^Xlink's built-in interface for Avaya CMS .* create the integrations from the templates/,
      )[0],
    ).toMatchObject({
      severity: 'info',
      section: 'Avaya CMS',
    });
  });
});

describe('what cannot be translated is reported, never dropped', () => {
  const SECTION = [
    '[Universal ACD]',
    'DSN = acd',
    'User = reader',
    `Password = ${CANARY}`,
    `EncodedPassword = 0x${Buffer.from(CANARY).toString('hex')}`,
    'ScriptFile = C:\\Xlink\\prepare.vbs',
    'CustomSQL = exec prepare_stats',
    'RefreshMinutes = 15',
    `ApiToken = ${CANARY}`,
    `ConnectString = DSN=acd;PWD=${CANARY}`,
    'QueueSQL = select queue_name from queue_table',
  ];

  it('says once that the encoded password cannot be read, naming the keys and lines', () => {
    const [warning, ...others] = notesMatching(plan(SECTION).notes, /password is stored encoded/);
    expect(others).toEqual([]);
    expect(warning).toEqual({
      severity: 'warning',
      section: 'Universal ACD',
      key: 'Password',
      line: 4,
      message:
        "Password (line 4), EncodedPassword (line 5): the password is stored encoded by Xlink's tool and cannot be read: enter it again after the import.",
    });
  });

  it('says custom scripts are not migrated', () => {
    const notes = notesMatching(plan(SECTION).notes, /custom scripts are not migrated/);
    expect(notes.map((item) => [item.key, item.line, item.severity])).toEqual([
      ['ScriptFile', 6, 'warning'],
      ['CustomSQL', 7, 'warning'],
    ]);
  });

  it('lists every unknown key with its line, showing the value unless it looks secret', () => {
    const notes = notesMatching(plan(SECTION).notes, /is not a key the import knows/);
    expect(notes.map((item) => item.message)).toEqual([
      'RefreshMinutes (line 8) is not a key the import knows, so it was not translated (its value was "15"). If it mattered in Xlink, rebuild it by hand.',
      'ApiToken (line 9) is not a key the import knows, so it was not translated (its value is not shown). If it mattered in Xlink, rebuild it by hand.',
      'ConnectString (line 10) is not a key the import knows, so it was not translated (its value was "DSN=acd;PWD=***"). If it mattered in Xlink, rebuild it by hand.',
    ]);
  });

  it('never lets the password, in clear or hex, into the plan or its notes', () => {
    const everything = JSON.stringify(plan(SECTION));
    expect(everything).not.toContain(CANARY);
    expect(everything).not.toContain(Buffer.from(CANARY).toString('hex'));
  });

  it('quotes QueueSQL and ActivitySQL in info notes, since the new contract does not need them', () => {
    const [queueSql] = notesMatching(plan(SECTION).notes, /^QueueSQL is not needed/);
    expect(queueSql).toMatchObject({ severity: 'info', key: 'QueueSQL', line: 11 });
    expect(queueSql?.message).toContain('"select queue_name from queue_table"');
  });

  it('notes keys written before the first section, which Xlink never read', () => {
    const result = plan(['DSN = stray', '[A]', 'DSN = a']);
    expect(
      notesMatching(result.notes, /isps_ul\.ini line 1 ignored: DSN comes before the first \[section\]/),
    ).toHaveLength(1);
  });

  it('says when a file holds no system at all', () => {
    const result = plan(['[General]', 'Language = FR']);
    expect(result.systems).toEqual([]);
    expect(notesMatching(result.notes, /holds no external system section/)).toHaveLength(1);
  });
});
