// One aligned row of the Side by side table: the match summary, then one cell per source. Presentational: every
// action is a callback, so the row renders the same in tests and in the virtualised list.
import { memo, type KeyboardEvent } from 'react';
import type { Relation } from '../../core/model.ts';
import type { Cell, CellUnit, Column, Row } from '../../state/selectors/side-by-side.ts';
import { RELATIONS, RELATION_LABEL, diffAgainstReference } from '../../state/selectors/side-by-side.ts';
import { Badge, type BadgeTone } from '../../components/ui/Badge.tsx';
import { Button, FOCUS_RING } from '../../components/ui/Button.tsx';
import { DiffText } from '../../components/ui/DiffText.tsx';

export const RELATION_TONE: Readonly<Record<Relation, BadgeTone>> = {
  identical: 'success',
  minor: 'info',
  paraphrase: 'neutral',
  'adds-detail': 'info',
  conflicting: 'danger',
};

export interface RowActions {
  readonly onHover: (unitId: string | null) => void;
  readonly onUnlink: (a: string, b: string) => void;
  readonly onRelation: (a: string, b: string, relation: Relation) => void;
  /** Start (or cancel, when it is already the selection) the "Link…" flow from this unit. */
  readonly onPickLink: (unitId: string) => void;
  readonly onLinkWithSelected: (unitId: string) => void;
  readonly onUndoCorrections: (groupId: string) => void;
}

export interface SideBySideRowProps {
  readonly row: Row;
  readonly columns: readonly Column[];
  /** 1-based position among all rows including the header, for aria-rowindex. */
  readonly ariaRowIndex: number;
  readonly focused: boolean;
  /** The one row in the Tab order (roving tabindex): the focused row, else the first. */
  readonly tabbable: boolean;
  /** Hovered unit and its partners, when any of them is in this row (else empty: lets memo skip the row). */
  readonly highlighted: ReadonlySet<string>;
  /** Unit picked with "Link…", if any; its source id is needed to offer "Link with selected" elsewhere. */
  readonly linkFrom: { readonly unitId: string; readonly sourceId: string } | null;
  readonly gridTemplate: string;
  /**
   * Source columns to render (indices into `columns`). With many sources only those in the horizontal viewport
   * are rendered; each cell is placed in its own grid track and carries aria-colindex, so the table stays whole.
   */
  readonly visibleColumns: readonly number[];
  readonly actions: RowActions;
  readonly onRowKeyDown: (e: KeyboardEvent<HTMLDivElement>, groupId: string) => void;
  readonly onRowFocus: (groupId: string) => void;
}

const scoreText = (s: number) => s.toFixed(2);

/**
 * Label of a row without a relation, from every cell of the row (not only the columns rendered on screen): "Only
 * in X" is claimed only when a single source carries the passage.
 */
function presence(carriers: readonly Row['cells'][number][]): string {
  if (carriers.length === 1 && carriers[0]) return `Only in ${carriers[0].outlet}`;
  return carriers.length > 1 ? `In ${carriers.length} sources` : 'In no source';
}

function MatchCell({ row, onUndo }: { row: Row; onUndo: () => void }) {
  const carriers = row.cells.filter((c) => !c.omitted);
  return (
    <div
      role="cell"
      aria-colindex={1}
      style={{ gridColumn: 1 }}
      className="sticky left-0 z-10 flex flex-col items-start gap-1 border-r border-neutral-300 bg-white p-2 text-xs dark:border-neutral-600 dark:bg-neutral-900"
    >
      {row.relation ? (
        <Badge tone={RELATION_TONE[row.relation]}>{RELATION_LABEL[row.relation]}</Badge>
      ) : (
        <span className="font-medium text-neutral-800 dark:text-neutral-200">{presence(carriers)}</span>
      )}
      {/* A passage carried by one source was not matched with anything: a score would only be noise there. */}
      {carriers.length > 1 && (
        <span
          className="tabular-nums text-neutral-700 dark:text-neutral-300"
          title="Similarity of the matched passages (0 to 1), averaged over the row's pairs; lower when the two articles name different people and places"
        >
          <span className="sr-only">Score </span>
          {scoreText(row.score)}
        </span>
      )}
      {row.kind === 'heading' && <span className="text-neutral-700 dark:text-neutral-300">Sub-heading</span>}
      {row.corrected && (
        <>
          <Badge tone="correction">Corrected</Badge>
          <Button size="sm" variant="ghost" className="print:hidden" onClick={onUndo}>
            Undo correction
          </Button>
        </>
      )}
    </div>
  );
}

function UnitBlock({
  unit,
  cell,
  highlighted,
  linkFrom,
  actions,
}: {
  unit: CellUnit;
  cell: Cell;
  highlighted: boolean;
  linkFrom: SideBySideRowProps['linkFrom'];
  actions: RowActions;
}) {
  const pair = unit.pair;
  const parts =
    unit.diff ?? (unit.diffAgainst !== null ? diffAgainstReference(unit.diffAgainst, unit.text) : null);
  const picked = linkFrom?.unitId === unit.unitId;
  const canLinkHere = linkFrom !== null && linkFrom.sourceId !== cell.sourceId;
  return (
    <div
      data-unit-id={unit.unitId}
      data-highlighted={highlighted || undefined}
      onMouseEnter={() => actions.onHover(unit.unitId)}
      onMouseLeave={() => actions.onHover(null)}
      onFocus={() => actions.onHover(unit.unitId)}
      className={`rounded p-1 ${
        highlighted
          ? 'bg-yellow-100 outline-2 outline-offset-0 outline-yellow-700 outline-dashed dark:bg-yellow-950 dark:outline-yellow-300'
          : ''
      } ${picked ? 'outline-2 outline-violet-700 outline-solid dark:outline-violet-300' : ''}`}
    >
      <p
        dir="auto"
        className={`leading-snug ${unit.kind === 'heading' || unit.position === 'headline' ? 'font-semibold' : ''}`}
      >
        {unit.position === 'headline' && <span className="sr-only">Headline: </span>}
        {parts ? <DiffText parts={parts} /> : unit.text}
        {unit.pair && !unit.pair.diffComplete && (
          <span className="ml-1 text-xs text-neutral-700 dark:text-neutral-300">
            (diff simplified: long passage)
          </span>
        )}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-1 text-xs">
        {pair && (
          <>
            <span className="text-neutral-700 dark:text-neutral-300">
              {pair.vsReference ? 'vs reference' : 'vs other source'}:
            </span>
            <Badge tone={RELATION_TONE[pair.relation]}>{RELATION_LABEL[pair.relation]}</Badge>
            <span className="tabular-nums">
              <span className="sr-only">score </span>
              {scoreText(pair.score)}
            </span>
            {pair.manual && <Badge tone="correction">Linked by you</Badge>}
            {pair.corrected && !pair.manual && <Badge tone="correction">Corrected</Badge>}
            <label className="sr-only" htmlFor={`rel-${unit.unitId}`}>
              Relation
            </label>
            <select
              id={`rel-${unit.unitId}`}
              value={pair.relation}
              onChange={(e) => actions.onRelation(pair.a, pair.b, e.target.value as Relation)}
              className={`rounded border border-neutral-400 bg-white px-1 py-0.5 text-xs dark:border-neutral-500 dark:bg-neutral-800 print:hidden ${FOCUS_RING}`}
            >
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {RELATION_LABEL[r]}
                </option>
              ))}
            </select>
            <Button
              size="sm"
              variant="ghost"
              className="print:hidden"
              onClick={() => actions.onUnlink(pair.a, pair.b)}
            >
              Unlink
            </Button>
          </>
        )}
        <Button
          size="sm"
          variant="ghost"
          className="print:hidden"
          aria-pressed={picked}
          onClick={() => actions.onPickLink(unit.unitId)}
        >
          Link…
        </Button>
        {canLinkHere && (
          <Button
            size="sm"
            variant="primary"
            className="print:hidden"
            onClick={() => actions.onLinkWithSelected(unit.unitId)}
          >
            Link with selected
          </Button>
        )}
      </div>
    </div>
  );
}

function SourceCell({
  cell,
  column,
  highlighted,
  linkFrom,
  actions,
}: {
  cell: Cell;
  /** 0-based source column; the grid track is column + 2 (the match column comes first). */
  column: number;
  highlighted: ReadonlySet<string>;
  linkFrom: SideBySideRowProps['linkFrom'];
  actions: RowActions;
}) {
  if (cell.omitted) {
    return (
      <div
        role="cell"
        aria-colindex={column + 2}
        style={{ gridColumn: column + 2 }}
        className="border-r border-neutral-200 p-2 text-sm italic text-neutral-700 dark:border-neutral-700 dark:text-neutral-300"
      >
        <span aria-hidden="true" className="mr-1 not-italic">
          ∅
        </span>
        Omitted<span className="sr-only"> by {cell.outlet}</span>
      </div>
    );
  }
  return (
    <div
      role="cell"
      aria-colindex={column + 2}
      style={{ gridColumn: column + 2 }}
      className={`flex flex-col gap-2 border-r border-neutral-200 p-2 text-sm dark:border-neutral-700 ${
        cell.isReference ? 'bg-neutral-50 dark:bg-neutral-800/60' : ''
      }`}
    >
      {cell.units.map((u) => (
        <UnitBlock
          key={u.unitId}
          unit={u}
          cell={cell}
          highlighted={highlighted.has(u.unitId)}
          linkFrom={linkFrom}
          actions={actions}
        />
      ))}
    </div>
  );
}

export const SideBySideRow = memo(function SideBySideRow({
  row,
  columns,
  ariaRowIndex,
  focused,
  tabbable,
  highlighted,
  linkFrom,
  gridTemplate,
  visibleColumns,
  actions,
  onRowKeyDown,
  onRowFocus,
}: SideBySideRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={ariaRowIndex}
      data-group-id={row.groupId}
      tabIndex={tabbable ? 0 : -1}
      onKeyDown={(e) => onRowKeyDown(e, row.groupId)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onRowFocus(row.groupId);
      }}
      aria-current={focused ? 'true' : undefined}
      className={`grid border-b border-neutral-300 dark:border-neutral-600 ${FOCUS_RING} focus-visible:-outline-offset-2 ${
        focused
          ? 'bg-blue-50 shadow-[inset_4px_0_0_0] shadow-blue-700 dark:bg-blue-950/50 dark:shadow-blue-300'
          : ''
      }`}
      style={{ gridTemplateColumns: gridTemplate }}
    >
      <MatchCell row={row} onUndo={() => actions.onUndoCorrections(row.groupId)} />
      {visibleColumns.map((i) => {
        const c = row.cells[i];
        if (!c) return null;
        return (
          <SourceCell
            key={columns[i]?.sourceId ?? i}
            cell={c}
            column={i}
            highlighted={highlighted}
            linkFrom={linkFrom}
            actions={actions}
          />
        );
      })}
    </div>
  );
});
