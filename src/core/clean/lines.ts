// Lines and blocks of a source text, with offsets into the original text. Cleaning rules and the segmenter both
// reason about lines ("a short name line followed by a bio paragraph"), so the split lives here once.
//
// Line ends: "\r\n", "\r" and "\n" all end a line (issue 3: handle CRLF and CR). Offsets are UTF-16 code units.

import type { Span } from '../model.ts';

export interface Line extends Span {
  /** 0-based line number. */
  readonly index: number;
  /** Offsets of the line's content without leading/trailing whitespace; equal start/end when blank. */
  readonly text: string;
  readonly blank: boolean;
}

/** A run of non-blank lines (one paragraph in blank-line-separated text, one line otherwise). */
export interface Block extends Span {
  readonly lines: readonly Line[];
  readonly text: string;
}

const WS = /\s/u;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && WS.test(ch);
}

/** Narrow [start, end) so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let index = 0;
  const push = (end: number): void => {
    const t = trimSpan(text, lineStart, end);
    lines.push({
      index: index++,
      start: t.start,
      end: t.end,
      text: text.slice(t.start, t.end),
      blank: t.start === t.end,
    });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      push(i);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  push(text.length);
  return lines;
}

/**
 * True when the text separates paragraphs with blank lines. Text without a blank line between two non-blank lines
 * (the wire seed: one paragraph per line) is read one line per paragraph instead.
 */
export function usesBlankLines(lines: readonly Line[]): boolean {
  let seenContent = false;
  let blankAfterContent = false;
  for (const l of lines) {
    if (!l.blank) {
      if (blankAfterContent) return true;
      seenContent = true;
    } else if (seenContent) blankAfterContent = true;
  }
  return false;
}

export function splitBlocks(text: string, lines: readonly Line[] = splitLines(text)): Block[] {
  const blankMode = usesBlankLines(lines);
  const blocks: Block[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = run[0] as Line;
    const last = run[run.length - 1] as Line;
    blocks.push({ start: first.start, end: last.end, lines: run, text: text.slice(first.start, last.end) });
    run = [];
  };
  for (const l of lines) {
    if (l.blank) {
      flush();
      continue;
    }
    run.push(l);
    if (!blankMode) flush();
  }
  flush();
  return blocks;
}

/** Words as a journalist would count them: runs of letters/digits (with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/** Sentence-final punctuation, allowing closing quotes/brackets after it ("…strikes.”"). */
export const ENDS_LIKE_SENTENCE = /[.!?…。！？؟:;][\s"'”’»)\]]*$/u;
