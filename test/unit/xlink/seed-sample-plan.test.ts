import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPreviewable } from '../../../src-shared/sql/classify-statement';
import { DIALECTS } from '../../../src-shared/sql/dialect';
import { planXlinkImport } from '../../../src-main/transfer/xlink';
import { FIXTURES } from './export-fixtures';

/**
 * The sample section of the seed document (Xlink's French help page, "Interface Universelle"),
 * with the DSN, user and encoded password the configuration dialog adds. Its plan for every
 * dialect is kept as a reviewed golden file; regenerate with UPDATE_GOLDEN=1.
 */
const SAMPLE = fs.readFileSync(path.join(FIXTURES, 'seed-sample.isps_ul.ini'));
const GOLDEN = path.join(FIXTURES, 'seed-sample.plan.golden.txt');

function describePlans(): string {
  const out: string[] = [];
  for (const dialect of DIALECTS) {
    const result = planXlinkImport({ ini: SAMPLE, dialectForDsn: () => dialect });
    out.push(`==== dialect: ${dialect} (file encoding ${result.encoding})`);
    for (const system of result.systems) {
      const { integrations, ...rest } = system;
      out.push(`system: ${JSON.stringify(rest)}`);
      for (const integration of integrations) {
        const { sql, ...fields } = integration;
        out.push(`---- ${JSON.stringify(fields)}`, sql);
      }
    }
    out.push('---- notes');
    for (const item of result.notes) {
      out.push(`${item.severity} [${item.section ?? ''}] ${item.key ?? ''}@${item.line ?? ''}: ${item.message}`);
    }
    out.push('');
  }
  return out.join('\n');
}

describe('the seed sample section', () => {
  it('plans the golden systems, SQL and notes for every dialect', () => {
    const actual = describePlans();
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, actual);
    expect(actual).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it.each(DIALECTS)('%s: imports into three integrations that pass the statement guard', (dialect) => {
    const result = planXlinkImport({ ini: SAMPLE, dialectForDsn: () => dialect });
    expect(result.encoding).toBe('windows-1252');
    expect(result.systems.map((system) => [system.name, system.vendor, system.connectionString])).toEqual([
      ['Universal ACD', 'universal', 'DSN=XlinkSample;UID=acd_test_reader;'],
    ]);
    const integrations = result.systems[0]?.integrations ?? [];
    expect(integrations.map((item) => [item.name, item.importType])).toEqual([
      ['Intervals', 'interval'],
      ['Contacts', 'contact'],
      ['Agent states', 'agent-states'],
    ]);
    for (const item of integrations) {
      const check = checkPreviewable(item.sql, dialect);
      expect(check.ok && check.keyword, `${item.name}: ${check.ok ? '' : check.message}`).toBe('SELECT');
      expect(item.sql.split('\n')[0]).toBe(`-- ${item.name} generated from isps_ul.ini section [Universal ACD]`);
    }
    expect(result.notes.filter((item) => item.severity === 'error')).toEqual([]);
  });
});
