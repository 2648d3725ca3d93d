import type { Correction } from '../core/model.ts';
import { Badge } from '../components/ui/Badge.tsx';
import { Button } from '../components/ui/Button.tsx';
import { useParallax } from '../state/store.ts';

function describe(c: Correction, textOf: (unitId: string) => string): string {
  const a = textOf(c.a);
  const b = textOf(c.b);
  if (c.kind === 'link') return `Linked “${a}” with “${b}”`;
  if (c.kind === 'unlink') return `Unlinked “${a}” from “${b}”`;
  return `Labelled “${a}” / “${b}” as ${c.relation.replace('-', ' ')}`;
}

function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The user's corrections of the engine, marked as such, each with a button to take it back. */
export function CorrectionsPanel() {
  const corrections = useParallax((s) => s.corrections);
  const comparison = useParallax((s) => s.comparison);
  const sources = useParallax((s) => s.sources);
  const removeCorrection = useParallax((s) => s.removeCorrection);
  if (corrections.length === 0) return null;

  const units = new Map(comparison?.units.map((u) => [u.id, u]) ?? []);
  const outlets = new Map(sources.map((s) => [s.id, s.outlet]));
  const textOf = (id: string) => {
    const u = units.get(id);
    return u ? `${outlets.get(u.sourceId) ?? u.sourceId}: ${short(u.text)}` : id;
  };

  return (
    <section aria-labelledby="corrections-heading" className="flex flex-col gap-2">
      <h2 id="corrections-heading" className="text-base font-semibold">
        Corrections ({corrections.length})
      </h2>
      <ul aria-label="Corrections" className="flex flex-col gap-2">
        {corrections.map((c, i) => {
          const label = describe(c, textOf);
          return (
            <li
              key={`${c.kind}:${c.a}:${c.b}`}
              className="rounded border border-violet-300 bg-white p-2 text-xs dark:border-violet-700 dark:bg-neutral-900"
            >
              <Badge tone="correction">Corrected</Badge>
              <p className="my-1">{label}</p>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => removeCorrection(i)}
                aria-label={`Remove correction: ${label}`}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
