import { useEffect, useRef, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';
import { useEditorText } from './editor-text';
import type { CaretHandoff, SqlEditorProps } from './sql-editor-types';

interface Props extends Omit<SqlEditorProps, 'completion'> {
  handoffRef: RefObject<CaretHandoff>;
  /** Monaco failed to load: this box is the editor for good, and says so. */
  failed?: boolean;
}

/** The plain text box shown while Monaco loads, and instead of it when loading failed: same value, same keys. */
export function PlainSqlEditor({
  value,
  onChange,
  onRun,
  onCancel,
  label,
  readOnly,
  id,
  handoffRef,
  failed,
  ...aria
}: Props) {
  const text = useEditorText();
  const ref = useRef<HTMLTextAreaElement>(null);

  // Replacing the loading box with the failure box must not lose the admin's place.
  useEffect(() => {
    const box = ref.current;
    if (!box || !handoffRef.current.focused) return;
    box.focus();
    box.setSelectionRange(handoffRef.current.start, handoffRef.current.end);
  }, [handoffRef]);

  const remember = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    const box = event.currentTarget;
    handoffRef.current = { focused: box === document.activeElement, start: box.selectionStart, end: box.selectionEnd };
  };

  // Handled keys stop here, as they do in Monaco, so a form-level handler does not act twice.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      onRun();
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <>
      <textarea
        ref={ref}
        id={id}
        aria-label={label}
        aria-describedby={aria['aria-describedby']}
        aria-invalid={aria['aria-invalid']}
        className="sql sql-editor-plain"
        rows={12}
        spellCheck={false}
        readOnly={readOnly}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          remember(event);
        }}
        onKeyDown={onKeyDown}
        onSelect={remember}
        onFocus={remember}
        onBlur={remember}
      />
      {failed && <p className="help">{text('loadFailed')}</p>}
    </>
  );
}
