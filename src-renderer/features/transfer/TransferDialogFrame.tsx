import { useEffect, useRef, type ReactNode } from 'react';
import './transfer.css';

interface Props {
  titleId: string;
  title: string;
  /** While true, Esc does nothing: an import that is being written is not abandoned halfway. */
  busy?: boolean;
  /** Names the dialog's current step; a new step starts at the top with focus on the title. */
  step?: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert,
 * keeps Tab inside and closes on Esc, so keyboard users get a real modal without a focus trap of
 * our own. Focus returns to whatever opened it. Each step ends with its own buttons (kept in view
 * while the body scrolls), one of which closes.
 */
export function TransferDialogFrame({ titleId, title, busy = false, step, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);
  // The button that led here (Import, Read the files) is gone with the old step: without this,
  // focus would fall to the page behind and the new step would open scrolled halfway down.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    dialog.current?.scrollTo({ top: 0 });
    heading.current?.focus();
  }, [step]);
  return (
    <dialog
      ref={dialog}
      className="dialog transfer-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // React owns whether the dialog exists: Esc asks to close instead of closing the element.
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
