// "Don't Miss" / "Related" / "Read more" / "More from …" blocks: a short header line followed by the headlines
// and teaser lines of other articles. When such a block trails the story (everything after the header is
// headline-sized or a teaser), it is removed to the end of the text; otherwise the header and the headline-like
// lines right after it go. A single line "Read more: <headline>" goes alone. Mid-paragraph mentions of "read
// more" or "related" are never touched: only whole short lines are considered.

import type { Block } from '../lines.ts';
import { countSpaced, endsLikeSentence } from '../lines.ts';
import type { CleanRule, RemovalDraft } from './types.ts';

const HEADER =
  /^(?:don['’]t miss|do not miss|related(?: articles| stories| coverage| news| content| reading| links)?|read more|read also|also read|read next|more from [\p{L}\p{N} .&'’-]{1,40}|more on (?:this|the) (?:story|topic)|more stories|more news|see also|recommended(?: for you| stories| articles)?|you may also like|you might also like|most read|most popular|trending(?: now| stories)?|latest news|editor['’]s picks?|top stories|what to read next|in other news|more coverage)\s*[:：]?$/iu;
const INLINE =
  /^(?:read more|read also|also read|related|see also|more|watch|listen|recommended)\s*[:：|»>]\s*\S/iu;

function isHeadlineSized(b: Block): boolean {
  return countSpaced(b.text) <= 40;
}

function looksLikeHeadline(b: Block): boolean {
  return (
    countSpaced(b.text) <= 20 &&
    b.lines.length === 1 &&
    !endsLikeSentence(b.text) &&
    /^[\p{Lu}\p{N}"“‘'«]/u.test(b.text)
  );
}

export const relatedLinksRule: CleanRule = (ctx) => {
  const out: RemovalDraft[] = [];
  const { blocks } = ctx;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.lines.length === 1 && INLINE.test(b.text) && countSpaced(b.text) <= 30) {
      out.push({ start: b.start, end: b.end, kind: 'related-links', reason: 'Link to another article' });
      continue;
    }
    if (b.lines.length !== 1 || !HEADER.test(b.text)) continue;
    const rest = blocks.slice(i + 1);
    const header = b.text.replace(/[:：]\s*$/u, '');
    // Trailing block: everything after the header is headline-sized and reads as headlines or cut-off teasers
    // ("Ukrainian President Volodymyr Zelenskyy said his") rather than finished sentences.
    const listing = rest.filter((r) => looksLikeHeadline(r) || !endsLikeSentence(r.text)).length;
    // Teasers can be finished sentences, so a mixed tail still counts when it is only the last quarter of the text.
    const tailShare = (ctx.text.length - b.start) / Math.max(1, ctx.text.length);
    const trailing = listing === rest.length || (listing * 2 >= rest.length && tailShare <= 0.25);
    if (rest.length > 0 && rest.every(isHeadlineSized) && trailing) {
      const last = rest[rest.length - 1] as Block;
      out.push({
        start: b.start,
        end: last.end,
        kind: 'related-links',
        reason: `“${header}” block at the end: links to other articles`,
      });
      break;
    }
    // A block in the middle of the story: the header and the headline-like lines right after it.
    let end = b.end;
    let j = i + 1;
    while (j < blocks.length && looksLikeHeadline(blocks[j] as Block)) {
      end = (blocks[j] as Block).end;
      j++;
    }
    out.push({
      start: b.start,
      end,
      kind: 'related-links',
      reason: `“${header}” block: links to other articles`,
    });
    i = j - 1;
  }
  return out;
};
