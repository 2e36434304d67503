import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  onSelect(): void;
}

/**
 * A button that opens a short menu, with the WAI-ARIA menu-button keys: Enter, Space or Down
 * open it on the first item, Up on the last; arrows, Home and End move; Esc closes it and returns
 * to the button; Tab or a click elsewhere closes it.
 */
export function MenuButton({ label, items }: { label: string; items: readonly MenuItem[] }) {
  const [openAt, setOpenAt] = useState<number | undefined>(undefined);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const open = openAt !== undefined;

  useEffect(() => {
    if (openAt !== undefined) itemRefs.current[openAt]?.focus();
  }, [openAt]);

  const close = (returnFocus: boolean) => {
    setOpenAt(undefined);
    if (returnFocus) button.current?.focus();
  };
  const move = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const target: Record<string, number> = {
      ArrowDown: index === last ? 0 : index + 1,
      ArrowUp: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    if (event.key in target) {
      event.preventDefault();
      itemRefs.current[target[event.key] as number]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      setOpenAt(undefined);
    }
  };

  return (
    <div
      className="menu-button"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpenAt(undefined);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpenAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpenAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label={label} className="menu">
          {items.map((item, index) => (
            <li key={item.label} role="none">
              <button
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onKeyDown={(event) => move(event, index)}
                onClick={() => {
                  // Focus goes back to the button first, so a dialog opened by the item returns there.
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
