// Stage 3 of the engine (issue 3): the story as units (sentences and sub-headings) and paragraphs, each with exact
// offsets into the original text, plus the headline and each unit's position (headline / lede / body).

import type { Position, SourceInput, Span, Unit } from '../model.ts';
import type { SegmentOptions } from '../options.ts';
import type { CleanResult } from '../clean/clean.ts';
import { countWords, countWordsIn, endsLikeSentence, isSpace, trimSpan } from '../clean/lines.ts';
import type { Block } from '../clean/lines.ts';
import { splitSentences } from './sentences.ts';

export interface SegmentResult {
  /** Sentences and headings in text order; ids `${sourceId}:u${index}`. */
  readonly units: readonly Unit[];
  /** Paragraph spans of the story, in order; Unit.paragraph indexes this array. */
  readonly paragraphs: readonly Span[];
  readonly headlineUnitId?: string;
  /** The headline text when the first line reads as a headline. */
  readonly title?: string;
  /** Words in the story (removals and dateline excluded). */
  readonly wordCount: number;
}

interface Paragraph {
  readonly span: Span;
  /** Story pieces of the paragraph (a paragraph can contain an inline removal such as a photo credit). */
  readonly pieces: readonly Span[];
}

/** True when the paragraph has no line break. Asked last, after the cheaper tests: it reads the whole paragraph. */
function isSingleLine(text: string, p: Paragraph): boolean {
  return !/[\n\r]/u.test(text.slice(p.span.start, p.span.end));
}

/** A line that may be a heading under the line before it. */
function isHeadingLikeLine(t: string): boolean {
  // A line starting with a dash right under a quote is its attribution ("—Thomas Hale, chairman"), not a heading.
  return !endsLikeSentence(t) && countWords(t) <= 12 && !/^[—–-]/u.test(t);
}

/**
 * Paragraphs from blocks. A block of several lines whose lines each end a sentence is one paragraph per line
 * (text that puts one paragraph per line but also has some blank lines); hard-wrapped prose stays together.
 */
function paragraphBlocks(blocks: readonly Block[]): Span[] {
  const out: Span[] = [];
  for (const b of blocks) {
    let start = (b.lines[0] as Block['lines'][number]).start;
    b.lines.forEach((line, i) => {
      const isLast = i === b.lines.length - 1;
      const next = b.lines[i + 1];
      // Pure tests, cheapest first: the heading test counts the words of the next line.
      if (
        isLast ||
        (next !== undefined &&
          endsLikeSentence(line.text) &&
          (/^[\p{Lu}\p{N}"“‘'«„]/u.test(next.text) || isHeadingLikeLine(next.text)))
      ) {
        out.push({ start, end: line.end });
        if (next) start = next.start;
      }
    });
  }
  return out;
}

function clip(span: Span, story: readonly Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of story) {
    if (s.end <= span.start) continue;
    if (s.start >= span.end) break;
    const t = trimSpan(text, Math.max(s.start, span.start), Math.min(s.end, span.end));
    if (t.end > t.start) out.push(t);
  }
  return out;
}

// Both tests check the length before counting words: most paragraphs are too long to be either, and counting
// visits every character.
function isHeadlineText(t: string): boolean {
  if (t.length > 200) return false;
  const words = countWords(t);
  return words >= 2 && words <= 25 && !/[.:;,]["”’»)]*$/u.test(t) && /^["“‘'«]?[\p{Lu}\p{N}]/u.test(t);
}

function isHeadingText(t: string): boolean {
  if (t.length > 100) return false;
  const words = countWords(t);
  return (
    words >= 1 && words <= 12 && !endsLikeSentence(t) && !/[,\-–—]$/u.test(t) && /^[\p{Lu}\p{N}]/u.test(t)
  );
}

export function segmentSource(
  input: SourceInput,
  cleaned: CleanResult,
  options: SegmentOptions,
): SegmentResult {
  const text = input.text;
  const paragraphs: Paragraph[] = [];
  for (const p of paragraphBlocks(cleaned.blocks)) {
    let pieces = clip(p, cleaned.story, text);
    const d = cleaned.dateline;
    if (d) {
      // The dateline is metadata: the story of its paragraph starts after it.
      pieces = pieces.flatMap((piece) => {
        if (d.end <= piece.start || d.start >= piece.end) return [piece];
        const before = trimSpan(text, piece.start, Math.max(piece.start, d.start));
        let s = Math.min(piece.end, d.end);
        while (s < piece.end && isSpace(text[s])) s++;
        const after = trimSpan(text, s, piece.end);
        return [before, after].filter((x) => x.end > x.start);
      });
    }
    if (pieces.length === 0) continue;
    const first = pieces[0] as Span;
    const last = pieces[pieces.length - 1] as Span;
    const span = { start: first.start, end: last.end };
    paragraphs.push({ span, pieces });
  }

  const units: Unit[] = [];
  let headlineUnitId: string | undefined;
  let title: string | undefined;
  let ledeParagraph = -1;
  const push = (span: Span, paragraph: number, kind: Unit['kind'], position: Position): Unit => {
    const index = units.length;
    const unit: Unit = {
      id: `${input.id}:u${index}`,
      sourceId: input.id,
      index,
      kind,
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      paragraph,
      position,
    };
    units.push(unit);
    return unit;
  };

  paragraphs.forEach((p, i) => {
    const only = p.pieces.length === 1 ? text.slice(p.span.start, p.span.end) : null;
    const startsAtDateline =
      cleaned.dateline !== undefined &&
      cleaned.dateline.end <= p.span.start &&
      cleaned.dateline.start >= p.span.start - 200 &&
      i === 0;
    if (
      i === 0 &&
      only !== null &&
      paragraphs.length > 1 &&
      !startsAtDateline &&
      isHeadlineText(only) &&
      only.length <= options.maxSentenceLength &&
      isSingleLine(text, p)
    ) {
      const u = push(p.span, i, 'sentence', 'headline');
      headlineUnitId = u.id;
      title = u.text;
      return;
    }
    const isHeading =
      only !== null &&
      i > 0 &&
      i < paragraphs.length - 1 &&
      ledeParagraph >= 0 &&
      isHeadingText(only) &&
      only.length <= options.maxSentenceLength &&
      isSingleLine(text, p);
    if (isHeading) {
      push(p.span, i, 'heading', 'body');
      return;
    }
    if (ledeParagraph < 0) ledeParagraph = i;
    const position: Position = i === ledeParagraph ? 'lede' : 'body';
    for (const piece of p.pieces) {
      for (const s of splitSentences(
        text,
        piece.start,
        piece.end,
        options.locale,
        options.maxSentenceLength,
      )) {
        push(s, i, 'sentence', position);
      }
    }
  });

  const wordCount = units.reduce((n, u) => n + countWordsIn(text, u.start, u.end), 0);
  return {
    units,
    paragraphs: paragraphs.map((p) => p.span),
    ...(headlineUnitId !== undefined ? { headlineUnitId } : {}),
    ...(title !== undefined ? { title } : {}),
    wordCount,
  };
}
