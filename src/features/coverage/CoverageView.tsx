// Coverage (issue 4): which outlet carries which claim. A real table (rows = claims, columns = sources), sortable
// by its column headers, each cell a button that opens the claim's row in Side by side; and the share of all
// claims each source carries, as a bar chart.
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import type { CoverageCell } from '../../core/model.ts';
import { useParallax } from '../../state/store.ts';
import {
  CELL_LABEL,
  selectCoverage,
  sortCoverageRows,
  type CoverageSort,
} from '../../state/selectors/coverage.ts';
import { Bar } from '../../components/ui/Bar.tsx';
import { Button, FOCUS_RING } from '../../components/ui/Button.tsx';

/** Rows rendered at first; a big comparison (thousands of claims x 50 sources) grows on request. */
const PAGE = 150;

const CELL_STYLE: Readonly<Record<CoverageCell, string>> = {
  present:
    'bg-green-100 text-green-950 hover:bg-green-200 dark:bg-green-950 dark:text-green-50 dark:hover:bg-green-900',
  absent:
    'bg-neutral-100 text-neutral-800 hover:bg-neutral-200 dark:bg-neutral-800 dark:text-neutral-200 dark:hover:bg-neutral-700',
  conflicting:
    'bg-red-100 text-red-950 hover:bg-red-200 dark:bg-red-950 dark:text-red-50 dark:hover:bg-red-900',
};
// Icons repeat the text so the state survives greyscale printing and colour blindness.
const CELL_ICON: Readonly<Record<CoverageCell, string>> = { present: '✓', absent: '–', conflicting: '⚠' };

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className = '',
}: {
  label: string;
  sortKey: string;
  sort: CoverageSort;
  onSort: (key: string) => void;
  className?: string;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? sort.direction : 'none'}
      className={`p-1 text-left align-bottom ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={`flex items-center gap-1 rounded px-1 py-0.5 text-sm font-semibold hover:bg-neutral-200 dark:hover:bg-neutral-700 ${FOCUS_RING}`}
      >
        {label}
        <span aria-hidden="true" className="text-xs">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function CoverageView() {
  const comparison = useParallax((s) => s.comparison);
  const sourceOrder = useParallax(useShallow((s) => s.sources.map((d) => d.id)));
  const referenceSourceId = useParallax((s) => s.options.referenceSourceId);
  const { focusGroup, setTab } = useParallax(
    useShallow((s) => ({ focusGroup: s.focusGroup, setTab: s.setTab })),
  );
  const [sort, setSort] = useState<CoverageSort>({ key: 'order', direction: 'ascending' });
  const [limit, setLimit] = useState(PAGE);
  // Printing shows the whole matrix (issue 4: Coverage is printable), not just the first page of rows.
  useEffect(() => {
    const before = () => flushSync(() => setLimit(Number.POSITIVE_INFINITY));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);

  const model = useMemo(
    () => (comparison ? selectCoverage(comparison, { sourceOrder, referenceSourceId }) : null),
    [comparison, sourceOrder, referenceSourceId],
  );
  const rows = useMemo(() => (model ? sortCoverageRows(model, sort) : []), [model, sort]);

  if (!model) {
    return (
      <section aria-label="Coverage" className="p-4">
        <p>Nothing to compare yet. Add at least two sources, or press “Load sample”.</p>
      </section>
    );
  }

  const onSort = (key: string) =>
    setSort((cur) =>
      cur.key === key
        ? { key, direction: cur.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
  const open = (groupId: string) => {
    focusGroup(groupId);
    setTab('side-by-side');
  };

  return (
    <section aria-label="Coverage" className="flex min-w-0 flex-col gap-6">
      <figure aria-labelledby="share-of-claims-caption" className="max-w-3xl">
        <figcaption id="share-of-claims-caption" className="mb-2 text-base font-semibold">
          Share of claims
        </figcaption>
        <ul aria-label="Share of claims" className="flex flex-col gap-1">
          {model.shares.map((s) => (
            <li key={s.sourceId}>
              <Bar value={s.share} label={s.outlet} valueText={`${Math.round(s.share * 100)}%`} />
              <span className="sr-only">
                {s.outlet} carries {Math.round(s.share * 100)}% of all claims ({s.carried} of {s.total}).
              </span>
            </li>
          ))}
        </ul>
      </figure>

      <div className="overflow-auto rounded border border-neutral-300 dark:border-neutral-600 print:overflow-visible">
        <table className="w-full border-collapse text-sm">
          <caption className="p-2 text-left text-base font-semibold">
            Coverage matrix
            <span className="ml-2 text-sm font-normal text-neutral-700 dark:text-neutral-300">
              {model.rows.length} claims × {model.columns.length} sources. Select a cell to see the claim in
              Side by side.
            </span>
          </caption>
          <thead className="sticky top-0 z-10 bg-neutral-100 dark:bg-neutral-800">
            <tr>
              <SortHeader label="#" sortKey="order" sort={sort} onSort={onSort} />
              <SortHeader
                label="Claim"
                sortKey="claim"
                sort={sort}
                onSort={onSort}
                className="min-w-[16rem]"
              />
              <SortHeader label="Outlets" sortKey="sources" sort={sort} onSort={onSort} />
              {model.columns.map((c) => (
                <SortHeader
                  key={c.sourceId}
                  label={c.outlet}
                  sortKey={c.sourceId}
                  sort={sort}
                  onSort={onSort}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((r) => (
              <tr key={r.groupId} className="border-t border-neutral-200 dark:border-neutral-700">
                <td className="p-1 text-right tabular-nums text-neutral-700 dark:text-neutral-300">
                  {r.order + 1}
                </td>
                <th scope="row" className="max-w-[28rem] p-1 text-left font-normal">
                  <span className="line-clamp-2" title={r.label}>
                    {r.label}
                  </span>
                </th>
                <td className="p-1 text-center tabular-nums">{r.carriedBy}</td>
                {r.cells.map((cell, i) => {
                  const outlet = model.columns[i]?.outlet ?? '';
                  return (
                    <td key={model.columns[i]?.sourceId ?? i} className="p-0.5">
                      <button
                        type="button"
                        onClick={() => open(r.groupId)}
                        className={`flex w-full items-center justify-center gap-1 rounded px-1 py-1 whitespace-nowrap ${CELL_STYLE[cell]} ${FOCUS_RING}`}
                      >
                        <span aria-hidden="true">{CELL_ICON[cell]}</span>
                        {CELL_LABEL[cell]}
                        <span className="sr-only">
                          {' '}
                          in {outlet}: show claim {r.order + 1} in Side by side
                        </span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > limit && (
        <div className="flex items-center gap-2 text-sm">
          <span>
            Showing {limit} of {rows.length} claims.
          </span>
          <Button size="sm" onClick={() => setLimit((l) => l + PAGE * 2)}>
            Show more claims
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setLimit(rows.length)}>
            Show all
          </Button>
        </div>
      )}
    </section>
  );
}
