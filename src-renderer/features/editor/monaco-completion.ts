import type { RefObject } from 'react';
import { completionItems, type CompletionCatalogue, type CompletionLabels } from './completion-items';
import type { CompletionKind } from './completion-types';
import { editor as monacoEditor, languages, type IDisposable } from './monaco-setup';

const KINDS: Readonly<Record<CompletionKind, languages.CompletionItemKind>> = {
  alias: languages.CompletionItemKind.Property,
  table: languages.CompletionItemKind.Struct,
  column: languages.CompletionItemKind.Field,
  keyword: languages.CompletionItemKind.Keyword,
};

export interface CompletionSource {
  catalogue: CompletionCatalogue;
  labels: CompletionLabels;
}

/**
 * Registers completion for one editor. Providers are global per language in Monaco, so this one
 * answers only for its own editor's model and reads the catalogue through a ref that the
 * component keeps current: the catalogue grows while tables and columns load.
 */
export function registerSqlCompletion(
  editor: monacoEditor.IStandaloneCodeEditor,
  source: RefObject<CompletionSource>,
): IDisposable {
  return languages.registerCompletionItemProvider('sql', {
    // '.' lists a table's columns; ' ' opens the list right after AS, FROM or JOIN.
    triggerCharacters: ['.', ' '],
    provideCompletionItems(model, position, context) {
      if (model !== editor.getModel()) return { suggestions: [] };
      const text = model.getValue();
      const offset = model.getOffsetAt(position);
      if (context.triggerCharacter === ' ' && !/\b(AS|FROM|JOIN)\s$/i.test(text.slice(0, offset)))
        return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const items = completionItems(text, offset, source.current.catalogue, source.current.labels);
      return {
        suggestions: items.map((item) => ({
          label: { label: item.label, description: item.detail },
          kind: KINDS[item.kind],
          detail: item.detail,
          // Plain text, never markdown: names and types come from the customer's database.
          documentation: item.documentation,
          insertText: item.insertText,
          sortText: item.sortText,
          filterText: item.label,
          range,
        })),
      };
    },
  });
}
