// Scrollbar markers: where the differences are in the whole (filtered) list, as ticks beside the table. A mouse
// shortcut only; keyboard and screen-reader users have "Next difference" / "Previous difference" and j / k, so
// the strip is hidden from assistive technology.
import { memo } from 'react';
import type { Row } from '../../state/selectors/side-by-side.ts';

export interface DifferenceMarkersProps {
  readonly rows: readonly Row[];
  readonly indices: readonly number[];
  readonly onJump: (rowIndex: number) => void;
}

/** At most one tick per 0.5% of the height: 2,000 differences still draw 200 ticks, not 2,000. */
const BUCKETS = 200;

/** Memoised: the table re-renders on every scroll frame, the markers only when the rows change. */
export const DifferenceMarkers = memo(function DifferenceMarkers({
  rows,
  indices,
  onJump,
}: DifferenceMarkersProps) {
  if (rows.length === 0) return null;
  const ticks = new Map<number, { index: number; kind: 'conflict' | 'omission' | 'wording' }>();
  for (const i of indices) {
    const bucket = Math.floor((i / rows.length) * BUCKETS);
    const row = rows[i];
    if (!row) continue;
    const kind = row.isConflict ? 'conflict' : row.isOmission ? 'omission' : 'wording';
    const prev = ticks.get(bucket);
    // A conflict outranks an omission, which outranks a wording change, when they share a tick.
    if (
      !prev ||
      (kind === 'conflict' && prev.kind !== 'conflict') ||
      (kind === 'omission' && prev.kind === 'wording')
    )
      ticks.set(bucket, { index: prev?.index ?? i, kind });
  }
  const colour = {
    conflict: 'bg-red-700 dark:bg-red-400',
    omission: 'bg-amber-600 dark:bg-amber-300',
    wording: 'bg-blue-700 dark:bg-blue-300',
  };
  return (
    <div
      aria-hidden="true"
      className="relative w-3 shrink-0 rounded bg-neutral-200 dark:bg-neutral-800 print:hidden"
    >
      {[...ticks].map(([bucket, t]) => (
        <div
          key={bucket}
          title={`Row ${t.index + 1}: ${t.kind === 'conflict' ? 'conflict' : t.kind === 'omission' ? 'omission' : 'wording differs'}`}
          onClick={() => onJump(t.index)}
          className={`absolute left-0 h-1 w-full cursor-pointer ${colour[t.kind]}`}
          style={{ top: `${(bucket / BUCKETS) * 100}%` }}
        />
      ))}
    </div>
  );
});
