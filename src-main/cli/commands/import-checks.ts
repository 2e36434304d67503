import type { AppContext } from '../../app-context';

export interface IntegrationCheck {
  integrationId: number;
  name: string;
  ok: boolean;
  rows?: number;
  errors?: number;
  warnings?: number;
  /** Why the preview could not run (a password to enter, an unreachable server). */
  failure?: string;
  summary: string;
}

/** Previews and validates each integration an import created, as the UI does right after it. */
export async function checkImportedIntegrations(
  context: AppContext,
  created: { id: number; systemId: number; name: string }[],
): Promise<IntegrationCheck[]> {
  const checks: IntegrationCheck[] = [];
  for (const item of created) {
    const integration = context.workspace.integrations.get(item.id);
    if (!integration || integration.sql.trim() === '') continue;
    const result = await context.dispatch('query.preview', {
      systemId: item.systemId,
      integrationId: item.id,
      sql: integration.sql,
      limit: 200,
      validation: {
        importType: integration.importType,
        intervalMinutes: integration.intervalMinutes,
        ruleSet: integration.ruleSet,
      },
    });
    if (!result.ok) {
      checks.push({
        integrationId: item.id,
        name: item.name,
        ok: false,
        failure: result.error.message,
        summary: `preview failed: ${result.error.message}`,
      });
      continue;
    }
    const preview = result.value as {
      rows: unknown[];
      validation?: { ok: boolean; countsBySeverity: { error: number; warning: number } };
    };
    const errors = preview.validation?.countsBySeverity.error ?? 0;
    const warnings = preview.validation?.countsBySeverity.warning ?? 0;
    checks.push({
      integrationId: item.id,
      name: item.name,
      ok: preview.validation?.ok ?? true,
      rows: preview.rows.length,
      errors,
      warnings,
      summary: `${preview.rows.length} row(s) previewed, ${errors} error(s), ${warnings} warning(s)`,
    });
  }
  return checks;
}
