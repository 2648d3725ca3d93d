import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { INPUT_CLASS } from '../../components/ui/TextField.tsx';
import { FOCUS_RING } from '../../components/ui/Button.tsx';
import { useParallax } from '../../state/store.ts';
import { buildSearchIndex, type SearchEntry } from './search-index.ts';

function excerpt(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * "Search all sources": results list under the box; choosing one opens Side by side on that row. Keys: Down
 * moves into the results, Up/Down between them, Enter chooses, Escape closes.
 */
export function SearchBox() {
  const comparison = useParallax((s) => s.comparison);
  const sources = useParallax((s) => s.sources);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(query);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const showResults = open && deferred.trim().length >= 2;
  // Built only while the user searches, and again only when the comparison or the outlet names change.
  const index = useMemo(() => {
    if (!comparison || !showResults) return null;
    const outlets = new Map(sources.map((s) => [s.id, s.outlet]));
    return buildSearchIndex(comparison, (id) => outlets.get(id) ?? id);
  }, [comparison, sources, showResults]);
  const results = useMemo(() => index?.search(deferred) ?? [], [index, deferred]);

  // "/" jumps to the search box from anywhere except a text field (the convention of many reading apps).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))
        return;
      e.preventDefault();
      inputRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function choose(r: SearchEntry) {
    const s = useParallax.getState();
    s.setTab('side-by-side');
    s.focusGroup(r.groupId);
    s.hoverUnit(r.unitId);
    setOpen(false);
  }

  function onInputKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && results.length > 0) {
      e.preventDefault();
      itemRefs.current[0]?.focus();
    } else if (e.key === 'Enter' && results[0]) {
      e.preventDefault();
      choose(results[0]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  function onItemKeyDown(e: KeyboardEvent<HTMLButtonElement>, i: number) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      itemRefs.current[Math.min(i + 1, results.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i === 0) inputRef.current?.focus();
      else itemRefs.current[i - 1]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      inputRef.current?.focus();
    }
  }

  return (
    <div
      className="relative w-60"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <input
        ref={inputRef}
        type="search"
        aria-label="Search all sources"
        placeholder="Search all sources (/)"
        aria-keyshortcuts="/"
        value={query}
        aria-controls={showResults ? listId : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onInputKeyDown}
        className={INPUT_CLASS}
      />
      {showResults && (
        <div className="absolute right-0 z-30 mt-1 max-h-96 w-[28rem] overflow-auto rounded border border-neutral-300 bg-white shadow-lg dark:border-neutral-600 dark:bg-neutral-800">
          <p className="px-3 py-1 text-xs text-neutral-700 dark:text-neutral-300" aria-live="polite">
            {!index
              ? 'No comparison yet.'
              : results.length === 0
                ? 'No passage matches.'
                : `${results.length} passages`}
          </p>
          <ul id={listId} aria-label="Search results">
            {results.map((r, i) => (
              <li key={r.unitId}>
                <button
                  type="button"
                  ref={(el) => {
                    itemRefs.current[i] = el;
                  }}
                  onClick={() => choose(r)}
                  onKeyDown={(e) => onItemKeyDown(e, i)}
                  className={`block w-full px-3 py-1.5 text-left text-sm hover:bg-neutral-100 dark:hover:bg-neutral-700 ${FOCUS_RING}`}
                >
                  <span className="block text-xs font-semibold">
                    {r.outlet} · sentence {r.position}
                  </span>
                  <span dir="auto" className="block">
                    {excerpt(r.text)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
