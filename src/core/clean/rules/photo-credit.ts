// Photo credits and captions: "Photo: Jane Doe/Reuters", "(Reuters/Evgenia Novozhenina)", "… Getty Images",
// "REUTERS/Name". A short line carrying a credit is a caption and goes whole; inside a long story line only the
// bracketed credit itself goes, so the sentence around it stays.

import type { CleanRule, RemovalDraft } from './types.ts';
import { countSpaced } from '../lines.ts';

const LINE_START =
  /^(?:photo|photos|image|images|picture|pictures|photograph|file photo|credit|caption|illustration)(?: credit)?s?\s*[:：|]/iu;
const AGENCY = String.raw`(?:Reuters|REUTERS|AP|AFP|EPA|EPA-EFE|Getty Images|Bloomberg|Anadolu|TASS|Sputnik|Xinhua|Pool|Shutterstock|Alamy)`;
const CREDIT_TOKEN = new RegExp(
  String.raw`\((?:photo|image|picture)s?\s*(?:by|:)[^)]{1,80}\)|\(${AGENCY}\s*\/\s*[^)]{1,60}\)|\b(?:REUTERS|AP Photo|AFP|EPA|Pool)\s*\/\s*\p{Lu}[\p{L}.\-' ]{1,60}|\bvia Getty Images\b|\bGetty Images\b|\bPhoto(?:graph)?:\s*\p{Lu}`,
  'u',
);
const CREDIT_AT_END = /\b(?:REUTERS|AP Photo|AFP|EPA)\s*\/\s*\p{Lu}[\p{L}.\-' ]+$/u;

/**
 * False when neither CREDIT_TOKEN nor CREDIT_AT_END can match `text`: each of their alternatives contains a "(",
 * a "/", a ":" or "Getty Images" (both regexes are case-sensitive). Four native searches instead of two regex
 * scans and a word count over every line; equality is a property test.
 */
function mayHoldCreditToken(text: string): boolean {
  return text.includes('(') || text.includes('/') || text.includes(':') || text.includes('Getty Images');
}

// An inline credit starts at its bracket. (A leading `\s*` here, trimmed off again, found the same brackets but
// rescanned a run of spaces from each of its positions: quadratic on a line with a long run of spaces.)
const INLINE = new RegExp(
  String.raw`\((?:photo|image|picture)s?\s*(?:by|:)[^)]{1,80}\)|\(${AGENCY}\s*\/\s*[^)]{1,60}\)`,
  'giu',
);

export const photoCreditRule: CleanRule = (ctx) => {
  const out: RemovalDraft[] = [];
  for (const l of ctx.lines) {
    if (l.blank) continue;
    // All tests are pure, so the cheapest go first: most lines hold none of the characters a credit token needs,
    // and are neither counted nor scanned by the token regexes. Only "at most 40 words?" is asked, so the count may
    // stop at 41.
    if (
      LINE_START.test(l.text) ||
      (mayHoldCreditToken(l.text) &&
        countSpaced(l.text, 40) <= 40 &&
        ((CREDIT_TOKEN.test(l.text) && !/[.!?]["”’]?\s*$/u.test(l.text.replace(/\([^)]*\)\s*$/u, ''))) ||
          CREDIT_AT_END.test(l.text)))
    ) {
      out.push({ start: l.start, end: l.end, kind: 'photo-credit', reason: 'Photo caption or credit' });
      continue;
    }
    // Both inline credit forms are bracketed: a line without '(' has none (skips a regex pass per line).
    if (!l.text.includes('(')) continue;
    INLINE.lastIndex = 0;
    for (let m = INLINE.exec(l.text); m; m = INLINE.exec(l.text)) {
      out.push({
        start: l.start + m.index,
        end: l.start + m.index + m[0].length,
        kind: 'photo-credit',
        reason: 'Photo credit',
      });
    }
  }
  return out;
};
