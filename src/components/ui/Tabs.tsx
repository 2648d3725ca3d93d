import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { FOCUS_RING } from './Button.tsx';

export interface TabItem<T extends string> {
  readonly id: T;
  readonly label: string;
}

export interface TabsProps<T extends string> {
  /** Accessible name of the tablist ("Views"). */
  readonly label: string;
  readonly tabs: readonly TabItem<T>[];
  readonly selected: T;
  readonly onSelect: (id: T) => void;
  /** Prefix for element ids, so a page can hold several tab sets. */
  readonly idPrefix: string;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * WAI-ARIA tabs pattern with automatic activation: Left/Right arrows move and select, Home/End jump to the ends,
 * and only the selected tab is in the tab order (roving tabindex).
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, idPrefix }: TabsProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[next]?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={label}
      className="flex gap-1 border-b border-neutral-300 dark:border-neutral-600 print:hidden"
    >
      {tabs.map((t, i) => {
        const isSelected = t.id === selected;
        return (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, t.id)}
            aria-selected={isSelected}
            aria-controls={panelId(idPrefix, t.id)}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`-mb-px rounded-t border px-3 py-1.5 text-sm font-medium ${FOCUS_RING} ${
              isSelected
                ? 'border-neutral-300 border-b-white bg-white text-neutral-950 dark:border-neutral-600 dark:border-b-neutral-900 dark:bg-neutral-900 dark:text-white'
                : 'border-transparent text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800'
            }`}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}

export interface TabPanelProps {
  readonly idPrefix: string;
  readonly id: string;
  readonly children: ReactNode;
  readonly className?: string;
}

/** The panel of the selected tab, labelled by its tab. Focusable so keyboard users can move into it with Tab. */
export function TabPanel({ idPrefix, id, children, className = '' }: TabPanelProps) {
  return (
    <div
      role="tabpanel"
      id={panelId(idPrefix, id)}
      aria-labelledby={tabId(idPrefix, id)}
      tabIndex={0}
      className={`${FOCUS_RING} ${className}`}
    >
      {children}
    </div>
  );
}
