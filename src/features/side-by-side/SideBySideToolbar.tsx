// Controls above the Side by side table: the "Show" filter, the reference source, and difference navigation.
import { useId } from 'react';
import type { RowFilter } from '../../state/selectors/side-by-side.ts';
import { Button, FOCUS_RING } from '../../components/ui/Button.tsx';

export const FILTERS: readonly { id: RowFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'differences', label: 'Only differences' },
  { id: 'omissions', label: 'Only omissions' },
  { id: 'quotes', label: 'Only quotes' },
  { id: 'conflicts', label: 'Only conflicts' },
];

export interface SideBySideToolbarProps {
  readonly filter: RowFilter;
  readonly onFilter: (f: RowFilter) => void;
  readonly sources: readonly { sourceId: string; outlet: string }[];
  readonly referenceSourceId: string | null;
  readonly onReference: (id: string) => void;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
  /** 1-based position of the focused row among the differences, or 0 when the focus is not on a difference. */
  readonly differenceAt: number;
  readonly differenceCount: number;
  readonly shown: number;
  readonly total: number;
}

export function SideBySideToolbar(p: SideBySideToolbarProps) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 print:hidden">
      <div role="radiogroup" aria-labelledby={`${id}-show`} className="flex flex-wrap items-center gap-1">
        <span id={`${id}-show`} className="mr-1 text-sm font-medium">
          Show
        </span>
        {FILTERS.map((f) => (
          <label
            key={f.id}
            className={`flex cursor-pointer items-center gap-1 rounded border px-2 py-0.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600 dark:has-[:focus-visible]:outline-blue-300 ${
              p.filter === f.id
                ? 'border-blue-700 bg-blue-50 font-semibold text-blue-950 dark:border-blue-300 dark:bg-blue-950 dark:text-blue-50'
                : 'border-neutral-400 dark:border-neutral-500'
            }`}
          >
            <input
              type="radio"
              name={`${id}-filter`}
              value={f.id}
              checked={p.filter === f.id}
              onChange={() => p.onFilter(f.id)}
              className="accent-blue-700"
            />
            {f.label}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-1 text-sm">
        <label htmlFor={`${id}-ref`} className="font-medium">
          Reference source
        </label>
        <select
          id={`${id}-ref`}
          value={p.referenceSourceId ?? ''}
          onChange={(e) => p.onReference(e.target.value)}
          className={`rounded border border-neutral-400 bg-white px-1 py-0.5 dark:border-neutral-500 dark:bg-neutral-800 ${FOCUS_RING}`}
        >
          {p.sources.map((s) => (
            <option key={s.sourceId} value={s.sourceId}>
              {s.outlet}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-1 text-sm">
        <Button size="sm" onClick={p.onPrevious} aria-keyshortcuts="k" disabled={p.differenceCount === 0}>
          Previous difference
        </Button>
        <Button size="sm" onClick={p.onNext} aria-keyshortcuts="j" disabled={p.differenceCount === 0}>
          Next difference
        </Button>
        <span className="text-neutral-700 dark:text-neutral-300" aria-live="polite">
          {p.differenceCount === 0
            ? 'No differences'
            : p.differenceAt > 0
              ? `Difference ${p.differenceAt} of ${p.differenceCount}`
              : `${p.differenceCount} differences`}
          {' · '}
          {p.shown === p.total ? `${p.total} rows` : `${p.shown} of ${p.total} rows`}
          <span className="sr-only">. Keys: j next difference, k previous difference.</span>
        </span>
      </div>
    </div>
  );
}
