// Advertising and page-navigation leftovers that survive HTML-to-text: "Advertisement", "Story continues below",
// "Skip to content", breadcrumbs such as "Home › World › Europe". Whole short lines only, matched exactly, so no
// sentence of the story can be taken for one.

import type { CleanRule, RemovalDraft } from './types.ts';

const ADVERT =
  /^(?:advertisement|advertisements|advert|sponsored(?: content)?|paid (?:content|post)|scroll to continue(?: with content)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading below|ad)$/iu;
const NAV_WORD = String.raw`(?:home|news|world|politics|business|economy|sport|sports|opinion|europe|asia|americas|africa|middle east|uk|us|tech|technology|science|culture|menu|search|live)`;
const NAVIGATION = new RegExp(
  String.raw`^(?:skip to (?:main )?content|back to top|next article|previous article|log ?in|sign in|${NAV_WORD}(?:\s*[|›>»/]\s*${NAV_WORD}){1,6})$`,
  'iu',
);

export const advertRule: CleanRule = (ctx) => {
  const out: RemovalDraft[] = [];
  for (const l of ctx.lines) {
    if (l.blank) continue;
    if (ADVERT.test(l.text))
      out.push({ start: l.start, end: l.end, kind: 'advert', reason: 'Advertising placeholder' });
    else if (NAVIGATION.test(l.text))
      out.push({
        start: l.start,
        end: l.end,
        kind: 'navigation',
        reason: 'Website navigation, not part of the story',
      });
  }
  return out;
};
