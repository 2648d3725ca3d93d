// What every cleaning rule receives and returns. A rule only proposes ranges; clean.ts resolves overlaps, assigns
// ids and applies the user's restorations, so every rule stays a small pure function that can be tested alone.

import type { RemovalKind } from '../../model.ts';
import type { Block, Line } from '../lines.ts';

export interface RuleContext {
  readonly text: string;
  readonly lines: readonly Line[];
  /** Paragraph-like blocks (blank-line separated, or one per line when the text has no blank lines). */
  readonly blocks: readonly Block[];
}

export interface RemovalDraft {
  readonly start: number;
  readonly end: number;
  readonly kind: RemovalKind;
  /** Shown to the user next to the removed passage; says what it is, not how it was found. */
  readonly reason: string;
}

export type CleanRule = (ctx: RuleContext) => RemovalDraft[];

/** Words in a line, cheaply: enough for "is this a short line" decisions. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w.length > 0);
}
