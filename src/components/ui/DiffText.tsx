import type { DiffPart } from '../../core/model.ts';

export interface DiffTextProps {
  readonly parts: readonly DiffPart[];
  /**
   * Which side of the diff to render: 'a' shows the text of unit a (equal + deleted words), 'b' the text of unit
   * b (equal + inserted words), 'both' the merged view with deletions and insertions inline.
   */
  readonly show?: 'a' | 'b' | 'both';
}

// Colour is never the only signal (WCAG 1.4.1): insertions are underlined, deletions struck through, and both
// carry a visually hidden prefix for screen readers, which do not announce <ins>/<del> by default.
const INS =
  'rounded-sm bg-green-100 text-green-950 underline decoration-2 underline-offset-2 dark:bg-green-900 dark:text-green-50';
const DEL = 'rounded-sm bg-red-100 text-red-950 line-through decoration-2 dark:bg-red-900 dark:text-red-50';

/** Renders a word diff (DiffPart[]) with added words underlined and removed words struck through. */
export function DiffText({ parts, show = 'both' }: DiffTextProps) {
  return (
    <span dir="auto" className="diff-text">
      {parts.map((p, i) => {
        if (p.op === 'equal') return <span key={i}>{p.text}</span>;
        if (p.op === 'insert') {
          if (show === 'a') return null;
          return (
            <ins key={i} className={INS}>
              <span className="sr-only">[added: </span>
              {p.text}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        if (show === 'b') return null;
        return (
          <del key={i} className={DEL}>
            <span className="sr-only">[removed: </span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        );
      })}
    </span>
  );
}
