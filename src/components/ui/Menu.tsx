import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button, FOCUS_RING } from './Button.tsx';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly disabled?: boolean;
}

export interface MenuProps {
  /** Label of the button that opens the menu ("Export"). */
  readonly label: string;
  readonly items: readonly MenuItem[];
  readonly onChoose: (id: string) => void;
}

/**
 * WAI-ARIA menu button: Enter/Space/ArrowDown open the menu with the first item focused, Up/Down/Home/End move,
 * Escape closes and returns focus to the button, choosing an item closes the menu.
 */
export function Menu({ label, items, onChoose }: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const onDocPointer = (e: PointerEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDocPointer);
    return () => document.removeEventListener('pointerdown', onDocPointer);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const focusables = itemRefs.current.filter((el): el is HTMLButtonElement => !!el && !el.disabled);
    const index = focusables.findIndex((el) => el === document.activeElement);
    let next: HTMLButtonElement | undefined;
    if (e.key === 'ArrowDown') next = focusables[(index + 1) % focusables.length];
    else if (e.key === 'ArrowUp') next = focusables[(index - 1 + focusables.length) % focusables.length];
    else if (e.key === 'Home') next = focusables[0];
    else if (e.key === 'End') next = focusables[focusables.length - 1];
    else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      close();
      return;
    } else return;
    e.preventDefault();
    next?.focus();
  }

  return (
    <div ref={rootRef} className="relative">
      <Button
        ref={buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </Button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 z-30 mt-1 min-w-48 rounded border border-neutral-300 bg-white py-1 shadow-lg dark:border-neutral-600 dark:bg-neutral-800"
        >
          {items.map((item, i) => (
            <button
              key={item.id}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              onClick={() => {
                close();
                onChoose(item.id);
              }}
              className={`block w-full px-3 py-1.5 text-left text-sm text-neutral-900 hover:bg-neutral-100 disabled:opacity-60 dark:text-neutral-100 dark:hover:bg-neutral-700 ${FOCUS_RING}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
