import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src-main/app-context';
import { runInDriverProcess } from '../../../src-main/driver-process/driver-runner';
import type { DriverRun } from '../../../src-main/services/test-connection';
import { renderHandoffMarkdown } from '../../../src-main/transfer/handoff';
import { useAppContexts } from '../../support/app-contexts';
import { createSqliteTestFile, TEST_TABLE } from '../../support/databases';
import { callErr, callOk } from '../../support/rpc-calls';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-last-validation-');
const openContext = useAppContexts();

const INTERVAL_CONTRACT = { importType: 'interval', intervalMinutes: 15, ruleSet: 'wfm-2024-05' } as const;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const storedCount = (context: AppContext) =>
  (context.workspace.db.prepare('SELECT count(*) AS n FROM last_validations').get() as { n: number }).n;

async function demoInterval(context: AppContext) {
  const [demo] = await callOk(context.dispatch, 'workspace.tree', {});
  const integration = demo!.integrations.find((candidate) => candidate.importType === 'interval')!;
  return { system: demo!, integration };
}

/** A second system on its own SQLite file, with one integration over the fixture table. */
async function otherSystem(context: AppContext, dir: string) {
  const system = await callOk(context.dispatch, 'systems.create', {
    name: 'Other ACD',
    connection: { kind: 'sqlite', file: createSqliteTestFile(dir) },
  });
  const integration = await callOk(context.dispatch, 'integrations.create', {
    systemId: system.id,
    name: 'Intervals',
    importType: 'interval',
    sql: `SELECT queue_id AS queueidentifier, queue_name AS queuename, interval_start AS timestamp,
      offered, answered, handling_time AS handlingtime FROM ${TEST_TABLE}`,
  });
  return { system, integration };
}

describe(
  'the last validation of an integration (query.preview / query.validate with integrationId)',
  { timeout: 30_000 },
  () => {
    it('is kept after a preview with a contract, then replaced by a full validation, and goes with the integration', async () => {
      const context = openContext({ dataDir: tempDir().path });
      const { system, integration } = await demoInterval(context);
      const started = Date.now();

      const preview = await callOk(context.dispatch, 'query.preview', {
        systemId: system.id,
        integrationId: integration.id,
        sql: integration.sql,
        limit: 50,
        validation: INTERVAL_CONTRACT,
      });
      const afterPreview = context.workspace.validationHistory.get(integration.id);
      expect(afterPreview).toEqual({
        kind: 'preview',
        finishedAt: expect.any(String),
        sqlSha256: sha256(integration.sql),
        ...INTERVAL_CONTRACT,
        rowsChecked: 50,
        countsBySeverity: preview.validation!.countsBySeverity,
        findingCounts: preview.validation!.findingCounts,
        ok: preview.validation!.ok,
        firstTimestamp: preview.validation!.firstTimestamp,
        lastTimestamp: preview.validation!.lastTimestamp,
      });
      expect(Date.parse(afterPreview!.finishedAt)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(afterPreview!.finishedAt)).toBeLessThanOrEqual(Date.now());

      const full = await callOk(context.dispatch, 'query.validate', {
        systemId: system.id,
        integrationId: integration.id,
        sql: integration.sql,
        runId: 'full-1',
        validation: INTERVAL_CONTRACT,
      });
      expect(full.rowsChecked).toBeGreaterThan(1000);
      expect(context.workspace.validationHistory.get(integration.id)).toEqual({
        kind: 'full',
        finishedAt: expect.any(String),
        sqlSha256: sha256(integration.sql),
        ...INTERVAL_CONTRACT,
        rowsChecked: full.rowsChecked,
        countsBySeverity: full.countsBySeverity,
        findingCounts: full.findingCounts,
        ok: full.ok,
        firstTimestamp: full.firstTimestamp,
        lastTimestamp: full.lastTimestamp,
      });
      expect(storedCount(context)).toBe(1);

      await callOk(context.dispatch, 'integrations.delete', { id: integration.id });
      expect(context.workspace.validationHistory.get(integration.id)).toBeUndefined();
      expect(storedCount(context)).toBe(0);
    });

    it('is left as it was by runs that check no contract, name no integration, or fail', async () => {
      const context = openContext({ dataDir: tempDir().path });
      const { system, integration } = await demoInterval(context);
      const base = { systemId: system.id, sql: integration.sql, limit: 5 };
      await callOk(context.dispatch, 'query.preview', {
        ...base,
        integrationId: integration.id,
        validation: INTERVAL_CONTRACT,
      });
      const kept = context.workspace.validationHistory.get(integration.id);
      expect(kept?.rowsChecked).toBe(5);

      await callOk(context.dispatch, 'query.preview', { ...base, integrationId: integration.id, limit: 7 });
      await callOk(context.dispatch, 'query.preview', { ...base, limit: 9, validation: INTERVAL_CONTRACT });
      const failed = await callErr(context.dispatch, 'query.preview', {
        ...base,
        sql: 'SELECT * FROM no_such_table',
        integrationId: integration.id,
        validation: INTERVAL_CONTRACT,
      });
      expect(failed.code).toBe('QUERY_FAILED');
      const refused = await callErr(context.dispatch, 'query.validate', {
        systemId: system.id,
        integrationId: integration.id,
        sql: 'DELETE FROM queues',
        runId: 'refused',
        validation: INTERVAL_CONTRACT,
      });
      expect(refused.code).toBe('QUERY_REFUSED');

      expect(context.workspace.validationHistory.get(integration.id)).toEqual(kept);
      expect(storedCount(context)).toBe(1);
    });

    it('is refused for an integration of another system, or one that does not exist, before anything runs', async () => {
      const dir = tempDir();
      let driverRuns = 0;
      const countingRun: DriverRun = (request, deadlineMs, options) => {
        driverRuns++;
        return runInDriverProcess(request, deadlineMs, options);
      };
      const context = openContext({ dataDir: dir.path, runDriver: countingRun });
      const demo = await demoInterval(context);
      const other = await otherSystem(context, dir.path);

      const crossed = await callErr(context.dispatch, 'query.preview', {
        systemId: demo.system.id,
        integrationId: other.integration.id,
        sql: demo.integration.sql,
        validation: INTERVAL_CONTRACT,
      });
      expect(crossed.code).toBe('INVALID_INPUT');
      expect(crossed.issues?.[0]?.path).toBe('integrationId');
      expect(crossed.message).toContain('"Intervals"');
      expect(crossed.message).toContain('belongs to another external system');

      const missing = await callErr(context.dispatch, 'query.validate', {
        systemId: demo.system.id,
        integrationId: 999,
        sql: demo.integration.sql,
        runId: 'missing',
        validation: INTERVAL_CONTRACT,
      });
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.issues?.[0]?.path).toBe('integrationId');
      expect(driverRuns).toBe(0);
      expect(storedCount(context)).toBe(0);

      // The same integration on its own system runs and is kept: the refusal was about the pairing.
      await callOk(context.dispatch, 'query.preview', {
        systemId: other.system.id,
        integrationId: other.integration.id,
        sql: other.integration.sql,
        validation: INTERVAL_CONTRACT,
      });
      expect(driverRuns).toBe(1);
      expect(context.workspace.validationHistory.get(other.integration.id)?.rowsChecked).toBe(3);
    });

    it('goes with its system (cascade), and the hand-off sheet reports it until the SQL changes', async () => {
      const dir = tempDir();
      const context = openContext({ dataDir: dir.path });
      const other = await otherSystem(context, dir.path);
      const validation = { importType: 'interval', intervalMinutes: 15, ruleSet: 'wfm-2024-05' } as const;
      await callOk(context.dispatch, 'query.validate', {
        systemId: other.system.id,
        integrationId: other.integration.id,
        sql: other.integration.sql,
        runId: 'other',
        validation,
      });

      const sheet = () => {
        const integration = context.workspace.integrations.get(other.integration.id)!;
        const lastValidation = context.workspace.validationHistory.get(integration.id);
        return renderHandoffMarkdown({
          system: other.system,
          integration,
          ...(lastValidation ? { lastValidation } : {}),
          generatedAt: new Date(),
          appVersion: '0.1.0',
        });
      };
      expect(sheet()).toContain('| Kind | Full validation (every row) |');
      expect(sheet()).toContain('| Rows checked | 3 |');
      expect(sheet()).not.toContain('The SQL changed after this validation');

      await callOk(context.dispatch, 'integrations.update', {
        id: other.integration.id,
        patch: { sql: `${other.integration.sql} ORDER BY 1` },
      });
      expect(sheet()).toContain('The SQL changed after this validation');

      await callOk(context.dispatch, 'systems.delete', { id: other.system.id });
      expect(context.workspace.validationHistory.get(other.integration.id)).toBeUndefined();
      expect(storedCount(context)).toBe(0);
    });
  },
);
