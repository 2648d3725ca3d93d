// Quote extraction accuracy on hand-labelled articles (issue 5): `npx tsx src/cli/eval-quotes.ts [dir]`
// (default eval/quotes). Each label file is `{ file, quotes: [{ text, speaker, kind? }] }` (eval/quotes/README.md).
//
// Spans: a predicted speech quote matches a gold speech quote when their character ranges overlap with
// intersection / union >= 0.5 (one-to-one, best overlaps first). Speakers: over matched pairs, right when both
// are null or the names can be the same person (surname and spelling variants, as resolveSpeakers decides).

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanSource } from '../core/clean/clean.ts';
import type { Quote, SourceInput } from '../core/model.ts';
import { DEFAULT_OPTIONS } from '../core/options.ts';
import { extractQuotes } from '../core/quotes/extract.ts';
import { resolveSpeakers, sameSpeakerName } from '../core/quotes/speakers.ts';
import { segmentSource } from '../core/segment/segment.ts';

export interface LabelledSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string | null;
}

export interface SpanMatch {
  readonly gold: number;
  readonly predicted: number;
  readonly overlap: number;
}

/** Intersection over union of two character ranges, in [0, 1]. */
export function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}

/** One-to-one matching, best overlaps first (ties: earlier gold, then earlier prediction), overlap >= minOverlap. */
export function matchSpans(
  gold: readonly { start: number; end: number }[],
  predicted: readonly { start: number; end: number }[],
  minOverlap = 0.5,
): SpanMatch[] {
  const candidates: SpanMatch[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const overlap = overlapRatio(g, p);
      if (overlap >= minOverlap) candidates.push({ gold: gi, predicted: pi, overlap });
    }),
  );
  candidates.sort((a, b) => b.overlap - a.overlap || a.gold - b.gold || a.predicted - b.predicted);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: SpanMatch[] = [];
  for (const c of candidates) {
    if (usedG.has(c.gold) || usedP.has(c.predicted)) continue;
    usedG.add(c.gold);
    usedP.add(c.predicted);
    out.push(c);
  }
  return out.sort((a, b) => a.gold - b.gold);
}

export function sameSpeaker(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return sameSpeakerName(a, b, DEFAULT_OPTIONS.quotes.speakerNameThreshold);
}

export interface ArticleScore {
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
  readonly speakerCorrect: number;
  readonly errors: string[];
}

/** Score one article's predicted speech quotes against its gold speech quotes. */
export function scoreArticle(
  name: string,
  gold: readonly LabelledSpan[],
  predicted: readonly LabelledSpan[],
): ArticleScore {
  const matches = matchSpans(gold, predicted);
  const errors: string[] = [];
  let speakerCorrect = 0;
  for (const m of matches) {
    const g = gold[m.gold] as LabelledSpan;
    const p = predicted[m.predicted] as LabelledSpan;
    if (sameSpeaker(g.speaker, p.speaker)) speakerCorrect++;
    else
      errors.push(
        `${name}: speaker of “${clip(g.text)}” is ${p.speaker ?? 'nobody'}, expected ${g.speaker ?? 'nobody'}`,
      );
  }
  const mg = new Set(matches.map((m) => m.gold));
  const mp = new Set(matches.map((m) => m.predicted));
  gold.forEach((g, i) => {
    if (!mg.has(i)) errors.push(`${name}: missed “${clip(g.text)}”`);
  });
  predicted.forEach((p, i) => {
    if (!mp.has(i)) errors.push(`${name}: extra quote “${clip(p.text)}”`);
  });
  return { gold: gold.length, predicted: predicted.length, matched: matches.length, speakerCorrect, errors };
}

function clip(s: string): string {
  const one = s.replace(/\s+/gu, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

interface LabelFile {
  readonly file: string;
  readonly quotes: readonly { text: string; speaker: string | null; kind?: 'speech' | 'term' }[];
}

/** The engine's stages 2-4 on one text: speech quotes with the speaker's canonical name. */
export function predictQuotes(id: string, text: string): { quotes: Quote[]; names: Map<string, string> } {
  const input: SourceInput = { id, outlet: id, text };
  const cleaned = cleanSource(input, DEFAULT_OPTIONS.clean);
  const segmented = segmentSource(input, cleaned, DEFAULT_OPTIONS.segment);
  const raw = extractQuotes(input, segmented.units, DEFAULT_OPTIONS.quotes);
  const { quotes, speakers } = resolveSpeakers(raw, DEFAULT_OPTIONS.quotes);
  return { quotes, names: new Map(speakers.map((s) => [s.id, s.name])) };
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

export async function evaluateQuotes(dir: string): Promise<{
  articles: number;
  goldQuotes: number;
  predictedQuotes: number;
  spanPrecision: number;
  spanRecall: number;
  spanF1: number;
  speakerAccuracy: number;
  errors: string[];
}> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let speakerCorrect = 0;
  const errors: string[] = [];
  let articles = 0;
  for (const f of files) {
    const labelPath = join(dir, f);
    let label: LabelFile;
    let text: string;
    try {
      label = JSON.parse(readFileSync(labelPath, 'utf8')) as LabelFile;
      text = readFileSync(resolve(dirname(labelPath), label.file), 'utf8');
    } catch (e) {
      errors.push(`${f}: cannot read the label or its article (${(e as Error).message})`);
      continue;
    }
    articles++;
    const name = basename(label.file);
    // Gold spans: each labelled text is found in the article, searching on from the previous one.
    const goldSpans: LabelledSpan[] = [];
    let from = 0;
    for (const q of label.quotes) {
      let at = text.indexOf(q.text, from);
      if (at < 0) at = text.indexOf(q.text);
      if (at < 0) {
        errors.push(`${name}: labelled quote not found in the article: “${clip(q.text)}”`);
        continue;
      }
      from = at + 1;
      if ((q.kind ?? 'speech') === 'speech')
        goldSpans.push({ start: at, end: at + q.text.length, text: q.text, speaker: q.speaker });
    }
    const { quotes, names } = predictQuotes(name, text);
    const predSpans: LabelledSpan[] = quotes
      .filter((q) => q.kind === 'speech')
      .map((q) => ({
        start: q.start,
        end: q.end,
        text: q.text,
        speaker: q.speaker ? (names.get(q.speaker) ?? q.speakerText ?? null) : null,
      }));
    const s = scoreArticle(name, goldSpans, predSpans);
    gold += s.gold;
    predicted += s.predicted;
    matched += s.matched;
    speakerCorrect += s.speakerCorrect;
    errors.push(...s.errors);
  }
  const spanPrecision = predicted > 0 ? matched / predicted : 0;
  const spanRecall = gold > 0 ? matched / gold : 0;
  const spanF1 =
    spanPrecision + spanRecall > 0 ? (2 * spanPrecision * spanRecall) / (spanPrecision + spanRecall) : 0;
  return {
    articles,
    goldQuotes: gold,
    predictedQuotes: predicted,
    spanPrecision: round(spanPrecision),
    spanRecall: round(spanRecall),
    spanF1: round(spanF1),
    speakerAccuracy: round(matched > 0 ? speakerCorrect / matched : 0),
    errors,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'eval/quotes';
  const r = await evaluateQuotes(dir);
  console.log(
    `quotes: ${r.articles} articles, ${r.goldQuotes} gold / ${r.predictedQuotes} predicted speech quotes; ` +
      `span P ${r.spanPrecision} R ${r.spanRecall} F1 ${r.spanF1}; speaker accuracy ${r.speakerAccuracy}`,
  );
  for (const e of r.errors) console.log(`  ${e}`);
}
