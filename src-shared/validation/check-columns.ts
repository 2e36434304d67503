/**
 * Column-level checks: match the result's column names to the contract of an import type. Names
 * match case-insensitively (databases fold unquoted aliases differently: PostgreSQL to lower case,
 * Oracle and Informix to upper case), with a warning, because the exact lower-case name is the
 * only spelling that works everywhere.
 */
import { finding, type Finding } from './finding';
import type { ColumnRule, ImportRules } from './rule-set-types';
import { closestName } from './string-distance';

export interface ColumnMatch {
  findings: Finding[];
  /** For each contract column (same order as rules.columns): its index in the result, if matched. */
  resultIndex: (number | undefined)[];
}

export interface ColumnCheckContext {
  importType: string;
  ruleSetId: string;
}

const quote = (name: string): string => JSON.stringify(name);

export function checkColumns(names: readonly string[], rules: ImportRules, context: ColumnCheckContext): ColumnMatch {
  const contract = rules.columns;
  const resultIndex: (number | undefined)[] = contract.map(() => undefined);
  const findings: Finding[] = [];
  const unmatched: { name: string }[] = [];
  const scope = `the ${context.importType} contract`;

  names.forEach((name, index) => {
    const exact = contract.findIndex((column) => column.name === name);
    const at = exact >= 0 ? exact : contract.findIndex((column) => column.name === name.toLowerCase());
    const column = contract[at];
    if (column === undefined) {
      unmatched.push({ name });
      return;
    }
    if (column.presence === 'not-part-of-contract') {
      findings.push(
        finding(
          'unknown-column',
          0,
          name,
          `Column ${quote(name)} is not part of ${scope} in rule set ${context.ruleSetId}; the WFM system ignores it. ` +
            `Remove it, or choose the rule set your WFM system uses if it still expects ${column.name}.`,
        ),
      );
      return;
    }
    const earlier = resultIndex[at];
    if (earlier !== undefined) {
      findings.push(
        finding(
          'duplicate-column',
          0,
          name,
          `Column ${quote(name)} appears twice (also as ${quote(names[earlier] ?? '')}); only the first is checked. ` +
            `Return ${column.name} once.`,
        ),
      );
      return;
    }
    resultIndex[at] = index;
    if (name !== column.name) {
      findings.push(
        finding(
          'column-case',
          0,
          name,
          `Column ${quote(name)} matches ${column.name} only when case is ignored. Alias it exactly as ` +
            `${column.name} (lower case, quoted if your database folds case) so every driver returns the same name.`,
        ),
      );
    }
  });

  const explained = new Set<string>();
  const inContract = contract.filter((column) => column.presence !== 'not-part-of-contract');
  for (const { name } of unmatched) {
    const missing = contract
      .filter((column, at) => column.presence !== 'not-part-of-contract' && resultIndex[at] === undefined)
      .map((column) => column.name)
      .filter((columnName) => !explained.has(columnName));
    const target = closestName(name, missing);
    if (target !== undefined) {
      explained.add(target);
      findings.push(
        misspelt(
          name,
          inContract.find((column) => column.name === target),
        ),
      );
      continue;
    }
    const near = closestName(
      name,
      inContract.map((column) => column.name),
    );
    const hint = near === undefined ? '' : ` It looks like ${near}, which the result already has.`;
    findings.push(
      finding(
        'unknown-column',
        0,
        name,
        `Column ${quote(name)} is not part of ${scope}; the WFM system ignores it.${hint}`,
      ),
    );
  }

  contract.forEach((column, at) => {
    if (column.presence !== 'required' || resultIndex[at] !== undefined || explained.has(column.name)) return;
    findings.push(
      finding(
        'required-column',
        0,
        column.name,
        `Required column ${column.name} (${column.type}: ${column.meaning}) is missing. ` +
          `Add it to the SELECT list, e.g. "... AS ${column.name}".`,
      ),
    );
  });
  return { findings, resultIndex };
}

/** One finding per misspelt alias: the missing contract column it most likely meant explains it. */
function misspelt(name: string, column: ColumnRule | undefined): Finding {
  const target = column?.name ?? '';
  if (column?.presence === 'required') {
    return finding(
      'required-column',
      0,
      name,
      `Required column ${target} is missing, and the result has ${quote(name)} — did you mean ${target}? ` +
        `Rename the alias to ${target}.`,
    );
  }
  return finding(
    'misspelt-column',
    0,
    name,
    `Column ${quote(name)} is not a contract name — did you mean ${target}? As spelt, the WFM system ignores it; ` +
      `rename the alias to ${target}.`,
  );
}
