// Quote ledger (issue 4, "Quotes"): by speaker, every utterance (quote group) with the outlets that carry it, the
// wording variants and their word diffs, truncations, who paraphrased instead of quoting, and the attribution
// verb each outlet used. Unattributed quotes come last; scare-quoted terms are listed on their own.
import { wordDiff } from 'diff';
import type { Comparison, DiffPart, Quote } from '../../core/model.ts';
import { orderedSourceIds } from './side-by-side.ts';

export interface QuoteVariant {
  readonly quoteId: string;
  readonly sourceId: string;
  readonly outlet: string;
  readonly text: string;
  readonly verb: string | null;
  /** The speaker's name as this outlet wrote it. */
  readonly speakerText: string | null;
  /** Word diff from the first variant (workspace order) to this one; null for the first. */
  readonly diff: readonly DiffPart[] | null;
  /**
   * Set when this wording and the first share less than half of their words (a different translation or a much
   * longer or shorter cut): this variant's own text with the shared words marked, which reads better than a diff
   * that is mostly strike-through and insertion. Null for the first variant and for close wordings.
   */
  readonly sharedWords: readonly WordRun[] | null;
  /** The outlet whose longer quote this one is a cut-down part of, or null. */
  readonly truncationOf: string | null;
  /** The claim group of the unit the quote starts in, for jumping to Side by side. */
  readonly groupId: string | null;
}

export interface WordRun {
  readonly text: string;
  /** True when these words also appear, in this order, in the wording compared against. */
  readonly shared: boolean;
}

export interface Paraphrase {
  readonly sourceId: string;
  readonly outlet: string;
  readonly unitId: string;
  readonly text: string;
  readonly groupId: string;
}

export interface QuoteEntry {
  readonly quoteGroupId: string;
  readonly variants: readonly QuoteVariant[];
  /** Outlets that carry the claim but not as a direct quote. */
  readonly paraphrases: readonly Paraphrase[];
  /** Outlets that carry neither the quote nor its claim. */
  readonly absentFrom: readonly string[];
  /** True when every variant has the same words (ignoring case and punctuation). */
  readonly sameWording: boolean;
}

export interface SpeakerSection {
  readonly speakerId: string;
  readonly name: string;
  readonly title: string | null;
  /** Spellings other than `name`. */
  readonly variants: readonly string[];
  readonly entries: readonly QuoteEntry[];
}

export interface TermEntry {
  readonly text: string;
  readonly uses: readonly {
    sourceId: string;
    outlet: string;
    quoteId: string;
    context: string;
    groupId: string | null;
  }[];
}

export interface LedgerModel {
  readonly speakers: readonly SpeakerSection[];
  readonly unattributed: readonly QuoteEntry[];
  readonly terms: readonly TermEntry[];
  readonly quoteCount: number;
}

/** Words only: quotes differ in trailing commas and curly apostrophes more often than in substance. */
export function normaliseQuote(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}'%]+/gu, ' ')
    .trim();
}

const CURLY_APOSTROPHES = /[’‘]/g;
/**
 * jsdiff's word diff with one more equivalence: jsdiff makes an apostrophe a token of its own ("don", "’", "t"),
 * so an outlet's typographic apostrophe against another's straight one showed as a change inside the word. Only
 * `equals` differs; tokenising and the whitespace clean-up are jsdiff's.
 */
const quoteWordDiff: typeof wordDiff = Object.create(wordDiff, {
  equals: {
    value: (left: string, right: string, options: Parameters<typeof wordDiff.equals>[2]) =>
      wordDiff.equals(left.replace(CURLY_APOSTROPHES, "'"), right.replace(CURLY_APOSTROPHES, "'"), options),
  },
}) as typeof wordDiff;

/**
 * Word diff of two wordings of one quote. Case is ignored: an outlet that cuts into a sentence starts it in lower
 * case ("we will provide" / "We will provide"), which is not a change of wording; nor is a curly apostrophe for a
 * straight one. Equal parts carry the `to` text (jsdiff takes them from the new string), so equal + insert parts
 * still join to `to` exactly.
 */
export function quoteDiff(from: string, to: string): DiffPart[] {
  return quoteWordDiff.diff(from, to, { ignoreCase: true }).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
}

/**
 * Below this share of shared words a word diff stops helping: the share is the Dice coefficient
 * 2·shared / (words in one + words in the other), so "share less than half of their words" measured against
 * their average length, the same whichever wording is the reference. At 0.5 at least two thirds of the words a
 * merged diff prints are struck through or inserted (shared / (a + b − shared) = 1/3), i.e. the wall of
 * red and green the shared-words view replaces. Translations of one utterance by different outlets fall well
 * below (the sample's "destruction" / "strikes" pair: 0.24); a one-word change in a ten-word quote stays at 0.9.
 */
export const SHARED_WORDS_OPTIONS = Object.freeze({ maxShare: 0.5 });

// A word as normaliseQuote keeps it: letters and digits, with inner apostrophes ("don't" is one word).
const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).length;

/**
 * Cuts the "to" side of a word diff into shared and own runs, or returns null when the wordings share at least
 * `maxShare` of their words (they read best as a diff). Only the words of an equal part are marked, not the
 * spaces and punctuation around them. jsdiff takes an equal part's text from the new string, so the runs join
 * to the variant's text exactly.
 */
export function sharedWordsOf(
  diff: readonly DiffPart[],
  options: Readonly<{ maxShare: number }> = SHARED_WORDS_OPTIONS,
): readonly WordRun[] | null {
  let shared = 0;
  let words = 0;
  let referenceWords = 0;
  const runs: WordRun[] = [];
  const push = (text: string, isShared: boolean) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.shared === isShared)
      runs[runs.length - 1] = { text: last.text + text, shared: isShared };
    else runs.push({ text, shared: isShared });
  };
  for (const p of diff) {
    const n = wordCount(p.text);
    if (p.op === 'delete') {
      referenceWords += n;
      continue;
    }
    words += n;
    if (p.op === 'insert') {
      push(p.text, false);
      continue;
    }
    shared += n;
    referenceWords += n;
    const core = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(p.text);
    push(core?.[1] ?? '', false);
    push(core?.[2] ?? p.text, true);
    push(core?.[3] ?? '', false);
  }
  const total = words + referenceWords;
  if (total === 0 || (2 * shared) / total >= options.maxShare) return null;
  return runs;
}

export function buildLedger(comparison: Comparison, sourceOrder: readonly string[]): LedgerModel {
  const ordered = orderedSourceIds(comparison, sourceOrder);
  const sourcePos = new Map(ordered.map((s, i) => [s, i]));
  const outletOf = new Map(comparison.sources.map((s) => [s.id, s.outlet]));
  const quoteById = new Map(comparison.quotes.map((q) => [q.id, q]));
  const unitById = new Map(comparison.units.map((u) => [u.id, u]));
  const groupOfUnit = new Map<string, string>();
  const groupById = new Map(comparison.groups.map((g) => [g.id, g]));
  for (const g of comparison.groups) for (const id of g.unitIds) groupOfUnit.set(id, g.id);
  const byPosition = (x: Quote, y: Quote) =>
    (sourcePos.get(x.sourceId) ?? 0) - (sourcePos.get(y.sourceId) ?? 0) || x.start - y.start;

  const entryOf = (quoteGroupId: string, quotes: Quote[]): QuoteEntry => {
    quotes.sort(byPosition);
    const base = quotes[0];
    const norm = quotes.map((q) => normaliseQuote(q.text));
    const variants = quotes.map((q, i): QuoteVariant => {
      const mine = norm[i] ?? '';
      const diff = i === 0 || !base ? null : quoteDiff(base.text, q.text);
      const longer = quotes.findIndex(
        (_, j) => j !== i && (norm[j] ?? '').length > mine.length && ` ${norm[j]} `.includes(` ${mine} `),
      );
      return {
        quoteId: q.id,
        sourceId: q.sourceId,
        outlet: outletOf.get(q.sourceId) ?? q.sourceId,
        text: q.text,
        verb: q.verb,
        speakerText: q.speakerText ?? null,
        diff,
        sharedWords: diff ? sharedWordsOf(diff) : null,
        truncationOf: longer >= 0 ? (outletOf.get(quotes[longer]?.sourceId ?? '') ?? null) : null,
        groupId: groupOfUnit.get(q.unitId) ?? null,
      };
    });
    const quoting = new Set(quotes.map((q) => q.sourceId));
    const claimGroups = new Set(quotes.flatMap((q) => q.unitIds.map((u) => groupOfUnit.get(u) ?? '')));
    const paraphrases: Paraphrase[] = [];
    for (const gid of claimGroups) {
      for (const uid of groupById.get(gid)?.unitIds ?? []) {
        const u = unitById.get(uid);
        if (!u || quoting.has(u.sourceId) || paraphrases.some((p) => p.unitId === u.id)) continue;
        paraphrases.push({
          sourceId: u.sourceId,
          outlet: outletOf.get(u.sourceId) ?? u.sourceId,
          unitId: u.id,
          text: u.text,
          groupId: gid,
        });
      }
    }
    paraphrases.sort(
      (x, y) =>
        (sourcePos.get(x.sourceId) ?? 0) - (sourcePos.get(y.sourceId) ?? 0) ||
        x.unitId.localeCompare(y.unitId),
    );
    const carrying = new Set([...quoting, ...paraphrases.map((p) => p.sourceId)]);
    return {
      quoteGroupId,
      variants,
      paraphrases,
      absentFrom: ordered.filter((s) => !carrying.has(s)).map((s) => outletOf.get(s) ?? s),
      sameWording: new Set(norm).size <= 1,
    };
  };

  // Speech quote groups; groups made only of scare-quoted terms are listed with the terms.
  const entries = new Map<string, { speaker: string | null; entry: QuoteEntry; first: Quote }>();
  const grouped = new Set<string>();
  const addGroup = (id: string, quoteIds: readonly string[], speaker: string | null) => {
    const quotes = quoteIds
      .map((q) => quoteById.get(q))
      .filter((q): q is Quote => q !== undefined && q.kind === 'speech');
    for (const q of quotes) grouped.add(q.id);
    if (!quotes.length) return;
    const entry = entryOf(id, quotes);
    const first = [...quotes].sort(byPosition)[0] as Quote;
    entries.set(id, { speaker: speaker ?? quotes.find((q) => q.speaker)?.speaker ?? null, entry, first });
  };
  for (const qg of comparison.quoteGroups) addGroup(qg.id, qg.quoteIds, qg.speaker);
  for (const q of comparison.quotes)
    if (q.kind === 'speech' && !grouped.has(q.id)) addGroup(q.id, [q.id], q.speaker);

  // Speakers in the ledger's order, then any others by how often they are quoted.
  const speakerOrder: (string | null)[] = [];
  for (const l of comparison.report.ledger)
    if (!speakerOrder.includes(l.speaker)) speakerOrder.push(l.speaker);
  const counts = new Map<string | null, number>();
  for (const e of entries.values()) counts.set(e.speaker, (counts.get(e.speaker) ?? 0) + 1);
  for (const s of [...counts.keys()].sort((x, y) => (counts.get(y) ?? 0) - (counts.get(x) ?? 0)))
    if (!speakerOrder.includes(s)) speakerOrder.push(s);
  const speakerById = new Map(comparison.speakers.map((s) => [s.id, s]));
  const entriesFor = (speaker: string | null) =>
    [...entries.values()]
      .filter((e) => e.speaker === speaker)
      .sort((x, y) => byPosition(x.first, y.first))
      .map((e) => e.entry);

  const speakers: SpeakerSection[] = [];
  for (const id of speakerOrder) {
    if (id === null) continue;
    const list = entriesFor(id);
    if (!list.length) continue;
    const sp = speakerById.get(id);
    const name = sp?.name ?? id.replace(/^sp:/, '');
    const written = new Set([
      ...(sp?.variants ?? []),
      ...list.flatMap((e) => e.variants.map((v) => v.speakerText ?? '')),
    ]);
    speakers.push({
      speakerId: id,
      name,
      title: sp?.title ?? null,
      variants: [...written].filter((v) => v && v !== name && !/^(he|she|they|him|her)$/i.test(v)).sort(),
      entries: list,
    });
  }

  const terms = new Map<string, TermEntry['uses'][number][]>();
  const termText = new Map<string, string>();
  for (const q of [...comparison.quotes].sort(byPosition)) {
    if (q.kind !== 'term') continue;
    const key = normaliseQuote(q.text);
    if (!termText.has(key)) termText.set(key, q.text.replace(/[.,;:]+$/, ''));
    const uses = terms.get(key) ?? [];
    uses.push({
      sourceId: q.sourceId,
      outlet: outletOf.get(q.sourceId) ?? q.sourceId,
      quoteId: q.id,
      context: unitById.get(q.unitId)?.text ?? q.text,
      groupId: groupOfUnit.get(q.unitId) ?? null,
    });
    terms.set(key, uses);
  }

  return {
    speakers,
    unattributed: entriesFor(null),
    terms: [...terms].map(([key, uses]) => ({ text: termText.get(key) ?? key, uses })),
    quoteCount: comparison.quotes.length,
  };
}

const cache = new WeakMap<Comparison, { key: string; model: LedgerModel }>();

export function selectLedger(comparison: Comparison, sourceOrder: readonly string[]): LedgerModel {
  const key = sourceOrder.join('\u0000');
  const hit = cache.get(comparison);
  if (hit && hit.key === key) return hit.model;
  const model = buildLedger(comparison, sourceOrder);
  cache.set(comparison, { key, model });
  return model;
}
