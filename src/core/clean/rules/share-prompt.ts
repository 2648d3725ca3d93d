// Share and follow prompts: "Share this article", "Follow us on X", "Click here to share". They are page
// furniture the extraction kept, never part of the story. Only whole short lines are removed, so a sentence that
// happens to contain "follow us" inside a paragraph stays.

import type { CleanRule } from './types.ts';
import { countSpaced } from '../lines.ts';

const SHARE =
  /^(?:share (?:this|the) (?:article|story|post|page)|share on \w+|share via \w+|share:?$|share this:?$|follow us (?:on|at)\b|follow \S+ on (?:twitter|x|facebook|instagram|telegram|threads|bluesky|linkedin|tiktok|youtube)|like us on facebook|click (?:here )?to share|copy link|tweet this|email this|print this (?:article|page)|join (?:us|our channel) on (?:telegram|whatsapp))/iu;

export const sharePromptRule: CleanRule = (ctx) =>
  ctx.lines
    .filter((l) => !l.blank && SHARE.test(l.text) && countSpaced(l.text) <= 14)
    .map((l) => ({
      start: l.start,
      end: l.end,
      kind: 'share-prompt' as const,
      reason: 'Prompt to share the article or follow the outlet',
    }));
