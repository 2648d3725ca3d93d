// The engine's single entry point (issue 3): clean -> segment -> quotes -> candidates -> score -> group -> quote
// groups -> pairs (diff, facts, relation) -> corrections -> report. Pure, synchronous and deterministic: sources
// are sorted by id first, every tie is broken by ids, and the clock is only read when the caller supplies one. So
// the same sources in any order give the same Comparison, and corrections (which name unit ids, themselves
// `${sourceId}:u${index}`) apply again after every re-comparison.

import { findCandidates } from './align/candidates.ts';
import { sourceContext, withContext } from './align/context.ts';
import { FEATURE_COUNT, FEATURE_NAMES, bagSize, pairFeatures, prepare } from './align/features.ts';
import { groupUnits } from './align/group.ts';
import { sortStrongestFirst } from './align/order.ts';
import { PairTable } from './align/pair-table.ts';
import { groupQuotes, scoreQuotePairs } from './align/quote-groups.ts';
import { scorePair } from './align/scorer.ts';
import { cleanSource } from './clean/clean.ts';
import { discrepanciesBetween, placeDiscrepancies } from './diff/facts.ts';
import { classifyRelation } from './diff/relation.ts';
import { diffUnits } from './diff/word-diff.ts';
import { COMPARISON_VERSION } from './model.ts';
import type {
  Comparison,
  Discrepancy,
  Group,
  NameOverlap,
  Pair,
  Problem,
  Quote,
  QuoteGroup,
  Relation,
  SourceInfo,
  SourceInput,
  Speaker,
  Unit,
} from './model.ts';
import { resolveOptions } from './options.ts';
import type { CompareOptions, CompareOptionsInput } from './options.ts';
import { extractQuotes } from './quotes/extract.ts';
import { resolveSpeakers } from './quotes/speakers.ts';
import { buildReport } from './report/report.ts';
import { segmentSource } from './segment/segment.ts';

/** Thrown only when options.isCancelled() returned true; the worker catches it. Every other failure is a value. */
export class CancelledError extends Error {
  constructor() {
    super('The comparison was cancelled.');
    this.name = 'CancelledError';
  }
}

/**
 * Pairs reported per group: the strongest spanning tree first (every unit linked, size - 1 pairs), then, in groups
 * of at most SMALL_GROUP units, every other scored pair too. Bounds diff work on 50-source stories (a 50-unit group
 * would otherwise need 1,225 diffs); the views diff any other pair lazily.
 */
export const SMALL_GROUP = 6;

/**
 * 1:n: a sentence of one source joins a group that already holds the adjacent sentence of that source only when
 * the other source's sentence contains at least this share of its (IDF-weighted) words: one outlet split in two
 * what another wrote as one sentence.
 */
export const SPLIT_CONTAINMENT = 0.7;
const CONTAIN_MIN = FEATURE_NAMES.indexOf('containMin');
const splitScratch = new Float64Array(FEATURE_COUNT);

/** A unit pair whose quotes were grouped as one utterance scores at least this share of the quote group's score. */
export const QUOTE_MATCH_WEIGHT = 0.5;

/** Strength of a relation for a group's summary label ('conflicting' wins). */
const RELATION_RANK: Readonly<Record<Relation, number>> = {
  identical: 0,
  minor: 1,
  paraphrase: 2,
  'adds-detail': 3,
  conflicting: 4,
};

const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function displayName(s: SourceInput): string {
  return s.outlet.trim() || s.id;
}

/** Drop the sources that cannot be compared, each with a Problem naming it. */
function admitSources(
  sources: readonly SourceInput[],
  o: CompareOptions,
  problems: Problem[],
): SourceInput[] {
  // Sort by id, then by text so that duplicates resolve the same way whatever the input order.
  const sorted = [...sources].sort(
    (a, b) => byId(a.id, b.id) || byId(a.text, b.text) || byId(a.outlet, b.outlet),
  );
  const admitted: SourceInput[] = [];
  const seenText = new Map<string, string>();
  for (let k = 0; k < sorted.length; k++) {
    const s = sorted[k]!;
    if (k > 0 && sorted[k - 1]!.id === s.id) {
      problems.push({
        code: 'duplicate-id',
        sourceId: s.id,
        message: `Two sources share the id “${s.id}”; only the first (“${displayName(sorted[k - 1]!)}”) is compared.`,
      });
      continue;
    }
    if (s.text.trim() === '') {
      problems.push({
        code: 'empty-source',
        sourceId: s.id,
        message: `“${displayName(s)}” has no text to compare.`,
      });
      continue;
    }
    if (s.text.length > o.budgets.maxSourceChars) {
      problems.push({
        code: 'source-too-long',
        sourceId: s.id,
        message: `“${displayName(s)}” is ${s.text.length.toLocaleString('en')} characters long, more than the ${o.budgets.maxSourceChars.toLocaleString('en')} this comparison accepts; it was left out.`,
      });
      continue;
    }
    const twin = seenText.get(s.text);
    if (twin !== undefined) {
      problems.push({
        code: 'duplicate-text',
        sourceId: s.id,
        message: `“${displayName(s)}” has exactly the same text as “${twin}”.`,
      });
    } else seenText.set(s.text, displayName(s));
    admitted.push(s);
  }
  if (admitted.length > o.budgets.maxSources) {
    for (const s of admitted.slice(o.budgets.maxSources)) {
      problems.push({
        code: 'too-many-sources',
        sourceId: s.id,
        message: `Only ${o.budgets.maxSources} sources can be compared at once; “${displayName(s)}” was left out.`,
      });
    }
    admitted.length = o.budgets.maxSources;
  }
  if (admitted.length < 2) {
    problems.push({
      code: 'too-few-sources',
      message: `A comparison needs at least two sources with text; ${admitted.length === 0 ? 'none was' : 'only one was'} given.`,
    });
  }
  return admitted;
}

export function compare(sources: readonly SourceInput[], options?: CompareOptionsInput): Comparison {
  const o = resolveOptions(options);
  const now = o.now;
  const timings: Record<string, number> = {};
  const budgetsHit = new Set<string>();
  let stageStart = now ? now() : 0;
  const progress = (stage: string, fraction: number) => {
    if (o.isCancelled?.()) throw new CancelledError();
    o.onProgress?.(stage, fraction);
  };
  const endStage = (stage: string) => {
    if (now) {
      const t = now();
      timings[stage] = (timings[stage] ?? 0) + (t - stageStart);
      stageStart = t;
    }
    progress(stage, 1);
  };

  const problems: Problem[] = [];
  const admitted = admitSources(sources, o, problems);

  // Clean and segment each source.
  progress('clean', 0);
  const infos: SourceInfo[] = [];
  const units: Unit[] = [];
  admitted.forEach((s, k) => {
    const cleaned = cleanSource(s, o.clean);
    const seg = segmentSource(s, cleaned, o.segment);
    const title = s.title ?? seg.title;
    infos.push({
      id: s.id,
      outlet: s.outlet,
      ...(title !== undefined ? { title } : {}),
      ...(s.url !== undefined ? { url: s.url } : {}),
      ...(s.publishedAt !== undefined ? { publishedAt: s.publishedAt } : {}),
      ...(s.byline !== undefined ? { byline: s.byline } : {}),
      length: s.text.length,
      wordCount: seg.wordCount,
      paragraphs: seg.paragraphs,
      removals: cleaned.removals,
      ...(cleaned.dateline ? { dateline: cleaned.dateline } : {}),
      ...(seg.headlineUnitId !== undefined ? { headlineUnitId: seg.headlineUnitId } : {}),
    });
    units.push(...seg.units);
    progress('clean', (k + 1) / admitted.length);
  });
  endStage('segment');

  // Quotes, then one speaker identity across all sources.
  const rawQuotes: Quote[] = [];
  // Each source's units, grouped once (in order) rather than filtering every unit once per source.
  const unitsOfSource = new Map<string, Unit[]>();
  for (const u of units) {
    const list = unitsOfSource.get(u.sourceId);
    if (list) list.push(u);
    else unitsOfSource.set(u.sourceId, [u]);
  }
  admitted.forEach((s, k) => {
    const own = unitsOfSource.get(s.id) ?? [];
    rawQuotes.push(...extractQuotes(s, own, o.quotes));
    progress('quotes', (k + 1) / admitted.length);
  });
  const resolved = resolveSpeakers(rawQuotes, o.quotes);
  const quotes: readonly Quote[] = resolved.quotes;
  const speakers: readonly Speaker[] = resolved.speakers;
  endStage('quotes');

  // Alignment: tokens + IDF over every unit of the comparison, candidates from the inverted index, scores, groups.
  const n = units.length;
  const sourceIndex = new Map(admitted.map((s, k) => [s.id, k]));
  // Plain loops, not TypedArray.from(units, fn): that goes through the iterator protocol and a callback per unit
  // (~1 ms each on the 50 x 2k bench's 5,649 units).
  const sourceOf = new Int32Array(n);
  const indexOf = new Int32Array(n);
  const unitIndex = new Map<string, number>();
  // Made like the quote texts quote-groups hands prepare() (new Array(n), filled: a holey array), so that prepare
  // sees one kind of array: given a packed one here and a holey one there, V8 deoptimised it twice per comparison.
  const unitTexts = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const u = units[k]!;
    sourceOf[k] = sourceIndex.get(u.sourceId)!;
    indexOf[k] = u.index;
    unitIndex.set(u.id, k);
    unitTexts[k] = u.text;
  }
  const prepared = prepare(unitTexts);
  const eligible = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    eligible[k] = units[k]!.kind === 'sentence' && bagSize(prepared, k) > 0 ? 1 : 0;
  }
  const candidates = findCandidates({
    prepared,
    sourceOf,
    eligible,
    perUnit: o.align.candidatesPerUnit,
    checkpoint: (f) => progress('candidates', f),
  });
  endStage('candidates');
  // The alignment score: the sentence score, lowered for sources that name different people and places.
  const sourceCount = admitted.length;
  const nameOverlap = sourceContext(prepared, sourceOf, sourceCount, o.context.minNames);
  const context = o.context.weight > 0 ? nameOverlap : null;
  // The sentence score is a function of the two texts alone (their vectors, under one batch IDF), and a story told
  // by 50 outlets repeats sentences verbatim (wire copy: on the 50 x 2k bench 5,649 units have 2,589 distinct
  // texts, and 33,549 candidate pairs only 12,135 distinct text pairs). So it is computed once per pair of texts.
  // pairFeatures is symmetric, so the unordered key gives the same score whichever pair of units comes first.
  // prepare() already found the distinct texts (textOf: units with one text share a vector).
  const textOf = prepared.textOf;
  let textCount = 0;
  for (let k = 0; k < n; k++) if (textOf[k]! >= textCount) textCount = textOf[k]! + 1;
  const sentenceScores = new PairTable(candidates.count + 64);
  const sentenceScore = (i: number, j: number): number => {
    const ti = textOf[i]!;
    const tj = textOf[j]!;
    let s = sentenceScores.get(ti, tj);
    if (s === undefined) {
      s = scorePair(prepared, i, j);
      sentenceScores.add(ti, tj, s);
    }
    return s;
  };
  const alignScore = (i: number, j: number): number => {
    const s = sentenceScore(i, j);
    return context ? withContext(s, context[sourceOf[i]! * sourceCount + sourceOf[j]!]!, o.context) : s;
  };
  const scored = new PairTable(candidates.count + 64);
  for (let c = 0; c < candidates.count; c++) {
    if ((c & 1023) === 0) progress('score', c / candidates.count);
    const i = candidates.a[c]!;
    const j = candidates.b[c]!;
    scored.add(i, j, alignScore(i, j));
  }
  // Quote-text match: units carrying quotes of one utterance state the same claim even when the sentences around
  // the quote differ ("legitimate targets for destruction" / "... for strikes"). A first quote grouping, from the
  // quote texts and speakers alone, lifts those unit pairs to at least QUOTE_MATCH_WEIGHT x the quote group score.
  const quotePairs = scoreQuotePairs(quotes, sourceIndex, (f) => progress('quote-groups', f));
  const firstQuoteGroups = groupQuotes(quotes, quotePairs, new Map(), o.align.quoteThreshold);
  liftQuotePairs(firstQuoteGroups, quotes, unitIndex, sourceOf, scored, alignScore);
  endStage('score');

  // Corrections that name units this comparison does not have are reported, not applied.
  const mustLink: [number, number][] = [];
  const cannotLink: [number, number][] = [];
  const relationFix = new Map<string, Relation>();
  for (const c of o.corrections) {
    const i = unitIndex.get(c.a);
    const j = unitIndex.get(c.b);
    if (i === undefined || j === undefined || i === j) {
      const missing = i === undefined ? c.a : j === undefined ? c.b : c.a;
      problems.push({
        code: 'invalid-correction',
        message:
          i === j && i !== undefined
            ? `A correction links sentence “${c.a}” with itself; it was ignored.`
            : `A correction refers to sentence “${missing}”, which is not in this comparison any more (its source changed or was removed); it was ignored.`,
      });
      continue;
    }
    if (c.kind === 'link') mustLink.push([Math.min(i, j), Math.max(i, j)]);
    else if (c.kind === 'unlink') cannotLink.push([Math.min(i, j), Math.max(i, j)]);
    else relationFix.set(`${Math.min(i, j)}:${Math.max(i, j)}`, c.relation);
  }
  // A unit linked by hand joins alignment even if it is a heading.
  for (const [i, j] of mustLink) {
    eligible[i] = 1;
    eligible[j] = 1;
  }

  const clusters = groupUnits({
    n,
    sourceOf,
    indexOf,
    pairs: scored,
    eligible,
    threshold: o.align.threshold,
    mustLink,
    cannotLink,
    isSplit: (single, partner) => {
      pairFeatures(prepared, single, partner, splitScratch);
      return splitScratch[CONTAIN_MIN]! >= SPLIT_CONTAINMENT;
    },
  });
  endStage('group');

  // Pairs inside each group: spanning tree of the strongest scored pairs, then more up to the per-group budget.
  const pairKey = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const manualKeys = new Set(mustLink.map(([i, j]) => pairKey(i, j)));
  const pairs: Pair[] = [];
  const groupPairs: number[][] = [];
  const groupOfUnitIdx = new Int32Array(n);
  clusters.forEach((members, g) => {
    for (const m of members) groupOfUnitIdx[m] = g;
  });
  let diffDone = 0;
  const totalMembers = clusters.reduce((a, c) => a + (c.length > 1 ? c.length : 0), 0) || 1;
  // The word diff, the discrepancies (offsets within the texts) and the relation label, like the sentence score,
  // depend on the two texts alone: one of each per ordered pair of distinct texts (1,904 of the 3,719 reported
  // pairs on the 50 x 2k bench are verbatim copies); only the discrepancies' source offsets are per pair. Parts
  // are never mutated, so pairs may share them.
  const byTexts = new Map<
    number,
    { diff: ReturnType<typeof diffUnits>; relation: Relation; found: readonly Discrepancy[] }
  >();
  const makePair = (i: number, j: number, s: number, manual: boolean): Pair => {
    const a = units[i]!;
    const b = units[j]!;
    const key = textOf[i]! * textCount + textOf[j]!;
    let known = byTexts.get(key);
    if (known === undefined) {
      const diff = diffUnits(a.text, b.text, o.diff, now);
      const found = discrepanciesBetween(a.text, b.text);
      const relation = classifyRelation({ a, b, parts: diff.parts, discrepancies: found });
      byTexts.set(key, (known = { diff, relation, found }));
    }
    const discrepancies = placeDiscrepancies(known.found, a, b);
    const d = known.diff;
    if (!d.complete) budgetsHit.add('diff');
    const fixed = relationFix.size > 0 ? relationFix.get(`${i}:${j}`) : undefined;
    const relation = fixed ?? known.relation;
    const pair: Pair = {
      id: `${a.id}~${b.id}`,
      a: a.id,
      b: b.id,
      score: Math.min(1, Math.max(0, s)),
      relation,
      diff: d.parts,
      diffComplete: d.complete,
      discrepancies,
    };
    // A spread inside the literal sends every pair's creation down the generic copy path; only manual pairs need it.
    return manual ? { ...pair, manual: true } : pair;
  };
  // A group's candidate edges live in parallel typed arrays, reused across groups: an [i, j, score] tuple per edge
  // (tens of thousands on 50 sources, every pair inside every group) was ~4 MB per comparison on the 50 x 2k bench.
  let edgeI = new Int32Array(1024);
  let edgeJ = new Int32Array(1024);
  let edgeS = new Float64Array(1024);
  let edgeCount = 0;
  const addEdge = (i: number, j: number, s: number): number => {
    if (edgeCount === edgeI.length) {
      const grownI = new Int32Array(2 * edgeCount);
      const grownJ = new Int32Array(2 * edgeCount);
      const grownS = new Float64Array(2 * edgeCount);
      grownI.set(edgeI);
      grownJ.set(edgeJ);
      grownS.set(edgeS);
      edgeI = grownI;
      edgeJ = grownJ;
      edgeS = grownS;
    }
    edgeI[edgeCount] = i;
    edgeJ[edgeCount] = j;
    edgeS[edgeCount] = s;
    return edgeCount++;
  };
  // Union-find over unit indices; a group resets its own members. Only connectivity is read, so how the trees are
  // linked changes nothing.
  const parent = new Int32Array(n);
  const find = (u: number): number => {
    let r = u;
    while (parent[r] !== r) r = parent[r]!;
    parent[u] = r;
    return r;
  };
  // Strongest first, ties by (i, j); -1/0/1 rather than a score difference, which would be boxed on every call.
  const byScoreThenUnits = (p: number, q: number) =>
    edgeS[q]! > edgeS[p]! ? 1 : edgeS[q]! < edgeS[p]! ? -1 : edgeI[p]! - edgeI[q]! || edgeJ[p]! - edgeJ[q]!;
  const isManual = (k: number) => Number(manualKeys.has(pairKey(edgeI[k]!, edgeJ[k]!)));
  // The order of a group's edges, in one buffer reused by every group: a typed array per group (2,045 on the 50 x
  // 2k bench, the large ones with a backing store of their own) was garbage the GC had to track.
  let orderBuf = new Int32Array(1024);
  // Each group's scored pairs, found by one pass over the scored pairs (bucketed by group, CSR), not by looking up
  // every pair of members: a 50-unit group has 1,225 of those, mostly never scored. Within a group the edges are
  // then sorted by a total order, so the order they are found in changes nothing.
  const inGroupStart = new Int32Array(clusters.length + 1);
  for (let k = 0; k < scored.size; k++) {
    const g = groupOfUnitIdx[scored.i(k)]!;
    if (g === groupOfUnitIdx[scored.j(k)] && sourceOf[scored.i(k)] !== sourceOf[scored.j(k)])
      inGroupStart[g + 1]!++;
  }
  for (let g = 0; g < clusters.length; g++) inGroupStart[g + 1]! += inGroupStart[g]!;
  const inGroup = new Int32Array(inGroupStart[clusters.length]!);
  {
    const fillAt = inGroupStart.slice(0, clusters.length);
    for (let k = 0; k < scored.size; k++) {
      const g = groupOfUnitIdx[scored.i(k)]!;
      if (g === groupOfUnitIdx[scored.j(k)] && sourceOf[scored.i(k)] !== sourceOf[scored.j(k)]) {
        inGroup[fillAt[g]!++] = k;
      }
    }
  }
  // Manual links that were never scored, by group (a manual link joins its units' groups, so both are in one).
  const manualByGroup = new Map<number, [number, number][]>();
  for (const key of manualKeys) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (groupOfUnitIdx[i] !== groupOfUnitIdx[j] || sourceOf[i] === sourceOf[j] || scored.indexOf(i, j) >= 0)
      continue;
    const g = groupOfUnitIdx[i]!;
    const list = manualByGroup.get(g);
    if (list) list.push([i, j]);
    else manualByGroup.set(g, [[i, j]]);
  }
  for (let g = 0; g < clusters.length; g++) {
    const members = clusters[g]!;
    const own: number[] = [];
    groupPairs.push(own);
    if (members.length < 2) continue;
    edgeCount = 0;
    for (let x = inGroupStart[g]!; x < inGroupStart[g + 1]!; x++) {
      const k = inGroup[x]!;
      addEdge(scored.i(k), scored.j(k), scored.score(k));
    }
    for (const [i, j] of manualByGroup.get(g) ?? []) addEdge(i, j, alignScore(i, j));
    if (orderBuf.length < edgeCount) orderBuf = new Int32Array(Math.max(edgeCount, 2 * orderBuf.length));
    const order = orderBuf;
    for (let k = 0; k < edgeCount; k++) order[k] = k;
    // Without manual links the first key is always 0: the plain strongest-first order (the same order).
    if (manualKeys.size === 0) sortStrongestFirst(order, edgeCount, edgeS, edgeI, edgeJ);
    else order.subarray(0, edgeCount).sort((p, q) => isManual(q) - isManual(p) || byScoreThenUnits(p, q));
    // Kruskal on the group's scored pairs.
    for (const m of members) parent[m] = m;
    const chosen: number[] = [];
    const rest: number[] = [];
    const ordered = edgeCount; // addEdge below may add edges; they are not part of this order
    for (let x = 0; x < ordered; x++) {
      const k = order[x]!;
      const ra = find(edgeI[k]!);
      const rb = find(edgeJ[k]!);
      if (ra !== rb) {
        parent[ra] = rb;
        chosen.push(k);
      } else rest.push(k);
    }
    // Members a 1:n merge or a manual link left unconnected get a pair to the group's first unit of another source.
    for (const m of members) {
      if (find(m) === find(members[0]!)) continue;
      const partner = members.find((x) => sourceOf[x] !== sourceOf[m] && find(x) !== find(m));
      if (partner === undefined) continue;
      const [i, j] = m < partner ? [m, partner] : [partner, m];
      chosen.push(addEdge(i, j, scored.get(i, j) ?? alignScore(i, j)));
      parent[find(m)] = find(partner);
    }
    if (members.length <= SMALL_GROUP) chosen.push(...rest);
    for (const k of chosen) {
      const i = edgeI[k]!;
      const j = edgeJ[k]!;
      own.push(pairs.length);
      pairs.push(makePair(i, j, edgeS[k]!, manualKeys.has(pairKey(i, j))));
    }
    diffDone += members.length;
    progress('diff', diffDone / totalMembers);
  }
  // Relation corrections for pairs of one group that had no reported pair: add the pair with the user's label.
  for (const [key, relation] of relationFix) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    if (pairs.some((p) => p.a === units[i]!.id && p.b === units[j]!.id)) continue;
    if (groupOfUnitIdx[i] !== groupOfUnitIdx[j]) {
      problems.push({
        code: 'invalid-correction',
        message: `A relation correction names “${units[i]!.id}” and “${units[j]!.id}”, which are not aligned; link them first.`,
      });
      continue;
    }
    groupPairs[groupOfUnitIdx[i]!]!.push(pairs.length);
    const s = scored.get(i, j) ?? alignScore(i, j);
    pairs.push({ ...makePair(i, j, s, false), relation });
  }
  endStage('diff');

  // Groups, in the order of their first unit (sources by id, then text order).
  // Built by push, not Array.prototype.map: V8 gives map's result a different array map when the caller runs
  // optimised (inlined) than when it does not, and buildGroups was deoptimised for each switch.
  const allSourceIds: string[] = [];
  for (let s = 0; s < admitted.length; s++) allSourceIds.push(admitted[s]!.id);
  const groups = buildGroups(clusters, groupPairs, pairs, units, sourceOf, allSourceIds, quotes, unitIndex);

  // Quote groups, helped by the claim groups just built.
  // Only the quotes' units are ever looked up (groupQuotes asks for each quote's unit): 1,118 entries instead of
  // 5,649 on the 50 x 2k bench.
  const groupOfUnit = new Map<string, number>();
  for (let q = 0; q < quotes.length; q++) {
    const k = unitIndex.get(quotes[q]!.unitId);
    if (k !== undefined) groupOfUnit.set(quotes[q]!.unitId, groupOfUnitIdx[k]!);
  }
  const quoteGroups: QuoteGroup[] = groupQuotes(quotes, quotePairs, groupOfUnit, o.align.quoteThreshold).map(
    (d, k) => ({ id: `qg${k}`, quoteIds: d.quoteIds, speaker: d.speaker, score: d.score }),
  );
  endStage('quote-groups');

  const texts = new Map(admitted.map((s) => [s.id, s.text]));
  // The name overlap the aligner used, for the Sources view to say why two reports' sentences matched cautiously.
  const names: NameOverlap[] = [];
  for (let s = 0; s < sourceCount; s++) {
    for (let t = s + 1; t < sourceCount; t++) {
      const v = nameOverlap[s * sourceCount + t]!;
      names.push({
        a: admitted[s]!.id,
        b: admitted[t]!.id,
        overlap: Number.isNaN(v) ? null : v,
        lowered: context !== null && v < o.context.floor,
      });
    }
  }
  const report = buildReport({
    sources: infos,
    units,
    quotes,
    groups,
    quoteGroups,
    pairs,
    texts,
    names,
    unitIndex,
  });
  endStage('report');

  return {
    version: COMPARISON_VERSION,
    sources: infos,
    units,
    quotes,
    speakers,
    groups,
    quoteGroups,
    pairs,
    report,
    problems,
    stats: {
      timings: now ? timings : {},
      units: n,
      candidatePairs: candidates.count,
      scoredPairs: scored.size,
      budgetsHit: [...budgetsHit].sort(),
    },
  };
}

/**
 * Quote-text match: units carrying quotes of one utterance state the same claim even when the sentences around the
 * quote differ ("legitimate targets for destruction" / "... for strikes"). A first quote grouping, from the quote
 * texts and speakers alone, lifts those unit pairs to at least QUOTE_MATCH_WEIGHT x the quote group score.
 *
 * This and buildGroups are functions of their own, with indexed loops, rather than blocks of compare: compare runs
 * once per comparison, and V8 deoptimised the whole of it at these loops on every run of the 50 x 2k bench ("wrong
 * map" on the arrays they read), sending the rest of that comparison back to unoptimised code.
 */
function liftQuotePairs(
  quoteGroups: readonly { readonly quoteIds: readonly string[]; readonly score: number }[],
  quotes: readonly Quote[],
  unitIndex: ReadonlyMap<string, number>,
  sourceOf: Int32Array,
  scored: PairTable,
  alignScore: (i: number, j: number) => number,
): void {
  const quoteById = new Map<string, Quote>();
  for (let q = 0; q < quotes.length; q++) quoteById.set(quotes[q]!.id, quotes[q]!);
  // Each quote's units as indexes, flat: quote x of the group has units[start[x], start[x + 1]) (-1: not found).
  let flat = new Int32Array(64);
  let start = new Int32Array(64);
  for (let g = 0; g < quoteGroups.length; g++) {
    const qg = quoteGroups[g]!;
    const ids = qg.quoteIds;
    if (ids.length < 2) continue;
    const lifted = QUOTE_MATCH_WEIGHT * qg.score;
    if (start.length < ids.length + 1) start = new Int32Array(2 * (ids.length + 1));
    let n = 0;
    for (let x = 0; x < ids.length; x++) {
      start[x] = n;
      const unitIds = quoteById.get(ids[x]!)?.unitIds;
      if (unitIds === undefined) continue;
      for (let k = 0; k < unitIds.length; k++) {
        if (n === flat.length) {
          const grown = new Int32Array(2 * n);
          grown.set(flat);
          flat = grown;
        }
        flat[n++] = unitIndex.get(unitIds[k]!) ?? -1;
      }
    }
    start[ids.length] = n;
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        for (let a = start[x]!; a < start[x + 1]!; a++) {
          for (let b = start[y]!; b < start[y + 1]!; b++) {
            const i = flat[a]!;
            const j = flat[b]!;
            if (i < 0 || j < 0 || sourceOf[i] === sourceOf[j]) continue;
            const k = scored.indexOf(i, j);
            if (k < 0) scored.add(i, j, Math.max(lifted, alignScore(i, j)));
            else scored.raise(k, lifted);
          }
        }
      }
    }
  }
}

/** The claim groups, in the order of their first unit (sources by id, then text order). */
function buildGroups(
  clusters: readonly (readonly number[])[],
  groupPairs: readonly (readonly number[])[],
  pairs: readonly Pair[],
  units: readonly Unit[],
  sourceOf: Int32Array,
  allSourceIds: readonly string[],
  quotes: readonly Quote[],
  unitIndex: ReadonlyMap<string, number>,
): Group[] {
  const sourceCount = allSourceIds.length;
  const speechUnit = new Uint8Array(units.length);
  for (let q = 0; q < quotes.length; q++) {
    const quote = quotes[q]!;
    if (quote.kind !== 'speech') continue;
    for (let x = 0; x < quote.unitIds.length; x++) {
      const k = unitIndex.get(quote.unitIds[x]!);
      if (k !== undefined) speechUnit[k] = 1;
    }
  }
  // Which sources a group holds, by source index: `admitted` is sorted by id (byId), so ascending indexes list
  // the ids in byId order, as sorting the ids did, without a Set or a sort per group (2,045 groups x 50 sources
  // on the 50 x 2k bench).
  const presentIn = new Int32Array(sourceCount).fill(-1);
  const groups: Group[] = [];
  for (let g = 0; g < clusters.length; g++) {
    const members = clusters[g]!;
    const own = groupPairs[g]!;
    let presentCount = 0;
    let allHeadings = true;
    let hasQuote = false;
    const unitIds = new Array<string>(members.length);
    for (let x = 0; x < members.length; x++) {
      const m = members[x]!;
      unitIds[x] = units[m]!.id;
      if (units[m]!.kind !== 'heading') allHeadings = false;
      if (speechUnit[m] === 1) hasQuote = true;
      if (presentIn[sourceOf[m]!] === g) continue;
      presentIn[sourceOf[m]!] = g;
      presentCount++;
    }
    // Sized up front: grown by push, the omitted lists (49 ids for a claim only one of 50 sources has) were ~2 MB of
    // reallocations per comparison on the 50 x 2k bench, all of it copied by the young-generation GC.
    const present = new Array<string>(presentCount);
    const omittedBy = new Array<string>(sourceCount - presentCount);
    let nPresent = 0;
    let nOmitted = 0;
    for (let s = 0; s < sourceCount; s++) {
      if (presentIn[s] === g) present[nPresent++] = allSourceIds[s]!;
      else omittedBy[nOmitted++] = allSourceIds[s]!;
    }
    let relation: Relation | null = null;
    let sum = 0;
    for (let x = 0; x < own.length; x++) {
      const p = pairs[own[x]!]!;
      if (relation === null || RELATION_RANK[p.relation] > RELATION_RANK[relation]) relation = p.relation;
      sum += p.score;
    }
    groups.push({
      id: `g${g}`,
      unitIds,
      score: own.length ? sum / own.length : 1,
      sourceIds: present,
      omittedBy,
      relation,
      hasQuote,
      kind: allHeadings ? 'heading' : 'sentence',
    });
  }
  return groups;
}
