// Stage 2 of the engine (issue 3): mark what is not the story. Nothing is rewritten: every removal keeps its
// original offsets, its text and a reason, and the user can put it back (SourceInput.restored), after which the
// passage is story again. Rules live in rules/, one file per kind of boilerplate.

import type { Dateline, Removal, SourceInput, Span } from '../model.ts';
import type { CleanOptions } from '../options.ts';
import { findDateline } from './dateline.ts';
import { splitBlocks, splitLines, trimSpan } from './lines.ts';
import type { Block } from './lines.ts';
import { advertRule } from './rules/advert.ts';
import { authorBioRule } from './rules/author-bio.ts';
import { bylineRule } from './rules/byline.ts';
import { newsletterRule } from './rules/newsletter.ts';
import { photoCreditRule } from './rules/photo-credit.ts';
import { relatedLinksRule } from './rules/related-links.ts';
import { sharePromptRule } from './rules/share-prompt.ts';
import type { CleanRule, RemovalDraft } from './rules/types.ts';

export interface CleanResult {
  /** Every removal in text order; those the user restored are included with restored: true. */
  readonly removals: readonly Removal[];
  readonly dateline?: Dateline;
  /** The story: ranges of the original text that are NOT removed (restored removals count as story), sorted, disjoint. */
  readonly story: readonly Span[];
  /** The text's blocks as the rules read them (lines inside), so the segmenter does not split the text again. */
  readonly blocks: readonly Block[];
}

/** Order matters only for ties: when two rules claim overlapping text, the wider, earlier range wins. */
const RULES: readonly CleanRule[] = [
  relatedLinksRule,
  authorBioRule,
  bylineRule,
  newsletterRule,
  sharePromptRule,
  photoCreditRule,
  advertRule,
];

/** Keep a disjoint set: sort by start, then longest first; drop anything overlapping an accepted range. */
function resolveOverlaps(drafts: readonly RemovalDraft[]): RemovalDraft[] {
  const sorted = [...drafts]
    .filter((d) => d.end > d.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.kind.localeCompare(b.kind));
  const out: RemovalDraft[] = [];
  let lastEnd = -1;
  for (const d of sorted) {
    if (d.start < lastEnd) continue;
    out.push(d);
    lastEnd = d.end;
  }
  return out;
}

/** Complement of the active removals in [0, text.length), trimmed of surrounding whitespace, empties dropped. */
export function storySpans(text: string, removed: readonly Span[]): Span[] {
  const out: Span[] = [];
  let pos = 0;
  const push = (s: number, e: number): void => {
    const t = trimSpan(text, s, e);
    if (t.end > t.start) out.push(t);
  };
  for (const r of [...removed].sort((a, b) => a.start - b.start)) {
    if (r.start > pos) push(pos, r.start);
    pos = Math.max(pos, r.end);
  }
  if (pos < text.length) push(pos, text.length);
  return out;
}

export function cleanSource(input: SourceInput, options: CleanOptions): CleanResult {
  const text = input.text;
  const lines = splitLines(text);
  const ctx = { text, lines, blocks: splitBlocks(text, lines) };
  const drafts = options.enabled ? resolveOverlaps(RULES.flatMap((rule) => rule(ctx))) : [];
  const restored = new Set(input.restored ?? []);
  const removals: Removal[] = drafts.map((d) => {
    const id = `${input.id}:rm:${d.start}`;
    return {
      id,
      sourceId: input.id,
      kind: d.kind,
      reason: d.reason,
      start: d.start,
      end: d.end,
      text: text.slice(d.start, d.end),
      restored: restored.has(id),
    };
  });
  const active = removals.filter((r) => !r.restored);
  const isRemoved = (pos: number): boolean => active.some((r) => pos >= r.start && pos < r.end);
  const dateline = findDateline(text, lines, isRemoved);
  return {
    removals,
    ...(dateline ? { dateline } : {}),
    story: storySpans(text, active),
    blocks: ctx.blocks,
  };
}
