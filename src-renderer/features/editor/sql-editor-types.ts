import type { CompletionCatalogue } from './completion-types';

export interface SqlEditorProps {
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Esc, once no suggestion list, find box or other editor popup is open. */
  onCancel(): void;
  /** The accessible name of the text box, e.g. "SQL query". */
  label: string;
  completion: CompletionCatalogue;
  readOnly?: boolean;
  /** Set by Field: ties its <label>, help and error text to the text box. */
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * Where the caret was in the plain text box, so the editor that replaces it once loaded keeps
 * the admin's place instead of stealing or dropping focus.
 */
export interface CaretHandoff {
  focused: boolean;
  start: number;
  end: number;
}
