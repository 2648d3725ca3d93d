// One outlet's wording of a quote. Close wordings show a word diff against the reference (the first outlet);
// a different translation or cut (the selector's `sharedWords`) shows its own text with the words it shares with
// the reference marked, because a diff of two translations is a wall of strike-through that hides exactly those
// shared words. A toggle switches such a variant back to the full diff.
import { useId, useState } from 'react';
import type { QuoteVariant, WordRun } from '../../state/selectors/quotes.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { DiffText } from '../../components/ui/DiffText.tsx';

// Not colour alone (WCAG 1.4.1): shared words get a dotted underline, distinct from the diff's solid underline
// (inserted) and strike-through (removed), plus a visually hidden prefix because screen readers do not announce
// <mark> by default.
const SHARED =
  'rounded-sm bg-sky-100 text-sky-950 underline decoration-dotted decoration-2 underline-offset-4 dark:bg-sky-900 dark:text-sky-50';

export function SharedWordsText({ runs }: { runs: readonly WordRun[] }) {
  return (
    <span dir="auto">
      {runs.map((r, i) =>
        r.shared ? (
          <mark key={i} className={SHARED}>
            <span className="sr-only">[shared: </span>
            {r.text}
            <span className="sr-only">]</span>
          </mark>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </span>
  );
}

export interface VariantWordingProps {
  readonly variant: QuoteVariant;
  /** Outlet of the wording the diff and the shared words are measured against. */
  readonly reference: string;
  /** False when this outlet is the only one quoting the utterance (nothing to compare against). */
  readonly compared: boolean;
}

export function VariantWording({ variant: v, reference, compared }: VariantWordingProps) {
  const [showDiff, setShowDiff] = useState(false);
  const quoteId = useId();
  const runs = showDiff ? null : v.sharedWords;
  return (
    <div>
      <blockquote
        id={quoteId}
        dir="auto"
        className="border-l-4 border-neutral-400 pl-2 dark:border-neutral-500"
      >
        “{runs ? <SharedWordsText runs={runs} /> : v.diff ? <DiffText parts={v.diff} /> : v.text}”
      </blockquote>
      <div className="mt-1 flex flex-wrap items-center gap-1 text-xs">
        {v.diff === null && compared && <Badge>Compared against this wording</Badge>}
        {v.truncationOf && <Badge tone="warning">Truncated: a shorter cut of {v.truncationOf}’s quote</Badge>}
        {v.sharedWords && (
          <>
            <span className="text-neutral-800 dark:text-neutral-200">
              Different translation or cut — {runs ? 'shared words marked' : 'word diff shown'}
              <span className="sr-only"> (compared with {reference}’s wording)</span>
            </span>
            <Button
              size="sm"
              variant="secondary"
              aria-pressed={showDiff}
              aria-controls={quoteId}
              onClick={() => setShowDiff((on) => !on)}
            >
              Show word diff
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
