import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { enEditor } from '../../i18n/en-editor';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type EditorTextKey = Leaves<typeof enEditor.editor>;

function english(key: EditorTextKey): string {
  let node: unknown = enEditor.editor;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return typeof node === 'string' ? node : key;
}

/**
 * The editor's strings through i18next, with the English text as default value: the keys are
 * checked against en-editor.ts here, and they work before and after `enEditor` is merged into the
 * typed catalogue (whose key type does not know them yet, hence the casts).
 */
export function useEditorText(): (key: EditorTextKey, values?: Record<string, string>) => string {
  const { t } = useTranslation();
  return useCallback(
    (key, values) => String(t(`editor.${key}` as never, { defaultValue: english(key), ...values } as never)),
    [t],
  );
}
