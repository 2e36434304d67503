import { Component, lazy, Suspense, useRef, type ReactNode } from 'react';
import { PlainSqlEditor } from './PlainSqlEditor';
import type { CaretHandoff, SqlEditorProps } from './sql-editor-types';
import './sql-editor.css';

export type { SqlEditorProps } from './sql-editor-types';
export type { CompletionCatalogue } from './completion-types';

// Monaco and its worker are a separate chunk, fetched the first time an editor is shown.
const MonacoSqlEditor = lazy(() => import('./MonacoSqlEditor').then((module) => ({ default: module.MonacoSqlEditor })));

/**
 * The SQL editor: Monaco once it has loaded, a plain text box with the same value and keys until
 * then, and for good if Monaco cannot load. Only one of them exists at a time, so the label
 * finds exactly one text box.
 */
export function SqlEditor(props: SqlEditorProps) {
  const handoffRef = useRef<CaretHandoff>({ focused: false, start: 0, end: 0 });
  return (
    <LoadBoundary fallback={<PlainSqlEditor {...props} handoffRef={handoffRef} failed />}>
      <Suspense fallback={<PlainSqlEditor {...props} handoffRef={handoffRef} />}>
        <MonacoSqlEditor {...props} handoffRef={handoffRef} />
      </Suspense>
    </LoadBoundary>
  );
}

/** A chunk that cannot be fetched, or an editor that throws while starting, falls back to the text box. */
class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('The SQL editor could not start; using a plain text box instead.', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
