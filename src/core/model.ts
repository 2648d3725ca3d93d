// The engine's data model. Plain data only: every value here is structured-clone safe, so a Comparison crosses
// the worker boundary and serialises to JSON unchanged (DESIGN.md, "The core's model").
//
// Offsets: every span is a half-open range [start, end) of UTF-16 code units into the ORIGINAL text the user gave
// for that source (SourceInput.text). Cleaning never rewrites text; it marks ranges as removed. So for any unit,
// quote or removal, `source.text.slice(start, end)` gives the passage back exactly (DEVELOPERS.md habit 2).

/** Version of the Comparison JSON shape. Bump on any breaking change and document it in docs/comparison-json.md. */
export const COMPARISON_VERSION = 1;

/** A source as handed to `compare`: one report of the event. Adapters outside the core produce these. */
export interface SourceInput {
  /** Stable id chosen by the caller (the app, the CLI). Results are sorted by it, so order of input never matters. */
  readonly id: string;
  /** Outlet name as the user wants it shown ("Scopex", "Wire report"). */
  readonly outlet: string;
  readonly title?: string;
  readonly url?: string;
  /** ISO 8601 date or date-time, if known. */
  readonly publishedAt?: string;
  readonly byline?: string;
  /** The text exactly as received (after HTML was reduced to text by an adapter). */
  readonly text: string;
  /** Ids of cleaning removals the user has put back: those passages are treated as story text again. */
  readonly restored?: readonly string[];
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Why the cleaner took a passage out of the story. */
export type RemovalKind =
  | 'byline'
  | 'author-bio'
  | 'related-links'
  | 'newsletter'
  | 'share-prompt'
  | 'photo-credit'
  | 'advert'
  | 'navigation';

export interface Removal extends Span {
  /** Deterministic: `${sourceId}:rm:${start}`. Used by SourceInput.restored to undo the removal. */
  readonly id: string;
  readonly sourceId: string;
  readonly kind: RemovalKind;
  /** In words a journalist understands: "Author biography at the end of the article". */
  readonly reason: string;
  readonly text: string;
  /** True when the user put it back (its id is in SourceInput.restored); it is then segmented as story text. */
  readonly restored: boolean;
}

/** A dateline such as "VLADIVOSTOK, Sept 5 (Reuters) -": metadata, not a claim. */
export interface Dateline extends Span {
  readonly text: string;
  readonly place?: string;
  readonly date?: string;
  readonly agency?: string;
}

/** What the engine learned about a source, besides its units. */
export interface SourceInfo {
  readonly id: string;
  readonly outlet: string;
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly byline?: string;
  /** Length of SourceInput.text, for checking offsets. */
  readonly length: number;
  /** Words in the story text (removals excluded). */
  readonly wordCount: number;
  /** Paragraph spans of the story, in order. Unit.paragraph indexes this array. */
  readonly paragraphs: readonly Span[];
  readonly removals: readonly Removal[];
  readonly dateline?: Dateline;
  /** Id of the unit that is the headline, if the text starts with one. */
  readonly headlineUnitId?: string;
}

export type UnitKind = 'sentence' | 'heading';
/** Where in the article a unit sits: the headline, the lede (first story paragraph) or the body. */
export type Position = 'headline' | 'lede' | 'body';

/** A sentence or a sub-heading. Headings are kept for display but are never aligned as claims. */
export interface Unit extends Span {
  /** Deterministic: `${sourceId}:u${index}`. */
  readonly id: string;
  readonly sourceId: string;
  /** 0-based order within the source. */
  readonly index: number;
  readonly kind: UnitKind;
  readonly text: string;
  readonly paragraph: number;
  readonly position: Position;
}

/** 'speech': words someone said. 'term': scare quotes around a few words (the so-called "coalition of the willing"). */
export type QuoteKind = 'speech' | 'term';

export interface Quote extends Span {
  /** Deterministic: `${sourceId}:q${n}` in text order. */
  readonly id: string;
  readonly sourceId: string;
  /** The unit where the quote starts. */
  readonly unitId: string;
  /** Every unit the quote touches (a quote can span sentences and paragraphs). */
  readonly unitIds: readonly string[];
  /** The quoted words, without the quotation marks: equals the source text sliced at [start, end). */
  readonly text: string;
  readonly kind: QuoteKind;
  /** Speaker id (Speaker.id) or null when nobody could be attributed. */
  readonly speaker: string | null;
  /** The fullest spelling of the speaker's name in this source ("he" resolved to Putin → "Vladimir Putin"). */
  readonly speakerText?: string;
  /** Role written before the speaker's name in this source ("Russian President"), if any. */
  readonly speakerTitle?: string;
  /** Attribution verb, lower case, as used: "said", "warned", "insisted", "according to". */
  readonly verb: string | null;
  /** Id of the quote this one is nested inside, if any. */
  readonly parentId?: string;
}

/** One person, whatever the spelling across sources (Zelenskiy / Zelenskyy / Zelensky). */
export interface Speaker {
  /** Deterministic: a slug of the canonical name, e.g. "sp:putin". */
  readonly id: string;
  /** The fullest form seen, e.g. "Vladimir Putin". */
  readonly name: string;
  /** Every spelling seen, e.g. ["Zelenskiy", "Volodymyr Zelenskyy"]. */
  readonly variants: readonly string[];
  /** Role seen before the name, e.g. "Russian President". */
  readonly title?: string;
}

export type Relation = 'identical' | 'minor' | 'paraphrase' | 'adds-detail' | 'conflicting';

/** One piece of a word diff from a pair's unit `a` to its unit `b`. */
export interface DiffPart {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

export type DiscrepancyKind = 'number' | 'date' | 'weekday' | 'name';

/** A fact that disagrees between the two units of a pair: "on Friday" vs "on Monday", "26 countries" vs "35". */
export interface Discrepancy {
  readonly kind: DiscrepancyKind;
  /** The value as written in unit a, with its offsets in a's source text. */
  readonly a: { readonly text: string; readonly start: number; readonly end: number };
  readonly b: { readonly text: string; readonly start: number; readonly end: number };
}

/** Two aligned units from different sources. Ids of a and b are ordered so that a < b (by source id, then index). */
export interface Pair {
  readonly id: string;
  readonly a: string;
  readonly b: string;
  /**
   * Alignment score in [0, 1]: the sentence similarity, lowered when the two sources share few of the names they
   * mention (align/context.ts; sibling events).
   */
  readonly score: number;
  readonly relation: Relation;
  /** Word diff of a -> b; `diffComplete` is false when the diff budget ran out and `diff` is a coarse fallback. */
  readonly diff: readonly DiffPart[];
  readonly diffComplete: boolean;
  readonly discrepancies: readonly Discrepancy[];
  /** True when the pair exists because the user linked it by hand. */
  readonly manual?: boolean;
}

/** Units that state the same claim. Every unit is in exactly one group; a one-unit group = only in that source. */
export interface Group {
  readonly id: string;
  readonly unitIds: readonly string[];
  /** Mean pair score inside the group (1 for a one-unit group). */
  readonly score: number;
  /** Source ids present in the group, sorted. */
  readonly sourceIds: readonly string[];
  /** Source ids that omit this claim, sorted. */
  readonly omittedBy: readonly string[];
  /** The strongest relation among the group's pairs ('conflicting' wins), or null for a one-unit group. */
  readonly relation: Relation | null;
  /** True when any unit in the group carries a speech quote. */
  readonly hasQuote: boolean;
  readonly kind: 'sentence' | 'heading';
}

/** Quotes that are the same utterance, even when translated or cut differently. */
export interface QuoteGroup {
  readonly id: string;
  readonly quoteIds: readonly string[];
  readonly speaker: string | null;
  readonly score: number;
}

export type CoverageCell = 'present' | 'absent' | 'conflicting';

export interface SourceReport {
  readonly sourceId: string;
  /** Groups (with at least one other source in the comparison) that only this source carries. */
  readonly onlyHere: readonly string[];
  /** Groups carried by at least one other source but not this one. */
  readonly omitted: readonly string[];
  /** Claim groups this source carries / all claim groups of the comparison, in [0, 1]. */
  readonly coverageShare: number;
  /** For claims shared by 2+ sources: how many this source puts in the headline, the lede and the body. */
  readonly placement: { readonly headline: number; readonly lede: number; readonly body: number };
}

export interface VerbatimOverlap {
  readonly a: string;
  readonly b: string;
  /** Share of the shorter source's story words that appear in runs of >= 8 identical words in the other, [0, 1]. */
  readonly share: number;
}

/**
 * How many of the names (people, places, organisations) two sources mention they share: the IDF-weighted cosine of
 * their sets of capitalised names (align/context.ts). Below options.context.floor their sentence pairs are matched
 * more cautiously: reports that name different people and places may be about different events.
 */
export interface NameOverlap {
  readonly a: string;
  readonly b: string;
  /** In [0, 1]; null when either source names too few (options.context.minNames) to tell. */
  readonly overlap: number | null;
  /** True when this comparison lowered the alignment scores of the two sources' sentence pairs for it. */
  readonly lowered: boolean;
}

export interface LedgerEntry {
  readonly speaker: string | null;
  readonly quoteGroupIds: readonly string[];
}

export interface DiscrepancyEntry {
  readonly groupId: string;
  readonly pairId: string;
  readonly discrepancy: Discrepancy;
}

export interface Report {
  readonly coverage: {
    readonly groupIds: readonly string[];
    readonly sourceIds: readonly string[];
    /** cells[g][s] for groupIds[g] x sourceIds[s]. */
    readonly cells: readonly (readonly CoverageCell[])[];
  };
  readonly perSource: readonly SourceReport[];
  readonly ledger: readonly LedgerEntry[];
  readonly discrepancies: readonly DiscrepancyEntry[];
  readonly verbatim: readonly VerbatimOverlap[];
  /** One entry per pair of sources, in source order. */
  readonly names: readonly NameOverlap[];
}

/** An expected failure, returned as a value (DEVELOPERS.md habit 1), never thrown. */
export interface Problem {
  readonly code:
    | 'empty-source'
    | 'duplicate-id'
    | 'duplicate-text'
    | 'too-few-sources'
    | 'too-many-sources'
    | 'source-too-long'
    | 'budget-exceeded'
    | 'invalid-correction';
  readonly sourceId?: string;
  /** In words a journalist understands, naming the source: "“Scopex” has no text to compare." */
  readonly message: string;
}

/** A user's correction of the engine, kept by the app and re-applied on every compare. */
export type Correction =
  | { readonly kind: 'link'; readonly a: string; readonly b: string }
  | { readonly kind: 'unlink'; readonly a: string; readonly b: string }
  | { readonly kind: 'relation'; readonly a: string; readonly b: string; readonly relation: Relation };

export interface Stats {
  /** Milliseconds per stage, when a clock was supplied in options; empty otherwise (keeps compare deterministic). */
  readonly timings: Readonly<Record<string, number>>;
  readonly units: number;
  readonly candidatePairs: number;
  readonly scoredPairs: number;
  /** Names of budgets that ran out ("diff", "candidates", ...): results are complete but coarser there. */
  readonly budgetsHit: readonly string[];
}

export interface Comparison {
  readonly version: typeof COMPARISON_VERSION;
  readonly sources: readonly SourceInfo[];
  readonly units: readonly Unit[];
  readonly quotes: readonly Quote[];
  readonly speakers: readonly Speaker[];
  readonly groups: readonly Group[];
  readonly quoteGroups: readonly QuoteGroup[];
  readonly pairs: readonly Pair[];
  readonly report: Report;
  readonly problems: readonly Problem[];
  readonly stats: Stats;
}
