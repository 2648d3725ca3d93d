// Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Words by …" near the top, and the wire trailer
// "Reporting by X; Editing by Y" anywhere. A byline names the author, not a claim of the story.

import type { CleanRule, RemovalDraft } from './types.ts';
import { countSpaced } from '../lines.ts';
import { wordsOf } from './types.ts';

const NAME = String.raw`\p{Lu}[\p{L}'’.\-]*`;
// "By Jane Doe", optional "and X", optional ", Outlet" / "| Outlet" / "— Title" tail; the name part stays short.
const BYLINE = new RegExp(
  String.raw`^(?:by|words by|written by|reported by|story by)\s+${NAME}(?:\s+(?:${NAME}|and|&|de|van|von|al|bin|la|le))*` +
    String.raw`(?:\s*(?:,|\||–|—|-)\s*[^.!?]{0,80})?$`,
  'iu',
);
const TRAILER =
  /^(?:\(?\s*)?(?:reporting|additional reporting|writing|editing|compiled|produced)\s+by\b[^\n]*(?:by\b[^\n]*)?\)?$/iu;

export const bylineRule: CleanRule = (ctx) => {
  const out: RemovalDraft[] = [];
  const content = ctx.lines.filter((l) => !l.blank);
  content.forEach((line, i) => {
    // Cheapest test first (all are pure): most lines fail the anchored prefix and are never counted.
    if (
      i < 6 &&
      /^(?:by|words|written|reported|story)\s/iu.test(line.text) &&
      countSpaced(line.text) <= 16 &&
      BYLINE.test(line.text)
    ) {
      // "By the way, …" and "By Friday the talks had stalled." are sentences, not bylines: require capitals only.
      const rest = wordsOf(line.text)
        .slice(1)
        .filter((w) => !/^(?:and|&|de|van|von|al|bin|la|le|by|[,|–—-])$/iu.test(w));
      const nameWords = rest.slice(0, 4);
      if (nameWords.length > 0 && nameWords.every((w) => /^\p{Lu}/u.test(w) || /^[,|–—-]/u.test(w))) {
        out.push({
          start: line.start,
          end: line.end,
          kind: 'byline',
          reason: 'Byline: the name of the author',
        });
      }
      return;
    }
    if (TRAILER.test(line.text) && countSpaced(line.text) <= 30) {
      out.push({
        start: line.start,
        end: line.end,
        kind: 'byline',
        reason: 'Credits for the reporters and editors',
      });
    }
  });
  return out;
};
