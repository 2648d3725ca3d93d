// Quote groups (issue 3 stage 5): quotes in different sources that are the same utterance, even when translated
// or cut differently ("legitimate targets for destruction" / "legitimate targets for strikes"; "practically
// impossible" / "almost impossible"). Quotes are short, so the sentence model's length and unmatched-weight
// features say little; the quote score leans on how much of the shorter quote the other contains, helped by the
// speaker (same person: likely the same utterance; two different named people: not) and by the units the quotes
// sit in having been aligned as one claim.

import type { Quote } from '../model.ts';
import { findCandidates } from './candidates.ts';
import { FEATURE_COUNT, bagSize, prepare, pairFeatures } from './features.ts';
import { groupUnits } from './group.ts';
import { PairTable } from './pair-table.ts';

/** Added when both quotes name the same speaker. */
export const SAME_SPEAKER_BONUS = 0.15;
/** Subtracted when both name a speaker and they differ. */
export const OTHER_SPEAKER_PENALTY = 0.3;
/** Added when the quotes' units are in one claim group. */
export const SAME_CLAIM_BONUS = 0.1;
/** Candidate quotes per quote from the inverted index. */
const QUOTE_CANDIDATES = 24;

export interface QuoteGroupDraft {
  readonly quoteIds: readonly string[];
  readonly speaker: string | null;
  readonly score: number;
}

/** The lexical part of the quote score, in [0, 1]: containment, cosine and shared words (stop words included). */
export function quoteTextScore(features: ArrayLike<number>): number {
  return 0.45 * features[2]! + 0.35 * features[0]! + 0.2 * features[16]!;
}

/** The claim-independent part of quote grouping, computed once and reused by both grouping passes of compare. */
export interface QuotePairs {
  readonly sourceOf: Int32Array;
  readonly indexOf: Int32Array;
  /** Candidate pairs: quotes baseI[k] and baseJ[k] with text + speaker score baseS[k] (before the same-claim bonus). */
  readonly baseI: Int32Array;
  readonly baseJ: Int32Array;
  readonly baseS: Float64Array;
  readonly count: number;
}

export function scoreQuotePairs(
  quotes: readonly Quote[],
  sourceIndex: ReadonlyMap<string, number>,
  checkpoint?: (fraction: number) => void,
): QuotePairs {
  const n = quotes.length;
  // Plain loops, not TypedArray.from(quotes, fn), which goes through the iterator protocol and a callback per quote.
  const sourceOf = new Int32Array(n);
  const texts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    sourceOf[i] = sourceIndex.get(quotes[i]!.sourceId) ?? 0;
    texts[i] = quotes[i]!.text;
  }
  // Order of the quote within its source, for the 1:n adjacency rule (a quote split around "he said").
  const indexOf = new Int32Array(n);
  const perSource = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const s = sourceOf[i]!;
    const k = perSource.get(s) ?? 0;
    indexOf[i] = k;
    perSource.set(s, k + 1);
  }
  if (n === 0) return { sourceOf, indexOf, ...NO_PAIRS };
  const prepared = prepare(texts);
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) eligible[i] = bagSize(prepared, i) > 0 ? 1 : 0;
  const candidates = findCandidates({
    prepared,
    sourceOf,
    eligible,
    perUnit: QUOTE_CANDIDATES,
    ...(checkpoint ? { checkpoint } : {}),
  });
  const f = new Float64Array(FEATURE_COUNT);
  // Flat arrays, not [i, j, s] tuples: groupQuotes reads them twice per comparison.
  const baseI = new Int32Array(candidates.count);
  const baseJ = new Int32Array(candidates.count);
  const baseS = new Float64Array(candidates.count);
  // The text score is a function of the two texts alone, and pairFeatures is symmetric (compare's sentence scores
  // rely on both the same way), so it is computed once per unordered pair of distinct texts (prepare's textOf).
  // Outlets quote one utterance verbatim: on the 50 x 2k bench 1,118 quotes have 10 distinct texts, and the 5,426
  // candidate pairs 5 distinct text pairs.
  const textOf = prepared.textOf;
  const textScores = new PairTable();
  let count = 0;
  for (let c = 0; c < candidates.count; c++) {
    const i = candidates.a[c]!;
    const j = candidates.b[c]!;
    const a = quotes[i]!;
    const b = quotes[j]!;
    if (a.kind !== b.kind) continue;
    let s = textScores.get(textOf[i]!, textOf[j]!);
    if (s === undefined) {
      pairFeatures(prepared, i, j, f);
      s = quoteTextScore(f);
      textScores.add(textOf[i]!, textOf[j]!, s);
    }
    if (a.speaker !== null && b.speaker !== null)
      s += a.speaker === b.speaker ? SAME_SPEAKER_BONUS : -OTHER_SPEAKER_PENALTY;
    baseI[count] = i;
    baseJ[count] = j;
    baseS[count] = s;
    count++;
  }
  return { sourceOf, indexOf, baseI, baseJ, baseS, count };
}

const NO_PAIRS = { baseI: new Int32Array(0), baseJ: new Int32Array(0), baseS: new Float64Array(0), count: 0 };

export function groupQuotes(
  quotes: readonly Quote[],
  pairs: QuotePairs,
  groupOfUnit: ReadonlyMap<string, number>,
  threshold: number,
): QuoteGroupDraft[] {
  const n = quotes.length;
  if (n === 0) return [];
  const { sourceOf, indexOf, baseI, baseJ, baseS } = pairs;
  // Each quote's claim group, looked up once per quote rather than twice per candidate pair (-1: none).
  const groupOf = new Int32Array(n).fill(-1);
  if (groupOfUnit.size > 0) for (let q = 0; q < n; q++) groupOf[q] = groupOfUnit.get(quotes[q]!.unitId) ?? -1;
  const scored = new PairTable(pairs.count);
  for (let k = 0; k < pairs.count; k++) {
    const i = baseI[k]!;
    const j = baseJ[k]!;
    let s = baseS[k]!;
    const ga = groupOf[i]!;
    if (ga >= 0 && ga === groupOf[j]) s += SAME_CLAIM_BONUS;
    scored.add(i, j, Math.min(1, Math.max(0, s)));
  }
  const clusters = groupUnits({ n, sourceOf, indexOf, pairs: scored, threshold });
  // Drafts by push, not clusters.map: see quoteIds below.
  const draftOf = (members: readonly number[]): QuoteGroupDraft => {
    let sum = 0;
    let count = 0;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const v = scored.get(members[x]!, members[y]!);
        if (v !== undefined) {
          sum += v;
          count++;
        }
      }
    }
    // The speaker most members name (ties: the smallest id, so the result does not depend on order). One pass
    // keeping the best, not a sort of the votes per cluster; most clusters are one quote and need no votes at all.
    let speaker: string | null = null;
    if (members.length === 1) speaker = quotes[members[0]!]!.speaker;
    else {
      const votes = new Map<string, number>();
      for (const m of members) {
        const sp = quotes[m]!.speaker;
        if (sp !== null) votes.set(sp, (votes.get(sp) ?? 0) + 1);
      }
      let best = 0;
      for (const [sp, v] of votes) {
        if (v > best || (v === best && speaker !== null && sp < speaker)) {
          best = v;
          speaker = sp;
        }
      }
    }
    // Built by push, not Array.prototype.map: map's result gets a different array map when its caller runs
    // optimised than when it does not, and compare's quote-pair lift was deoptimised at each switch.
    const quoteIds: string[] = [];
    for (let x = 0; x < members.length; x++) quoteIds.push(quotes[members[x]!]!.id);
    return {
      quoteIds,
      speaker,
      score: count ? sum / count : 1,
    };
  };
  const drafts: QuoteGroupDraft[] = [];
  for (let c = 0; c < clusters.length; c++) drafts.push(draftOf(clusters[c]!));
  return drafts;
}
