import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../../src-main/app-context';
import type { Integration } from '../../../src-shared/contract/model';
import { runCliCaptured } from '../../support/cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-cli-int-');

async function homeWithSystem(): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const dir = tempDir();
  createAppContext({ dataDir: dir.path, seedDemo: false }).close();
  const env = { ACD_LINK_HOME: dir.path };
  const add = await runCliCaptured(
    ['systems', 'add', '--name', 'Avaya', '--kind', 'sqlite', '--file', 'acd.sqlite'],
    env,
  );
  expect(add.code).toBe(0);
  return { dir: dir.path, env };
}

async function listIntegrations(env: NodeJS.ProcessEnv): Promise<(Integration & { system: string })[]> {
  const run = await runCliCaptured(['integrations', 'list', '--json'], env);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as (Integration & { system: string })[];
}

describe('acd-link integrations add', () => {
  it('adds an integration with the SQL read from --sql FILE', async () => {
    const { dir, env } = await homeWithSystem();
    const sqlFile = `${dir}/interval.sql`;
    const sql = 'SELECT queue AS queueidentifier,\n       ts AS timestamp\nFROM interval_stats -- é ü\n';
    fs.writeFileSync(sqlFile, sql);
    const run = await runCliCaptured(
      [
        'integrations',
        'add',
        '--system',
        'avaya',
        '--name',
        'Calls',
        '--import-type',
        'interval',
        '--interval',
        '30',
        '--rules',
        'wfm-2023-12',
        '--sql',
        sqlFile,
        '--paused',
      ],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Added integration "Calls" to "Avaya" \(id \d+\)\.\n$/);
    expect(await listIntegrations(env)).toEqual([
      expect.objectContaining({
        system: 'Avaya',
        name: 'Calls',
        importType: 'interval',
        intervalMinutes: 30,
        ruleSet: 'wfm-2023-12',
        sql,
        paused: true,
        reconciliation: true,
        realTime: false,
      }),
    ]);
    const table = await runCliCaptured(['integrations', 'list'], env);
    expect(table.stdout).toMatch(/Avaya\s+Calls\s+interval\s+30 min\s+wfm-2023-12\s+paused/);
  });

  it('uses the defaults and honours --no-reconciliation and --real-time', async () => {
    const { env } = await homeWithSystem();
    expect(
      (
        await runCliCaptured(
          ['integrations', 'add', '--system', 'Avaya', '--name', 'A', '--import-type', 'contact'],
          env,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await runCliCaptured(
          [
            'integrations',
            'add',
            '--system',
            'Avaya',
            '--name',
            'B',
            '--import-type',
            'agent-states',
            '--no-reconciliation',
            '--real-time',
          ],
          env,
        )
      ).code,
    ).toBe(0);
    const [a, b] = await listIntegrations(env);
    expect(a).toMatchObject({
      name: 'A',
      intervalMinutes: 15,
      ruleSet: 'wfm-2024-05',
      reconciliation: true,
      paused: false,
      realTime: false,
      sql: '',
    });
    expect(b).toMatchObject({ name: 'B', reconciliation: false, realTime: true });
  });

  it.each([
    ['--interval 20', ['--interval', '20'], /--interval: must be 15 or 30 minutes/],
    ['--interval abc', ['--interval', 'abc'], /--interval must be a whole number/],
    [
      'an unknown import type',
      ['--import-type', 'tickets'],
      /--import-type: must be one of interval, contact, agent-states/,
    ],
    ['an unknown rule set', ['--rules', 'wfm-1999'], /--rules: must be one of/],
    ['a missing SQL file', ['--sql', '/nonexistent/query.sql'], /cannot read --sql \/nonexistent\/query.sql: ENOENT/],
    ['an unknown system', ['--system', 'Genesys'], /There is no external system named "Genesys"/],
  ])('exits 2 for %s and adds nothing', async (_label, override, message) => {
    const { env } = await homeWithSystem();
    const base: Record<string, string> = { '--system': 'Avaya', '--name': 'Calls', '--import-type': 'interval' };
    const args = Object.entries(base)
      .filter(([flag]) => !override.includes(flag))
      .flat();
    const run = await runCliCaptured(['integrations', 'add', ...args, ...override], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(await listIntegrations(env)).toEqual([]);
  });

  it.each(['--system', '--name', '--import-type'])('exits 2 naming %s when it is missing', async (flag) => {
    const { env } = await homeWithSystem();
    const base: Record<string, string> = { '--system': 'Avaya', '--name': 'Calls', '--import-type': 'interval' };
    const args = Object.entries(base)
      .filter(([name]) => name !== flag)
      .flat();
    const run = await runCliCaptured(['integrations', 'add', ...args], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${flag} is required`);
  });

  it('exits 2 for a duplicate integration name in the same system', async () => {
    const { env } = await homeWithSystem();
    const args = ['integrations', 'add', '--system', 'Avaya', '--import-type', 'interval', '--name'];
    expect((await runCliCaptured([...args, 'Calls'], env)).code).toBe(0);
    const run = await runCliCaptured([...args, 'CALLS'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already has an integration named "Calls"');
    expect(await listIntegrations(env)).toHaveLength(1);
  });

  it('lists only one system with --system', async () => {
    const { env } = await homeWithSystem();
    await runCliCaptured(['systems', 'add', '--name', 'Genesys', '--kind', 'sqlite', '--file', 'g.sqlite'], env);
    await runCliCaptured(['integrations', 'add', '--system', 'Avaya', '--name', 'A', '--import-type', 'interval'], env);
    await runCliCaptured(
      ['integrations', 'add', '--system', 'Genesys', '--name', 'G', '--import-type', 'interval'],
      env,
    );
    const run = await runCliCaptured(['integrations', 'list', '--system', 'genesys', '--json'], env);
    expect((JSON.parse(run.stdout) as { name: string }[]).map((row) => row.name)).toEqual(['G']);
  });
});
