// Sources (issue 4, the analysis tab): one region per outlet with what only it reports, what it omits, where it
// places the shared claims (headline / lede / body), its verbatim overlap with each other source and the names they
// have in common.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useParallax } from '../../state/store.ts';
import { selectSourcesReport, type ClaimRef, type OutletReport } from '../../state/selectors/sources.ts';
import { Bar } from '../../components/ui/Bar.tsx';
import { Button } from '../../components/ui/Button.tsx';

/** Claims listed before the rest is folded away behind a disclosure. */
const SHOWN = 5;

function ClaimList({
  claims,
  label,
  empty,
  showCarriers,
  onOpen,
}: {
  claims: readonly ClaimRef[];
  label: string;
  empty: string;
  showCarriers: boolean;
  onOpen: (groupId: string) => void;
}) {
  if (claims.length === 0) return <p className="text-sm text-neutral-700 dark:text-neutral-300">{empty}</p>;
  const item = (c: ClaimRef) => (
    <li key={c.groupId} className="text-sm">
      <span dir="auto">{c.text}</span>
      {showCarriers && (
        <span className="text-neutral-700 dark:text-neutral-300"> (in {c.carriedBy.join(', ')})</span>
      )}{' '}
      <Button size="sm" variant="ghost" onClick={() => onOpen(c.groupId)}>
        Show<span className="sr-only"> in Side by side</span>
      </Button>
    </li>
  );
  return (
    <>
      <ul aria-label={label} className="flex list-disc flex-col gap-1 pl-5">
        {claims.slice(0, SHOWN).map(item)}
      </ul>
      {claims.length > SHOWN && (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm">Show {claims.length - SHOWN} more</summary>
          <ul className="mt-1 flex list-disc flex-col gap-1 pl-5">{claims.slice(SHOWN).map(item)}</ul>
        </details>
      )}
    </>
  );
}

/**
 * The names this report shares with each other one, as the aligner weighed them: below the floor it matched their
 * sentences more cautiously (src/core/align/context.ts), and this says so instead of leaving a missing match
 * unexplained.
 */
function NamesInCommon({ r }: { r: OutletReport }) {
  if (r.names.length === 0) return null;
  const cautious = r.names.filter((n) => n.cautious).map((n) => n.outlet);
  return (
    <div>
      <h4 className="mb-1 font-semibold">Names in common</h4>
      <ul aria-label={`Names ${r.outlet} shares with each other source`} className="flex flex-col gap-1">
        {r.names.map((n) => (
          <li key={n.sourceId}>
            {n.overlap === null ? (
              <Bar value={0} label={n.outlet} valueText="too few" />
            ) : (
              <Bar value={n.overlap} label={n.outlet} />
            )}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-neutral-700 dark:text-neutral-300">
        People, places and organisations both articles name, rare names counting more.
        {cautious.length > 0 &&
          ` Few in common with ${cautious.join(', ')}: sentences are matched with those more cautiously, as the reports may be about different events.`}
      </p>
    </div>
  );
}

function OutletRegion({ r, onOpen }: { r: OutletReport; onOpen: (groupId: string) => void }) {
  const headingId = `source-report-${r.sourceId}`;
  const total = r.placement.headline + r.placement.lede + r.placement.body;
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded border border-neutral-300 p-4 dark:border-neutral-600"
    >
      <header>
        <h3 id={headingId} className="text-lg font-semibold">
          {r.outlet}
        </h3>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          {r.title ? <>{r.title} · </> : null}
          {r.wordCount} words · carries {Math.round(r.coverageShare * 100)}% of all claims
        </p>
      </header>
      <div className="grid grid-cols-2 gap-4 max-lg:grid-cols-1">
        <div>
          <h4 className="mb-1 font-semibold">Only here ({r.onlyHere.length})</h4>
          <ClaimList
            claims={r.onlyHere}
            label={`Only in ${r.outlet}`}
            empty="Nothing that no other outlet reports."
            showCarriers={false}
            onOpen={onOpen}
          />
        </div>
        <div>
          <h4 className="mb-1 font-semibold">Omits ({r.omitted.length})</h4>
          <ClaimList
            claims={r.omitted}
            label={`Omitted by ${r.outlet}`}
            empty="Omits nothing the other outlets report."
            showCarriers
            onOpen={onOpen}
          />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 max-lg:grid-cols-1">
        <div>
          <h4 className="mb-1 font-semibold">Where it places the shared claims</h4>
          <table className="text-sm">
            <caption className="sr-only">Placement of claims {r.outlet} shares with other outlets</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">
                  Headline
                </th>
                <th scope="col" className="pr-4 text-left">
                  Lede
                </th>
                <th scope="col" className="pr-4 text-left">
                  Body
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="tabular-nums">
                <td className="pr-4">{r.placement.headline}</td>
                <td className="pr-4">{r.placement.lede}</td>
                <td className="pr-4">{r.placement.body}</td>
              </tr>
            </tbody>
          </table>
          {total === 0 && (
            <p className="text-sm text-neutral-700 dark:text-neutral-300">
              Shares no claim with another outlet.
            </p>
          )}
        </div>
        <div>
          <h4 className="mb-1 font-semibold">Verbatim overlap</h4>
          {r.overlap.length === 0 ? (
            <p className="text-sm text-neutral-700 dark:text-neutral-300">No other source to compare with.</p>
          ) : (
            <ul
              aria-label={`Verbatim overlap of ${r.outlet} with each other source`}
              className="flex flex-col gap-1"
            >
              {r.overlap.map((o) => (
                <li key={o.sourceId}>
                  <Bar value={o.share} label={o.outlet} />
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-xs text-neutral-700 dark:text-neutral-300">
            Share of the shorter article’s words found in runs of 8 or more identical words in the other.
          </p>
        </div>
        <NamesInCommon r={r} />
      </div>
    </section>
  );
}

export function SourcesReportView() {
  const comparison = useParallax((s) => s.comparison);
  const sourceOrder = useParallax(useShallow((s) => s.sources.map((d) => d.id)));
  const referenceSourceId = useParallax((s) => s.options.referenceSourceId);
  const { focusGroup, setTab } = useParallax(
    useShallow((s) => ({ focusGroup: s.focusGroup, setTab: s.setTab })),
  );
  const report = useMemo(
    () => (comparison ? selectSourcesReport(comparison, { sourceOrder, referenceSourceId }) : null),
    [comparison, sourceOrder, referenceSourceId],
  );
  const open = (groupId: string) => {
    focusGroup(groupId);
    setTab('side-by-side');
  };
  return (
    <div className="flex min-w-0 max-w-6xl flex-col gap-4">
      {!report ? (
        <p>Nothing to compare yet. Add at least two sources, or press “Load sample”.</p>
      ) : (
        report.map((r) => <OutletRegion key={r.sourceId} r={r} onOpen={open} />)
      )}
    </div>
  );
}
