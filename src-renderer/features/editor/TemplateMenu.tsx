import { useId, useMemo, useState } from 'react';
import type { ImportType } from '../../../src-shared/contract/model';
import type { Dialect } from '../../../src-shared/sql/dialect';
import { DIALECT_LABELS, queryTemplates, type IntervalMinutes } from '../../../src-shared/templates/query-templates';
import type { RuleSetId } from '../../../src-shared/validation/rule-sets';
import { useEditorText } from './editor-text';

interface Props {
  importType: ImportType;
  ruleSet: RuleSetId;
  dialect: Dialect;
  /** The aggregated interval example cuts time into this grid; 15 when absent. */
  intervalMinutes?: IntervalMinutes;
  onInsert(sql: string): void;
  disabled?: boolean;
}

/** "Insert template": the templates of the integration's import type, rule set and database. */
export function TemplateMenu({ importType, ruleSet, dialect, intervalMinutes = 15, onInsert, disabled }: Props) {
  const text = useEditorText();
  const id = useId();
  const templates = useMemo(
    () => queryTemplates({ importType, ruleSet, dialect, intervalMinutes }),
    [importType, ruleSet, dialect, intervalMinutes],
  );
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // A choice from another import type is not in the list any more: fall back to the first.
  const selected = templates.find((template) => template.id === chosen) ?? templates[0];

  const title = (kind: (typeof templates)[number]['kind'], templateDialect: Dialect) => {
    const name = text(`templates.kind.${kind}`);
    // Only the aggregated example is written for one database; say which.
    return kind === 'aggregated'
      ? text('templates.forDialect', { template: name, dialect: DIALECT_LABELS[templateDialect] })
      : name;
  };

  return (
    <div className="template-menu">
      <label htmlFor={id}>{text('templates.label')}</label>
      <select
        id={id}
        value={selected?.id ?? ''}
        onChange={(event) => setChosen(event.target.value)}
        disabled={disabled}
      >
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {title(template.kind, template.dialect)}
          </option>
        ))}
      </select>
      <button type="button" disabled={disabled || !selected} onClick={() => selected && onInsert(selected.sql)}>
        {text('templates.insert')}
      </button>
    </div>
  );
}
