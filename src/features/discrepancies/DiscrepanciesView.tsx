// Discrepancies (issue 4): numbers, dates, weekdays and names that disagree between outlets for the same claim,
// both passages side by side with the disagreeing values marked (highlight + bold + outline, not colour alone).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useParallax } from '../../state/store.ts';
import { DISCREPANCY_LABEL, selectDiscrepancies, type Passage } from '../../state/selectors/discrepancies.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';

function PassageText({ passage }: { passage: Passage }) {
  const h = passage.highlight;
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-sm font-semibold">
        {passage.outlet} says{' '}
        <span dir="auto" className="font-bold">
          “{passage.value}”
        </span>
      </figcaption>
      <blockquote dir="auto" className="border-l-4 border-neutral-400 pl-2 text-sm dark:border-neutral-500">
        {h ? (
          <>
            {passage.text.slice(0, h.start)}
            <mark className="rounded-sm bg-amber-200 px-0.5 font-bold text-neutral-950 outline outline-1 outline-amber-800 dark:bg-amber-700 dark:text-white dark:outline-amber-300">
              {passage.text.slice(h.start, h.end)}
            </mark>
            {passage.text.slice(h.end)}
          </>
        ) : (
          passage.text
        )}
      </blockquote>
    </figure>
  );
}

export function DiscrepanciesView() {
  const comparison = useParallax((s) => s.comparison);
  const sourceOrder = useParallax(useShallow((s) => s.sources.map((d) => d.id)));
  const referenceSourceId = useParallax((s) => s.options.referenceSourceId);
  const { focusGroup, setTab } = useParallax(
    useShallow((s) => ({ focusGroup: s.focusGroup, setTab: s.setTab })),
  );
  const items = useMemo(
    () => (comparison ? selectDiscrepancies(comparison, { sourceOrder, referenceSourceId }) : null),
    [comparison, sourceOrder, referenceSourceId],
  );

  return (
    <section aria-label="Discrepancies view" className="flex min-w-0 max-w-6xl flex-col gap-3">
      {!items ? (
        <p>Nothing to compare yet. Add at least two sources, or press “Load sample”.</p>
      ) : (
        <>
          <p className="text-sm text-neutral-700 dark:text-neutral-300">
            {items.length === 0
              ? 'No numbers, dates, weekdays or names disagree between outlets for the same claim.'
              : `${items.length} facts disagree between outlets reporting the same claim.`}
          </p>
          <ul aria-label="Discrepancies" className="flex flex-col gap-3">
            {items.map((d) => (
              <li key={d.key} className="rounded border border-neutral-300 p-3 dark:border-neutral-600">
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <Badge tone="danger">{DISCREPANCY_LABEL[d.kind]}</Badge>
                  <span className="text-sm">
                    {d.left.outlet}: <strong dir="auto">“{d.left.value}”</strong> vs {d.right.outlet}:{' '}
                    <strong dir="auto">“{d.right.value}”</strong>
                  </span>
                </div>
                <div className="grid grid-cols-2 gap-4 max-md:grid-cols-1">
                  <PassageText passage={d.left} />
                  <PassageText passage={d.right} />
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  className="mt-2"
                  onClick={() => {
                    focusGroup(d.groupId);
                    setTab('side-by-side');
                  }}
                >
                  Show in Side by side
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
