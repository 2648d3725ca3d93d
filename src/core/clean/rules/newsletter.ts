// Newsletter and sign-up prompts ("Sign up for our daily newsletter", "Subscribe to …", "Get the latest … in
// your inbox"). Whole short lines only: a story sentence about subscriptions inside a paragraph stays.

import type { CleanRule } from './types.ts';
import { countSpaced } from '../lines.ts';

const NEWSLETTER =
  /^(?:sign up\b|subscribe\b|newsletter:?$|get (?:the|our) [\w\s’']{0,40}(?:newsletter|in your inbox|delivered)|(?:our|the) [\w\s’']{0,30}newsletter\b|want (?:more|the latest)\b[^.]{0,60}\?|enter your email|register (?:now|for free)|already a subscriber|support (?:our|independent) journalism|become a (?:member|subscriber))/iu;

export const newsletterRule: CleanRule = (ctx) =>
  ctx.lines
    .filter((l) => !l.blank && NEWSLETTER.test(l.text) && countSpaced(l.text) <= 25)
    .map((l) => ({
      start: l.start,
      end: l.end,
      kind: 'newsletter' as const,
      reason: 'Newsletter or sign-up prompt',
    }));
