// Side by side (issue 4, "Views"): one column per source, one row per aligned group, word diffs against the
// reference source, filters, difference navigation (buttons, j / k, scrollbar markers) and corrections.
//
// One scroll container holds the header and every row, so rows stay aligned across sources and all columns
// scroll horizontally together by construction. Rows are virtualised with @tanstack/react-virtual and measured
// (measureElement), because a row's height depends on the longest passage in it.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import type { Relation } from '../../core/model.ts';
import { useParallax } from '../../state/store.ts';
import {
  differenceIndices,
  filterRows,
  findDifference,
  orderUnitIds,
  selectSideBySide,
  type Row,
} from '../../state/selectors/side-by-side.ts';
import { Button } from '../../components/ui/Button.tsx';
import { SideBySideRow, type RowActions } from './SideBySideRow.tsx';
import { SideBySideToolbar } from './SideBySideToolbar.tsx';
import { DifferenceMarkers } from './DifferenceMarkers.tsx';

const EMPTY: ReadonlySet<string> = new Set();
/** Width of the match column and of each source column, in rem. */
const MATCH_REM = 7.5;
const COLUMN_REM = 15;
/** Above this many sources, columns are windowed horizontally (issue 4: 50 sources must scroll smoothly). */
const WINDOW_COLUMNS_ABOVE = 6;
/** Columns rendered beyond each edge of the viewport, so a quick horizontal scroll shows no blank. */
const COLUMN_OVERSCAN = 1;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  );
}

export function SideBySideView() {
  const comparison = useParallax((s) => s.comparison);
  const sourceOrder = useParallax(useShallow((s) => s.sources.map((d) => d.id)));
  const referenceSourceId = useParallax((s) => s.options.referenceSourceId);
  const corrections = useParallax((s) => s.corrections);
  const filter = useParallax((s) => s.ui.filter);
  const focusedGroupId = useParallax((s) => s.ui.focusedGroupId);
  const hoveredUnitId = useParallax((s) => s.ui.hoveredUnitId);
  const phase = useParallax((s) => s.compareStatus.phase);

  if (!comparison || comparison.sources.length === 0) {
    return (
      <section aria-label="Side by side" className="p-4 text-neutral-800 dark:text-neutral-200">
        <p>
          {phase === 'running'
            ? 'Comparing…'
            : 'Nothing to compare yet. Add at least two sources, or press “Load sample”.'}
        </p>
      </section>
    );
  }
  return (
    <SideBySideTable
      comparison={comparison}
      sourceOrder={sourceOrder}
      referenceSourceId={referenceSourceId}
      corrections={corrections}
      filter={filter}
      focusedGroupId={focusedGroupId}
      hoveredUnitId={hoveredUnitId}
    />
  );
}

interface TableProps {
  readonly comparison: NonNullable<ReturnType<typeof useParallax.getState>['comparison']>;
  readonly sourceOrder: readonly string[];
  readonly referenceSourceId: string | null;
  readonly corrections: ReturnType<typeof useParallax.getState>['corrections'];
  readonly filter: ReturnType<typeof useParallax.getState>['ui']['filter'];
  readonly focusedGroupId: string | null;
  readonly hoveredUnitId: string | null;
}

function SideBySideTable({
  comparison,
  sourceOrder,
  referenceSourceId,
  corrections,
  filter,
  focusedGroupId,
  hoveredUnitId,
}: TableProps) {
  const { setFilter, focusGroup, hoverUnit, addCorrection, removeCorrection, setReferenceSource, notify } =
    useParallax(
      useShallow((s) => ({
        setFilter: s.setFilter,
        focusGroup: s.focusGroup,
        hoverUnit: s.hoverUnit,
        addCorrection: s.addCorrection,
        removeCorrection: s.removeCorrection,
        setReferenceSource: s.setReferenceSource,
        notify: s.notify,
      })),
    );

  const model = useMemo(
    () => selectSideBySide(comparison, { sourceOrder, referenceSourceId }, corrections),
    [comparison, sourceOrder, referenceSourceId, corrections],
  );
  const rows = useMemo(() => filterRows(model.rows, filter), [model.rows, filter]);
  const diffs = useMemo(() => differenceIndices(rows), [rows]);
  const focusedIndex = focusedGroupId ? rows.findIndex((r) => r.groupId === focusedGroupId) : -1;

  const [linkFrom, setLinkFrom] = useState<{ unitId: string; sourceId: string } | null>(null);
  const unitSource = useMemo(() => new Map(comparison.units.map((u) => [u.id, u.sourceId])), [comparison]);
  const unitText = useMemo(() => new Map(comparison.units.map((u) => [u.id, u.text])), [comparison]);

  const rootRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [headerHeight, setHeaderHeight] = useState(40);

  const cols = model.columns.length;
  const windowed = cols > WINDOW_COLUMNS_ABOVE;
  const [columnRange, setColumnRange] = useState<readonly [number, number]>([0, WINDOW_COLUMNS_ABOVE]);
  const updateColumns = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const colPx = COLUMN_REM * rem;
    const left = el.scrollLeft - MATCH_REM * rem;
    const first = Math.max(0, Math.floor(left / colPx) - COLUMN_OVERSCAN);
    const last = Math.min(cols - 1, Math.ceil((left + el.clientWidth) / colPx) + COLUMN_OVERSCAN);
    setColumnRange((cur) => (cur[0] === first && cur[1] === last ? cur : [first, last]));
  }, [cols]);
  useLayoutEffect(() => {
    if (!windowed) return;
    updateColumns();
    window.addEventListener('resize', updateColumns);
    // The container can change width without a window resize (it mounts before the page layout settles, the
    // sidebar or the notices change size): columns that come into view that way must render too, or the last
    // sources' cells stay blank until the user scrolls.
    const el = scrollRef.current;
    const observer = el && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(updateColumns) : null;
    if (el) observer?.observe(el);
    return () => {
      window.removeEventListener('resize', updateColumns);
      observer?.disconnect();
    };
  }, [windowed, updateColumns]);
  // Printing (issue 4: Side by side is printable) lays every row out in normal flow, not just the window.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const visibleColumns = useMemo(() => {
    const [first, last] = windowed ? columnRange : [0, cols - 1];
    const out: number[] = [];
    for (let i = first; i <= Math.min(last, cols - 1); i++) out.push(i);
    return out;
  }, [windowed, columnRange, cols]);
  useLayoutEffect(() => {
    const h = headerRef.current?.offsetHeight;
    if (h && h !== headerHeight) setHeaderHeight(h);
  }, [headerHeight, model.columns]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 4,
    getItemKey: (i) => rows[i]?.groupId ?? i,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });

  // Focus follows ui.focusedGroupId: scroll the row into view once per new id, then (unless the move came from
  // a mouse action or the row itself) put keyboard focus on it. Handled ids are remembered so that a re-compare
  // (new rows) while the user types elsewhere never scrolls or steals focus.
  const wantFocus = useRef(true);
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!focusedGroupId) {
      handled.current = null;
      return;
    }
    if (handled.current === focusedGroupId) return;
    const idx = rows.findIndex((r) => r.groupId === focusedGroupId);
    if (idx < 0) {
      // The row is hidden by the filter: show everything rather than pretend the jump worked.
      if (filter !== 'all' && model.rows.some((r) => r.groupId === focusedGroupId)) setFilter('all');
      return;
    }
    handled.current = focusedGroupId;
    virtualizer.scrollToIndex(idx, { align: 'center' });
    if (!wantFocus.current) {
      wantFocus.current = true;
      return;
    }
    let tries = 0;
    let frame = 0;
    const tryFocus = () => {
      const el = [...(scrollRef.current?.querySelectorAll<HTMLElement>('[data-group-id]') ?? [])].find(
        (x) => x.dataset.groupId === focusedGroupId,
      );
      if (el) {
        if (!el.contains(document.activeElement)) el.focus({ preventScroll: true });
      } else if (tries++ < 20) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
    // virtualizer is stable for the component's life; rows identity changes when the data does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusedGroupId, rows]);

  const goDifference = useCallback(
    (dir: 1 | -1, moveFocus: boolean) => {
      const from = focusedIndex >= 0 ? focusedIndex : dir === 1 ? -1 : rows.length;
      const next = findDifference(rows, from, dir);
      if (next === null) {
        notify('info', dir === 1 ? 'No more differences below.' : 'No more differences above.');
        return;
      }
      wantFocus.current = moveFocus;
      focusGroup(rows[next]?.groupId ?? null);
    },
    [focusedIndex, rows, focusGroup, notify],
  );

  // j / k anywhere on the page while this view is shown (not while typing in a field or a dialog is open).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
      if (e.key !== 'j' && e.key !== 'k') return;
      const root = rootRef.current;
      // Tab panels that are not shown are `hidden` (or inert): keys belong to the visible view only.
      if (!root || !root.isConnected || root.closest('[hidden], [inert]')) return;
      e.preventDefault();
      goDifference(e.key === 'j' ? 1 : -1, true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [goDifference]);

  const onRowKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>, groupId: string) => {
      if (e.target !== e.currentTarget) return;
      const idx = rows.findIndex((r) => r.groupId === groupId);
      let next = -1;
      if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, idx + 1);
      else if (e.key === 'ArrowUp') next = Math.max(0, idx - 1);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = rows.length - 1;
      if (next < 0) return;
      e.preventDefault();
      wantFocus.current = true;
      focusGroup(rows[next]?.groupId ?? null);
    },
    [rows, focusGroup],
  );
  const onRowFocus = useCallback(
    (groupId: string) => {
      if (groupId !== focusedGroupId) {
        // The row already has focus and is on screen: no scrolling.
        handled.current = groupId;
        focusGroup(groupId);
      }
    },
    [focusedGroupId, focusGroup],
  );

  const actions: RowActions = useMemo(
    () => ({
      onHover: hoverUnit,
      onUnlink: (a, b) => addCorrection({ kind: 'unlink', a, b }),
      onRelation: (a, b, relation: Relation) => addCorrection({ kind: 'relation', a, b, relation }),
      onPickLink: (unitId) =>
        setLinkFrom((cur) =>
          cur?.unitId === unitId ? null : { unitId, sourceId: unitSource.get(unitId) ?? '' },
        ),
      onLinkWithSelected: (unitId) => {
        setLinkFrom((cur) => {
          if (cur && cur.unitId !== unitId)
            addCorrection({ kind: 'link', ...orderUnitIds(comparison, cur.unitId, unitId) });
          return null;
        });
      },
      onUndoCorrections: (groupId) => {
        const row = model.rows.find((r) => r.groupId === groupId);
        const ids = new Set(row?.cells.flatMap((c) => c.units.map((u) => u.unitId)) ?? []);
        const indices = corrections.flatMap((c, i) => (ids.has(c.a) || ids.has(c.b) ? [i] : []));
        for (const i of indices.reverse()) removeCorrection(i);
      },
    }),
    [hoverUnit, addCorrection, removeCorrection, unitSource, comparison, model.rows, corrections],
  );

  const jumpToRow = useCallback(
    (i: number) => {
      wantFocus.current = false;
      focusGroup(rows[i]?.groupId ?? null);
    },
    [rows, focusGroup],
  );

  const highlight = useMemo(() => {
    if (!hoveredUnitId) return EMPTY;
    return new Set([hoveredUnitId, ...(model.partners.get(hoveredUnitId) ?? [])]);
  }, [hoveredUnitId, model.partners]);
  const rowHighlight = (row: Row) =>
    highlight.size && row.cells.some((c) => c.units.some((u) => highlight.has(u.unitId))) ? highlight : EMPTY;

  // Few sources: columns share the width. Many: fixed-width columns, rendered only when scrolled into view.
  const gridTemplate = windowed
    ? `${MATCH_REM}rem repeat(${cols}, ${COLUMN_REM}rem)`
    : `${MATCH_REM}rem repeat(${cols}, minmax(${COLUMN_REM}rem, 1fr))`;
  const minWidth = `calc(${MATCH_REM}rem + ${cols} * ${COLUMN_REM}rem)`;
  const items = virtualizer.getVirtualItems();
  const allColumns = useMemo(() => model.columns.map((_, i) => i), [model.columns]);
  const diffAt = focusedIndex >= 0 ? diffs.indexOf(focusedIndex) + 1 : 0;
  // A printed table has every column, so its header must too.
  const headerColumns = printing ? allColumns : visibleColumns;

  return (
    <section
      ref={rootRef}
      aria-label="Side by side view"
      className="flex h-full min-h-[26rem] min-w-0 flex-col gap-2 print:h-auto"
    >
      <SideBySideToolbar
        filter={filter}
        onFilter={setFilter}
        sources={model.columns}
        referenceSourceId={model.referenceSourceId}
        onReference={(id) => setReferenceSource(id)}
        onPrevious={() => goDifference(-1, false)}
        onNext={() => goDifference(1, false)}
        differenceAt={diffAt}
        differenceCount={diffs.length}
        shown={rows.length}
        total={model.rows.length}
      />
      {linkFrom && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 rounded border border-violet-700 bg-violet-50 p-2 text-sm text-violet-950 dark:border-violet-300 dark:bg-violet-950 dark:text-violet-50 print:hidden"
        >
          <span>
            Linking “{(unitText.get(linkFrom.unitId) ?? '').slice(0, 80)}”: press “Link with selected” on the
            passage of another source it matches.
          </span>
          <Button size="sm" onClick={() => setLinkFrom(null)}>
            Cancel linking
          </Button>
        </div>
      )}
      <div className="relative flex min-h-0 flex-1 gap-1">
        <div
          ref={scrollRef}
          onScroll={windowed ? updateColumns : undefined}
          role="table"
          aria-label="Side by side"
          aria-rowcount={rows.length + 1}
          aria-colcount={cols + 1}
          className="min-h-0 flex-1 overflow-auto rounded border border-neutral-300 dark:border-neutral-600 print:h-auto print:overflow-visible"
        >
          <div style={{ minWidth }}>
            <div role="rowgroup" ref={headerRef} className="sticky top-0 z-20">
              <div
                role="row"
                aria-rowindex={1}
                className="grid border-b-2 border-neutral-400 bg-neutral-100 text-sm font-semibold dark:border-neutral-500 dark:bg-neutral-800"
                style={{ gridTemplateColumns: gridTemplate }}
              >
                <div
                  role="columnheader"
                  aria-colindex={1}
                  style={{ gridColumn: 1 }}
                  className="sticky left-0 z-10 bg-neutral-100 p-2 dark:bg-neutral-800"
                >
                  Match
                </div>
                {headerColumns
                  .map((i) => model.columns[i])
                  .map(
                    (c, k) =>
                      c && (
                        <div
                          role="columnheader"
                          key={c.sourceId}
                          aria-colindex={(headerColumns[k] ?? 0) + 2}
                          style={{ gridColumn: (headerColumns[k] ?? 0) + 2 }}
                          className="truncate p-2"
                          title={c.outlet}
                        >
                          <bdi>{c.outlet}</bdi>
                          {c.isReference && (
                            <span className="ml-1 font-normal text-neutral-700 dark:text-neutral-300">
                              (reference)
                            </span>
                          )}
                        </div>
                      ),
                  )}
              </div>
            </div>
            <div
              role="rowgroup"
              className="relative"
              style={printing ? undefined : { height: virtualizer.getTotalSize() }}
            >
              {rows.length === 0 && (
                <div role="row">
                  <div role="cell" className="p-4 text-sm">
                    No rows match this filter.
                  </div>
                </div>
              )}
              {printing
                ? rows.map((row, index) => (
                    <SideBySideRow
                      key={row.groupId}
                      row={row}
                      columns={model.columns}
                      ariaRowIndex={index + 2}
                      focused={false}
                      tabbable={false}
                      highlighted={EMPTY}
                      linkFrom={null}
                      gridTemplate={gridTemplate}
                      visibleColumns={allColumns}
                      actions={actions}
                      onRowKeyDown={onRowKeyDown}
                      onRowFocus={onRowFocus}
                    />
                  ))
                : items.map((item) => {
                    const row = rows[item.index];
                    if (!row) return null;
                    return (
                      <div
                        key={item.key}
                        data-index={item.index}
                        ref={virtualizer.measureElement}
                        className="absolute left-0 w-full"
                        style={{ transform: `translateY(${item.start - headerHeight}px)` }}
                      >
                        <SideBySideRow
                          row={row}
                          columns={model.columns}
                          ariaRowIndex={item.index + 2}
                          focused={row.groupId === focusedGroupId}
                          tabbable={focusedIndex >= 0 ? item.index === focusedIndex : item.index === 0}
                          highlighted={rowHighlight(row)}
                          linkFrom={linkFrom}
                          gridTemplate={gridTemplate}
                          visibleColumns={visibleColumns}
                          actions={actions}
                          onRowKeyDown={onRowKeyDown}
                          onRowFocus={onRowFocus}
                        />
                      </div>
                    );
                  })}
            </div>
          </div>
        </div>
        <DifferenceMarkers rows={rows} indices={diffs} onJump={jumpToRow} />
      </div>
    </section>
  );
}
