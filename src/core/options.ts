// Options for `compare`, grouped by pipeline stage. Defaults are frozen (DEVELOPERS.md habit 3): callers pass a
// partial object and `resolveOptions` merges it over the defaults, section by section.
//
// Each stage owns its section; the values are chosen on the dev benchmarks (README, "Accuracy") and the reasons
// are stated beside each field.

import type { Correction } from './model.ts';

export interface CleanOptions {
  /** Turn boilerplate removal off entirely (the user wants to see the raw text). */
  readonly enabled: boolean;
}

export interface SegmentOptions {
  /** BCP 47 locale for Intl.Segmenter. */
  readonly locale: string;
  /** A "sentence" longer than this many characters is split at the nearest clause boundary (issue 6: 50,000-char runs). */
  readonly maxSentenceLength: number;
}

export interface QuoteOptions {
  /** Quotes with at most this many words and no speech verb are scare quotes ("terms"), not speech. */
  readonly maxTermWords: number;
  /** fuse.js threshold for treating two speaker names as one person (0 = exact, 1 = anything). */
  readonly speakerNameThreshold: number;
}

export interface AlignOptions {
  /**
   * Pairs whose alignment score (the sentence score with the source context below) is at or above this are the same
   * claim. The sentence score is the MRPC-fitted paraphrase probability, which is strict (MRPC's "paraphrase" means
   * nearly the same sentence); claims worded differently by two outlets score far lower, so alignment cuts at 0.02,
   * chosen on ECB+ dev so that grouping keeps its precision and recall (0.995 / 0.25 of same-event sentence pairs)
   * with hard negatives below 1% above it. The paraphrase decision of the `score` CLI uses PARAPHRASE_THRESHOLD
   * (align/scorer.ts), chosen by CV on MRPC.
   */
  readonly threshold: number;
  /** Candidates kept per unit from the inverted index before scoring (keeps the work sub-quadratic). */
  readonly candidatesPerUnit: number;
  /** Threshold for grouping two quotes as one utterance. */
  readonly quoteThreshold: number;
}

/**
 * Source context of the alignment score (align/context.ts): a pair of sentences from two sources that share few of
 * the names they mention is pushed down, so sentences about a sibling event do not merge. Chosen on ECB+ dev by
 * pair AUC, leave-one-topic-out (docs/accuracy.md); weight 0 turns it off.
 */
export interface ContextOptions {
  /** Name overlap (cosine, 0..1) at or above which a pair keeps its sentence score. */
  readonly floor: number;
  /** Log-odds taken off per unit of name overlap below the floor. */
  readonly weight: number;
  /**
   * A source naming fewer distinct names than this says too little about which event it reports: its pairs keep
   * their sentence score (a two-paragraph brief, a story about an unnamed study).
   */
  readonly minNames: number;
}

export interface DiffOptions {
  /** Milliseconds jsdiff may spend on one pair before it gives up and a coarse diff is used. */
  readonly timeoutMs: number;
  /**
   * jsdiff maxEditLength per pair: edits its search may explore, counted among the tokens both sides share (a word
   * only one side has is a change without any search).
   */
  readonly maxEditLength: number;
}

export interface BudgetOptions {
  /** Refuse sources longer than this many characters (reported as a Problem, not thrown). */
  readonly maxSourceChars: number;
  readonly maxSources: number;
}

export interface CompareOptions {
  readonly clean: CleanOptions;
  readonly segment: SegmentOptions;
  readonly quotes: QuoteOptions;
  readonly align: AlignOptions;
  readonly context: ContextOptions;
  readonly diff: DiffOptions;
  readonly budgets: BudgetOptions;
  /** The user's corrections (link / unlink / relation), re-applied after alignment. */
  readonly corrections: readonly Correction[];
  /**
   * Optional clock for Stats.timings and for diff timeouts. Omitted = no timings and budget counted in edit
   * length only, which keeps compare fully deterministic. Not serialisable: the worker supplies its own.
   */
  readonly now?: () => number;
  /** Optional progress callback: stage name and fraction done in [0, 1]. */
  readonly onProgress?: (stage: string, fraction: number) => void;
  /** Optional cancellation check, polled between stages and inside long loops; true = stop. */
  readonly isCancelled?: () => boolean;
}

/** What callers pass: any subset of each section, plus the optional hooks. */
export interface CompareOptionsInput {
  readonly clean?: Partial<CleanOptions>;
  readonly segment?: Partial<SegmentOptions>;
  readonly quotes?: Partial<QuoteOptions>;
  readonly align?: Partial<AlignOptions>;
  readonly context?: Partial<ContextOptions>;
  readonly diff?: Partial<DiffOptions>;
  readonly budgets?: Partial<BudgetOptions>;
  readonly corrections?: readonly Correction[];
  readonly now?: () => number;
  readonly onProgress?: (stage: string, fraction: number) => void;
  readonly isCancelled?: () => boolean;
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(value);
}

export const DEFAULT_OPTIONS: CompareOptions = deepFreeze({
  clean: { enabled: true },
  segment: { locale: 'en', maxSentenceLength: 1_000 },
  quotes: { maxTermWords: 4, speakerNameThreshold: 0.3 },
  align: { threshold: 0.02, candidatesPerUnit: 12, quoteThreshold: 0.45 },
  context: { floor: 0.25, weight: 40, minNames: 3 },
  diff: { timeoutMs: 50, maxEditLength: 400 },
  budgets: { maxSourceChars: 2_000_000, maxSources: 200 },
  corrections: [],
});

/** Merge a partial options object over the frozen defaults, one stage section at a time. */
export function resolveOptions(input: CompareOptionsInput = {}): CompareOptions {
  const d = DEFAULT_OPTIONS;
  return {
    clean: { ...d.clean, ...input.clean },
    segment: { ...d.segment, ...input.segment },
    quotes: { ...d.quotes, ...input.quotes },
    align: { ...d.align, ...input.align },
    context: { ...d.context, ...input.context },
    diff: { ...d.diff, ...input.diff },
    budgets: { ...d.budgets, ...input.budgets },
    corrections: input.corrections ?? d.corrections,
    ...(input.now ? { now: input.now } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.isCancelled ? { isCancelled: input.isCancelled } : {}),
  };
}
