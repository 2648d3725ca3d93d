// Quote ledger (issue 4, "Quotes"): by speaker, every utterance with the outlets that carry it, their wording
// variants as word diffs, truncations, paraphrases instead of quotes, and each outlet's attribution verb.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useParallax } from '../../state/store.ts';
import { selectLedger, type QuoteEntry } from '../../state/selectors/quotes.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { VariantWording } from './VariantWording.tsx';

function QuoteCard({ entry, onOpen }: { entry: QuoteEntry; onOpen: (groupId: string) => void }) {
  const carried = entry.variants.map((v) => v.outlet);
  const rowGroup = entry.variants[0]?.groupId ?? null;
  const reference = entry.variants[0]?.outlet ?? '';
  return (
    <li className="rounded border border-neutral-300 p-3 dark:border-neutral-600">
      <p className="mb-2 text-sm text-neutral-700 dark:text-neutral-300">
        Quoted by {carried.join(', ')}
        {entry.paraphrases.length > 0 && (
          <> · paraphrased by {[...new Set(entry.paraphrases.map((p) => p.outlet))].join(', ')}</>
        )}
        {entry.absentFrom.length > 0 && <> · not in {entry.absentFrom.join(', ')}</>}
        {entry.sameWording && entry.variants.length > 1 && (
          <>
            {' '}
            <Badge tone="success">Same wording</Badge>
          </>
        )}
      </p>
      <ul aria-label="Wording in each outlet" className="flex flex-col gap-2">
        {entry.variants.map((v) => (
          <li key={v.quoteId} className="grid grid-cols-[10rem_1fr] gap-2 max-md:grid-cols-1">
            <div className="text-sm font-semibold">
              {v.outlet}
              <div className="font-normal text-neutral-700 dark:text-neutral-300">
                {v.verb ? (
                  <>
                    verb: <em>{v.verb}</em>
                  </>
                ) : (
                  'no attribution verb'
                )}
                {v.speakerText && <> · as “{v.speakerText}”</>}
              </div>
            </div>
            <VariantWording variant={v} reference={reference} compared={entry.variants.length > 1} />
          </li>
        ))}
        {entry.paraphrases.map((p) => (
          <li key={p.unitId} className="grid grid-cols-[10rem_1fr] gap-2 max-md:grid-cols-1">
            <div className="text-sm font-semibold">
              {p.outlet}
              <div className="font-normal text-neutral-700 dark:text-neutral-300">
                paraphrase, not a quote
              </div>
            </div>
            <p dir="auto" className="text-sm italic">
              {p.text}
            </p>
          </li>
        ))}
      </ul>
      {rowGroup && (
        <Button size="sm" variant="ghost" className="mt-2" onClick={() => onOpen(rowGroup)}>
          Show in Side by side
        </Button>
      )}
    </li>
  );
}

export function QuotesView() {
  const comparison = useParallax((s) => s.comparison);
  const sourceOrder = useParallax(useShallow((s) => s.sources.map((d) => d.id)));
  const { focusGroup, setTab } = useParallax(
    useShallow((s) => ({ focusGroup: s.focusGroup, setTab: s.setTab })),
  );
  const ledger = useMemo(
    () => (comparison ? selectLedger(comparison, sourceOrder) : null),
    [comparison, sourceOrder],
  );
  const open = (groupId: string) => {
    focusGroup(groupId);
    setTab('side-by-side');
  };

  return (
    <section aria-label="Quote ledger" className="flex min-w-0 max-w-5xl flex-col gap-6">
      {!ledger ? (
        <p>Nothing to compare yet. Add at least two sources, or press “Load sample”.</p>
      ) : ledger.quoteCount === 0 ? (
        <p>No quotations were found in these sources.</p>
      ) : (
        <>
          {ledger.speakers.map((sp) => (
            <section key={sp.speakerId} aria-labelledby={`speaker-${sp.speakerId}`}>
              <h3 id={`speaker-${sp.speakerId}`} className="text-lg font-semibold">
                {sp.name}
                {sp.title && (
                  <span className="ml-2 text-sm font-normal text-neutral-700 dark:text-neutral-300">
                    {sp.title}
                  </span>
                )}
              </h3>
              {sp.variants.length > 0 && (
                <p className="text-sm text-neutral-700 dark:text-neutral-300">
                  Also written: {sp.variants.join(', ')}
                </p>
              )}
              <ol aria-label={`Quotes of ${sp.name}`} className="mt-2 flex flex-col gap-3">
                {sp.entries.map((e) => (
                  <QuoteCard key={e.quoteGroupId} entry={e} onOpen={open} />
                ))}
              </ol>
            </section>
          ))}
          {ledger.unattributed.length > 0 && (
            <section aria-labelledby="speaker-unattributed">
              <h3 id="speaker-unattributed" className="text-lg font-semibold">
                Unattributed quotes
              </h3>
              <ol aria-label="Unattributed quotes" className="mt-2 flex flex-col gap-3">
                {ledger.unattributed.map((e) => (
                  <QuoteCard key={e.quoteGroupId} entry={e} onOpen={open} />
                ))}
              </ol>
            </section>
          )}
          {ledger.terms.length > 0 && (
            <section aria-labelledby="quoted-terms">
              <h3 id="quoted-terms" className="text-lg font-semibold">
                Terms in quotation marks
              </h3>
              <p className="text-sm text-neutral-700 dark:text-neutral-300">
                Words put in quotation marks without being anyone’s statement (scare quotes).
              </p>
              <ul aria-label="Terms in quotation marks" className="mt-2 flex flex-col gap-2">
                {ledger.terms.map((t) => (
                  <li
                    key={t.text}
                    className="rounded border border-neutral-300 p-2 text-sm dark:border-neutral-600"
                  >
                    <strong dir="auto">“{t.text}”</strong> in{' '}
                    {[...new Set(t.uses.map((u) => u.outlet))].join(', ')}
                    <ul className="mt-1 flex flex-col gap-1">
                      {t.uses.map((u) => (
                        <li key={u.quoteId} className="text-neutral-800 dark:text-neutral-200">
                          <span className="font-semibold">{u.outlet}:</span>{' '}
                          <span dir="auto">{u.context}</span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
