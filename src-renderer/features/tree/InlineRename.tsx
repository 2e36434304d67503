import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/store-context';
import type { TreeItem } from './tree-model';

/** Rename in place: Enter saves, Escape cancels; a rejected name keeps the editor open with the reason. */
export function InlineRename({
  item,
  onDone,
}: {
  item: Extract<TreeItem, { kind: 'system' | 'integration' }>;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const updateSystem = useAppStore((state) => state.updateSystem);
  const updateIntegration = useAppStore((state) => state.updateIntegration);
  const original = item.kind === 'system' ? item.system.name : item.integration.name;
  const [value, setValue] = useState(original);
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const save = async () => {
    if (value === original) return onDone();
    const result =
      item.kind === 'system'
        ? await updateSystem(item.system.id, { name: value })
        : await updateIntegration(item.integration.id, { name: value });
    if (result.ok) onDone();
    else setError(result.error.issues?.[0]?.message ?? result.error.message);
  };

  return (
    <span className="inline-rename" onClick={(event) => event.stopPropagation()}>
      <input
        ref={input}
        aria-label={t('tree.renameLabel', { name: original })}
        aria-invalid={error !== undefined}
        aria-describedby={error ? 'rename-error' : undefined}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') void save();
          if (event.key === 'Escape') onDone();
        }}
      />
      {error && (
        <span id="rename-error" role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
