import { describe, expect, it } from 'vitest';
import type { ExternalSystem } from '../../../src-shared/contract/model';
import { systemPasswordKey } from '../../../src-main/secrets/secret-store';
import { renderHandoffHtml, renderHandoffMarkdown, type HandoffInput } from '../../../src-main/transfer/handoff';
import { useAppContexts } from '../../support/app-contexts';
import { CANARY_PASSWORD } from '../../support/databases';
import { callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';
import { APP_VERSION, GENERATED_AT, SAMPLE_SHEETS } from './sample-sheets';

const tempDir = useTempDirs('acd-handoff-');
const openContext = useAppContexts();

function expectNoCanary(input: HandoffInput): void {
  for (const text of [renderHandoffHtml(input), renderHandoffMarkdown(input)]) {
    expect(text.toLowerCase()).not.toContain(CANARY_PASSWORD.toLowerCase());
  }
}

describe('the hand-off sheet never carries a password', () => {
  it('of any connection type saved with the canary password in a real workspace', async () => {
    const context = openContext({ dataDir: tempDir().path, seedDemo: false });
    const server = { host: 'db.acme.local', database: 'acd', user: 'reader' };
    const connections = [
      { kind: 'postgres', port: 5432, ...server },
      { kind: 'mysql', port: 3306, ...server },
      { kind: 'mssql', instance: 'CC', ...server },
      { kind: 'odbc', connectionString: 'DSN=AvayaCMS;DELIMIDENT=y;UID=reader;' },
    ] as const;
    for (const [index, connection] of connections.entries()) {
      const system = await callOk(context.dispatch, 'systems.create', {
        name: `System ${index}`,
        connection,
        password: CANARY_PASSWORD,
      });
      await callOk(context.dispatch, 'integrations.create', {
        systemId: system.id,
        name: 'Intervals',
        importType: 'interval',
        sql: 'SELECT 1',
      });
      // The canary really is in the workspace, within reach of anything that would leak it.
      expect(context.workspace.secrets.read(systemPasswordKey(system.id))).toEqual({
        state: 'present',
        value: CANARY_PASSWORD,
      });
    }
    const tree = await callOk(context.dispatch, 'workspace.tree', {});
    expect(tree).toHaveLength(connections.length);
    for (const { integrations, ...system } of tree) {
      expect(system.passwordSet).toBe(true);
      expectNoCanary({ system, integration: integrations[0]!, generatedAt: GENERATED_AT, appVersion: APP_VERSION });
    }
  });

  it('even when an ODBC string would carry one (a hand-edited or older store)', () => {
    const base = SAMPLE_SHEETS['odbc-agent-states-not-validated']!;
    const strings = [
      `DSN=AvayaCMS;UID=reader;PWD=${CANARY_PASSWORD};DELIMIDENT=y;`,
      `DSN=AvayaCMS;pwd={${CANARY_PASSWORD};x}}y};`,
      `DRIVER={PostgreSQL Unicode};SERVER=h;Password=${CANARY_PASSWORD}`,
      `DRIVER={Simba Athena};AuthenticationType=IAM;SecretKey=${CANARY_PASSWORD};SessionToken=${CANARY_PASSWORD};`,
      // Does not parse (unterminated brace): masked by the greedy fallback.
      `DSN=x;PWD={${CANARY_PASSWORD};UID=reader`,
      `DSN=x;Server={a;PWD=${CANARY_PASSWORD}}`,
    ];
    for (const connectionString of strings) {
      const system: ExternalSystem = { ...base.system, connection: { kind: 'odbc', connectionString } };
      const input = { ...base, system };
      expectNoCanary(input);
      expect(renderHandoffMarkdown(input)).toContain('***');
    }
  });
});
