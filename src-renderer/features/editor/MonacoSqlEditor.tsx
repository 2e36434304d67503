import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useEditorText } from './editor-text';
import { registerSqlCompletion, type CompletionSource } from './monaco-completion';
import { editor as monacoEditor, KeyCode, KeyMod, Selection } from './monaco-setup';
import type { CaretHandoff, SqlEditorProps } from './sql-editor-types';

type Editor = monacoEditor.IStandaloneCodeEditor;

// Esc belongs to the editor while one of its popups or modes is open: the first Esc closes the
// suggestion list (or find box, snippet, extra cursors) and only a second one cancels the query.
const ESC_IS_FREE =
  '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && ' +
  '!inSnippetMode && !editorHasMultipleSelections && !accessibilityHelpWidgetVisible';

interface Props extends SqlEditorProps {
  handoffRef: RefObject<CaretHandoff>;
}

/** Monaco as an SQL text box. Loaded lazily by SqlEditor; props may change freely while it lives. */
export function MonacoSqlEditor({ handoffRef, ...props }: Props) {
  const text = useEditorText();
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const latest = useRef({ props, text });
  const completion = useRef<CompletionSource>({ catalogue: props.completion, labels: completionLabels(text) });
  const { value, label, readOnly = false, id } = props;
  const describedBy = props['aria-describedby'];
  const invalid = props['aria-invalid'];

  // Callbacks and the catalogue change on every render; the editor reads them through refs.
  useLayoutEffect(() => {
    latest.current = { props, text };
    completion.current = { catalogue: props.completion, labels: completionLabels(text) };
  });

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const initial = latest.current;
    const editor = monacoEditor.create(container, {
      value: initial.props.value,
      language: 'sql',
      ariaLabel: initial.props.label,
      readOnly: initial.props.readOnly ?? false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontFamily: "ui-monospace, 'Cascadia Mono', Menlo, monospace",
      fontSize: 13,
      tabSize: 2,
      // The suggestion list may reach past the form's edge instead of being clipped by it.
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, comments: false, strings: false },
    });
    editorRef.current = editor;
    const subscriptions = [
      registerSqlCompletion(editor, completion),
      editor.onDidChangeModelContent(() => {
        const next = editor.getValue();
        if (next !== latest.current.props.value) latest.current.props.onChange(next);
      }),
      editor.addAction({
        id: 'acd-link.run-preview',
        label: initial.text('runAction'),
        keybindings: [KeyMod.CtrlCmd | KeyCode.Enter],
        run: () => {
          // Monaco's changes reach React outside its event system, so the last keystroke may not
          // have rendered yet; render it now, so the parent's onRun sees the text on screen.
          const current = editor.getValue();
          if (current !== latest.current.props.value) flushSync(() => latest.current.props.onChange(current));
          latest.current.props.onRun();
        },
      }),
      editor.addAction({
        id: 'acd-link.cancel-preview',
        label: initial.text('cancelAction'),
        keybindings: [KeyCode.Escape],
        keybindingContext: ESC_IS_FREE,
        run: () => latest.current.props.onCancel(),
      }),
    ];
    takeOverCaret(editor, handoffRef.current);
    return () => {
      for (const subscription of subscriptions) subscription.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, [handoffRef]);

  // A new value from outside (a template, another integration) replaces the text as one edit
  // the admin can undo; the editor's own changes come back equal and are skipped. A layout
  // effect, so it runs in the commit of the render it belongs to: a passive effect can run after
  // the next keystroke and would put an older text back.
  useLayoutEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    if (editor.getOption(monacoEditor.EditorOption.readOnly)) return model.setValue(value);
    editor.pushUndoStop();
    // A new query is read from its first line: caret and scroll go to the top, not the end.
    editor.executeEdits('acd-link', [{ range: model.getFullModelRange(), text: value }], [new Selection(1, 1, 1, 1)]);
    editor.pushUndoStop();
    editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 });
  }, [value]);

  useEffect(() => editorRef.current?.updateOptions({ ariaLabel: label, readOnly }), [label, readOnly]);

  // Field's id, help and error belong on the element that takes the keyboard.
  useEffect(() => {
    const container = containerRef.current;
    const box = container?.querySelector<HTMLElement>('[role="textbox"]');
    if (!container || !box) return;
    setAttribute(box, 'id', id);
    setAttribute(box, 'aria-describedby', describedBy);
    setAttribute(box, 'aria-invalid', invalid ? 'true' : undefined);
    // A <label for> does not focus a non-form element by itself; clicking it should.
    const fieldLabel = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
    const focus = () => editorRef.current?.focus();
    fieldLabel?.addEventListener('click', focus);
    return () => fieldLabel?.removeEventListener('click', focus);
  }, [id, describedBy, invalid]);

  return <div ref={containerRef} className="sql-editor" data-invalid={invalid ? 'true' : undefined} />;
}

function setAttribute(element: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** The plain box had the focus while Monaco loaded: keep the caret where the admin left it. */
function takeOverCaret(editor: Editor, handoff: CaretHandoff): void {
  const model = editor.getModel();
  if (!model || !handoff.focused) return;
  const start = model.getPositionAt(handoff.start);
  const end = model.getPositionAt(handoff.end);
  editor.setSelection({
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  });
  editor.focus();
}

function completionLabels(text: ReturnType<typeof useEditorText>): CompletionSource['labels'] {
  return {
    required: text('completion.required'),
    optional: text('completion.optional'),
    alreadyUsed: text('completion.alreadyUsed'),
    table: text('completion.table'),
    keyword: text('completion.keyword'),
  };
}
