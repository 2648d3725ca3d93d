// The report (issue 3, stage 7): what a reader of the comparison wants at a glance. Decisions (also in
// docs/comparison-json.md):
// - Coverage rows are ALL claim groups (kind 'sentence'), shared or not, so the matrix shows every claim once.
//   Headings are not claims and are left out. Rows are ordered by first appearance: groups present in the first
//   source (sources in the order given, which compare sorts by id) in that source's text order, then groups first
//   present in the second source, and so on.
// - A cell is 'conflicting' when that source's unit in the group is part of a pair labelled conflicting.
// - coverageShare = claim groups this source carries / all claim groups (so the bars sum to more than 1 when
//   claims are shared, and a source with many claims of its own does not look like it "covers" everything).
// - placement counts shared claims (2+ sources) once per group, at this source's most prominent position.
// - The ledger lists speech quote groups by speaker, speakers with most quotes first, unattributed last.
// - Verbatim overlap: share of the shorter source's story words lying in runs of >= VERBATIM_RUN identical
//   normalised words also found in the other source (wire copy). Uses a hashed shingle index: linear in words
//   plus the number of shared shingles, never quadratic in text length.
import { SubstringIds } from '../intern.ts';
import { forEachMatch } from '../scan.ts';
import type {
  CoverageCell,
  DiscrepancyEntry,
  Group,
  LedgerEntry,
  NameOverlap,
  Pair,
  Position,
  Quote,
  QuoteGroup,
  Report,
  SourceInfo,
  SourceReport,
  Unit,
  VerbatimOverlap,
} from '../model.ts';

/** Runs of this many identical words count as copied text (a wire sentence re-used verbatim). */
export const VERBATIM_RUN = 8;

export interface ReportInput {
  readonly sources: readonly SourceInfo[];
  readonly units: readonly Unit[];
  readonly quotes: readonly Quote[];
  readonly groups: readonly Group[];
  readonly quoteGroups: readonly QuoteGroup[];
  readonly pairs: readonly Pair[];
  /** Original text per source id (SourceInput.text); removals not put back are skipped for verbatim overlap. */
  readonly texts: ReadonlyMap<string, string>;
  /** Name overlap of each pair of sources, as the aligner used it (compare supplies it; none = empty list). */
  readonly names?: readonly NameOverlap[];
  /** Index in `units` of each unit id (the last unit of an id), if the caller has it; built otherwise. */
  readonly unitIndex?: ReadonlyMap<string, number>;
}

const PROMINENCE: Readonly<Record<Position, number>> = { headline: 0, lede: 1, body: 2 };

/** A story word; every letter or digit starts one, so the words are what lies between runs of GAP. */
const STORY_WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/uy;
const STORY_GAP = /[^\p{L}\p{N}]+/uy;

/** Per UTF-16 code unit, filled on first sight: 1 when a letter or digit (\p{L} or \p{N}), 2 when not. */
const wordClass = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SURROGATE = /[\uD800-\uDFFF]/;
const APOSTROPHE = 0x27;

function isWordUnit(c: number): boolean {
  let v = wordClass[c]!;
  if (v === 0) v = wordClass[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

/** Where the first story word at or after `pos` starts (`text.length` when none). Text without surrogates. */
function storyWordStart(text: string, pos: number): number {
  const n = text.length;
  while (pos < n && !isWordUnit(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Where the story word starting at `start` ends: [\p{L}\p{N}]+ then any number of (?:'[\p{L}\p{N}]+). */
function storyWordEnd(text: string, start: number): number {
  const n = text.length;
  let pos = start;
  for (;;) {
    while (pos < n && isWordUnit(text.charCodeAt(pos))) pos++;
    if (pos + 1 < n && text.charCodeAt(pos) === APOSTROPHE && isWordUnit(text.charCodeAt(pos + 1))) pos++;
    else return pos;
  }
}

/**
 * The STORY_WORD matches of `text`, in order: a scan over a per-code-unit class table instead of two sticky regex
 * calls per word (the report reads every word of every source). A code unit is a code point outside the surrogate
 * range, so the table answers exactly what the regexes' \p classes do; text with surrogates takes the regexes.
 * storyWordIds runs the same loop without the callback.
 */
export function forEachStoryWord(text: string, visit: (start: number, end: number) => void): void {
  if (SURROGATE.test(text)) {
    forEachMatch(text, STORY_GAP, STORY_WORD, visit);
    return;
  }
  for (let start = storyWordStart(text, 0); start < text.length;) {
    const end = storyWordEnd(text, start);
    visit(start, end);
    start = storyWordStart(text, end);
  }
}

/** forEachMatch with the STORY_WORD regexes: the reference forEachStoryWord is tested against. */
export function forEachStoryWordByRegex(text: string, visit: (start: number, end: number) => void): void {
  forEachMatch(text, STORY_GAP, STORY_WORD, visit);
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * An Int32Array kept from one comparison to the next (contents undefined), grown when too small. The verbatim index
 * needs ~3 MB of them on the 50 x 2k bench; allocated afresh each time, the page faults of their first touch cost
 * more than the work done in them (measured: the shingle table took 7.5 ms on its first call in a comparison,
 * 4.8 ms on a second call right after it).
 */
class Reusable {
  private items = new Int32Array(0);
  /** A buffer of at least `size` items. */
  get(size: number): Int32Array {
    if (this.items.length < size) this.items = new Int32Array(size + (size >> 2));
    return this.items;
  }
  /** The buffer grown to at least `size` items, its contents kept. */
  grow(size: number): Int32Array {
    if (this.items.length < size) this.items = grown(this.items, Math.max(size, 2 * this.items.length));
    return this.items;
  }
}

/** A growable list of int32 on a Reusable buffer, for the word ids of every story back to back. */
class IntList {
  items: Int32Array;
  length = 0;
  constructor(private readonly buffer: Reusable) {
    this.items = buffer.get(1 << 14);
  }
  push(x: number): void {
    if (this.length === this.items.length) this.items = this.buffer.grow(this.length + 1);
    this.items[this.length++] = x;
  }
}

const wordBuffer = new Reusable();
const shingleBuffer = new Reusable();
const slotBuffer = new Reusable();
const hashBuffer = new Reusable();
const firstBuffer = new Reusable();
const lastSourceBuffer = new Reusable();
const degreeBuffer = new Reusable();
const fillBuffer = new Reusable();
const holderBuffer = new Reusable();

/**
 * Appends to `out` the ids (from `vocab`, in order of first appearance) of the normalised words of a source's story:
 * the original text minus the removals that were not put back. Words are looked up in place, not matched out as
 * strings: the match array and a string per word were ~6 MB per comparison on the 50 x 2k bench.
 */
function storyWordIds(
  source: SourceInfo,
  text: string | undefined,
  units: readonly Unit[],
  vocab: SubstringIds,
  out: IntList,
): void {
  let story: string;
  if (text === undefined) {
    story = units.map((u) => u.text).join(' ');
  } else {
    const cuts = source.removals.filter((r) => !r.restored).toSorted((x, y) => x.start - y.start);
    let pos = 0;
    const kept: string[] = [];
    for (const r of cuts) {
      if (r.start > pos) kept.push(text.slice(pos, r.start));
      pos = Math.max(pos, r.end);
    }
    kept.push(text.slice(pos));
    story = kept.join(' ');
  }
  const norm = story.toLowerCase().replace(/[’‘]/g, "'");
  if (SURROGATE.test(norm)) {
    forEachMatch(norm, STORY_GAP, STORY_WORD, (start, end) => out.push(vocab.idOf(norm, start, end)));
    return;
  }
  // forEachStoryWord's loop, without a callback: a new closure per source made the optimised loop deopt ('wrong
  // call target') and recompile for each of the first sources of a run.
  for (let start = storyWordStart(norm, 0); start < norm.length;) {
    const end = storyWordEnd(norm, start);
    out.push(vocab.idOf(norm, start, end));
    start = storyWordStart(norm, end);
  }
}

/** A 32-bit mix of a word id (murmur3's finaliser): the rolling shingle hash needs well-spread word values. */
function mixWord(id: number): number {
  let h = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Shingle ids: every window of VERBATIM_RUN words (positions in `words`, all stories back to back, windows within
 * one story) gets the id of the first window with the same word ids, ids counting up from 0. Exact: a window is
 * compared word by word with the first of its hash, so no hash collision merges two. Two shortcuts, both measured
 * on the 50 x 2k bench: the hash rolls (one step per word instead of VERBATIM_RUN), and wire copy repeats whole
 * runs, so the window after a repeated one is first tried as the successor of that one's first window (77k of the
 * 100k windows), comparing one word instead of hashing into the table.
 */
function shingleIds(words: Int32Array, storyStart: Int32Array, sourceCount: number, ids: Int32Array): number {
  const R = VERBATIM_RUN;
  let total = 0;
  for (let s = 0; s < sourceCount; s++) total += Math.max(0, storyStart[s + 1]! - storyStart[s]! - R + 1);
  let cap = 16;
  while (cap < total * 2) cap *= 2;
  const mask = cap - 1;
  const slots = slotBuffer.get(cap).fill(-1, 0, cap);
  const hashOf = hashBuffer.get(total);
  const firstAt = firstBuffer.get(total);
  const B = 0x01000193;
  let top = 1; // B ** (R - 1)
  for (let k = 1; k < R; k++) top = Math.imul(top, B);
  let count = 0;
  for (let s = 0; s < sourceCount; s++) {
    const from = storyStart[s]!;
    const last = storyStart[s + 1]! - R; // last window start
    if (last < from) continue;
    let h = 0;
    for (let p = from; p < from + R - 1; p++) h = (Math.imul(h, B) + mixWord(words[p]!)) | 0;
    let prev = -1;
    for (let p = from; p <= last; p++) {
      h = (Math.imul(h, B) + mixWord(words[p + R - 1]!)) | 0;
      let id = prev + 1;
      if (
        prev < 0 ||
        id >= count ||
        firstAt[id] !== firstAt[prev]! + 1 ||
        words[firstAt[id]! + R - 1] !== words[p + R - 1]
      ) {
        let slot = (h ^ (h >>> 15)) & mask;
        for (; ; slot = (slot + 1) & mask) {
          id = slots[slot]!;
          if (id === -1 || (hashOf[id] === h && sameWindow(words, firstAt[id]!, p))) break;
        }
        if (id === -1) {
          id = slots[slot] = count++;
          hashOf[id] = h;
          firstAt[id] = p;
        }
      }
      ids[p] = id;
      prev = id;
      h = (h - Math.imul(mixWord(words[p]!), top)) | 0;
    }
  }
  return count;
}

/** shingleIds on word id lists, one per story, as one list of shingle ids per story: for tests. */
export function shingleIdsOf(stories: readonly (readonly number[])[]): number[][] {
  const words = Int32Array.from(stories.flat());
  const storyStart = new Int32Array(stories.length + 1);
  stories.forEach((w, s) => (storyStart[s + 1] = storyStart[s]! + w.length));
  const ids = new Int32Array(words.length);
  shingleIds(words, storyStart, stories.length, ids);
  return stories.map((w, s) =>
    Array.from(ids.subarray(storyStart[s]!, storyStart[s]! + Math.max(0, w.length - VERBATIM_RUN + 1))),
  );
}

function sameWindow(words: Int32Array, a: number, b: number): boolean {
  for (let k = 0; k < VERBATIM_RUN; k++) if (words[a + k] !== words[b + k]) return false;
  return true;
}

/**
 * Share of the shorter story of each pair of sources lying in runs of VERBATIM_RUN words shared with the other. One
 * loop nest per function, each returning a value made before its loop: this runs once per comparison, so V8
 * optimises its loops on stack (OSR) on the first run, before the code after the loop ever ran; that code then
 * had no type feedback and deopted on every later comparison (trace-deopt on the bench, when the phases were
 * one function).
 */
export function verbatimOverlap(
  sources: readonly SourceInfo[],
  units: readonly Unit[],
  texts: ReadonlyMap<string, string>,
): VerbatimOverlap[] {
  const n = sources.length;
  const list = new IntList(wordBuffer);
  const storyStart = storyWords(sources, units, texts, list);
  const words = list.items;
  const shingles = shingleBuffer.get(words.length);
  const count = shingleIds(words, storyStart, n, shingles);
  const degree = holderCounts(shingles, storyStart, n, count);
  prefixSums(degree, count);
  const covered = coveredWords(shingles, storyStart, n, count, degree);
  return overlapShares(sources, storyStart, covered);
}

/** Appends each source's story word ids to `out`; story s is out[storyStart[s], storyStart[s + 1]). */
function storyWords(
  sources: readonly SourceInfo[],
  units: readonly Unit[],
  texts: ReadonlyMap<string, string>,
  out: IntList,
): Int32Array {
  const n = sources.length;
  const storyStart = new Int32Array(n + 1);
  // Units are only read for a source without its text (compare passes every text).
  let unitsBySource: ReadonlyMap<string, Unit[]> | undefined;
  const vocab = new SubstringIds();
  for (let s = 0; s < n; s++) {
    const src = sources[s]!;
    const text = texts.get(src.id);
    if (text === undefined) unitsBySource ??= groupBySource(units);
    storyWordIds(src, text, unitsBySource?.get(src.id) ?? [], vocab, out);
    storyStart[s + 1] = out.length;
  }
  return storyStart;
}

function groupBySource(units: readonly Unit[]): Map<string, Unit[]> {
  const bySource = new Map<string, Unit[]>();
  for (const u of units) {
    const list = bySource.get(u.sourceId);
    if (list) list.push(u);
    else bySource.set(u.sourceId, [u]);
  }
  return bySource;
}

/**
 * degree[k + 1] = how many sources contain shingle k (the first step of a CSR index, shingle id -> source indexes
 * that contain it, as one flat array with offsets: tens of thousands of tiny arrays were the report's main
 * allocation cost).
 */
function holderCounts(shingles: Int32Array, storyStart: Int32Array, n: number, count: number): Int32Array {
  const lastSource = lastSourceBuffer.get(count).fill(-1, 0, count);
  const degree = degreeBuffer.get(count + 1).fill(0, 0, count + 1);
  for (let s = 0; s < n; s++) {
    const to = storyStart[s + 1]! - VERBATIM_RUN;
    for (let p = storyStart[s]!; p <= to; p++) {
      const k = shingles[p]!;
      if (lastSource[k] === s) continue;
      lastSource[k] = s;
      degree[k + 1]!++;
    }
  }
  return degree;
}

function prefixSums(degree: Int32Array, count: number): void {
  for (let k = 0; k < count; k++) degree[k + 1]! += degree[k]!;
}

/**
 * coveredCount[s * n + t], for each pair (s, t) with s the shorter source: words of s lying in a run shared with t.
 *
 * Only the shorter source of a pair is counted (its words in runs shared with the other), so the sources are
 * visited longest first (ties: the later index first, as overlapShares takes the earlier of two equal lengths),
 * each counted against the sources visited before it and then added to its shingles' holder lists (holders of
 * shingle k are holders[degree[k], fill[k]), in visiting order): every pair is counted once, in the one direction
 * the share reads, instead of both (half of ~890k holder visits on the 50 x 2k bench). Shingles of s are visited
 * in order, so the covered words for t form intervals that only grow to the right: counting needs one cursor per
 * t, no marks.
 */
function coveredWords(
  shingles: Int32Array,
  storyStart: Int32Array,
  n: number,
  count: number,
  degree: Int32Array,
): Float64Array {
  const byLength = Array.from({ length: n }, (_, s) => s).sort(
    (x, y) => storyStart[y + 1]! - storyStart[y]! - (storyStart[x + 1]! - storyStart[x]!) || y - x,
  );
  const holders = holderBuffer.get(degree[count]!);
  const fill = fillBuffer.get(count);
  fill.set(degree.subarray(0, count));
  const lastSource = lastSourceBuffer.get(count).fill(-1, 0, count);
  const coveredCount = new Float64Array(n * n);
  const coveredUntil = new Int32Array(n);
  for (let o = 0; o < n; o++) {
    const s = byLength[o]!;
    coveredUntil.fill(0);
    const first = storyStart[s]!;
    const to = storyStart[s + 1]! - VERBATIM_RUN;
    for (let p = first; p <= to; p++) {
      const k = shingles[p]!;
      const from0 = degree[k]!;
      const until = fill[k]!;
      const i = p - first;
      const end = i + VERBATIM_RUN;
      for (let h = from0; h < until; h++) {
        const t = holders[h]!;
        if (t === s) continue;
        const from = Math.max(coveredUntil[t]!, i);
        if (end > from) coveredCount[s * n + t] = coveredCount[s * n + t]! + end - from;
        coveredUntil[t] = end;
      }
      if (lastSource[k] !== s) {
        lastSource[k] = s;
        holders[fill[k]!++] = s;
      }
    }
  }
  return coveredCount;
}

function overlapShares(
  sources: readonly SourceInfo[],
  storyStart: Int32Array,
  coveredCount: Float64Array,
): VerbatimOverlap[] {
  const n = sources.length;
  const out: VerbatimOverlap[] = [];
  for (let s = 0; s < n; s++) {
    for (let t = s + 1; t < n; t++) {
      const ws = storyStart[s + 1]! - storyStart[s]!;
      const wt = storyStart[t + 1]! - storyStart[t]!;
      const len = Math.min(ws, wt);
      const hit = ws <= wt ? coveredCount[s * n + t]! : coveredCount[t * n + s]!;
      out.push({ a: sources[s]!.id, b: sources[t]!.id, share: len === 0 ? 0 : hit / len });
    }
  }
  return out;
}

/** Prominence code of a position in a group's cell (0 = no unit there): 1 headline, 2 lede, 3 body. */
const POSITION_OF_CODE: readonly Position[] = ['body', 'headline', 'lede', 'body'];

/** Each group's units by index in `units`, looked up once, and the group of each unit. */
interface Members {
  /** Group g's units are member[memberStart[g], memberStart[g + 1]), -1 for an id not among the units. */
  readonly memberStart: Int32Array;
  readonly member: Int32Array;
  /** The group of each unit (the last group listing it), by unit index; -1 when none. */
  readonly groupOfUnit: Int32Array;
  /** The group of ids listed by a group but not among the units. */
  readonly groupOfOtherId: ReadonlyMap<string, number>;
}

function groupMembers(
  groups: readonly Group[],
  unitCount: number,
  unitIndex: ReadonlyMap<string, number>,
): Members {
  const memberStart = new Int32Array(groups.length + 1);
  for (let g = 0; g < groups.length; g++) memberStart[g + 1] = memberStart[g]! + groups[g]!.unitIds.length;
  const member = new Int32Array(memberStart[groups.length]!);
  const groupOfUnit = new Int32Array(unitCount).fill(-1);
  const groupOfOtherId = new Map<string, number>();
  const members: Members = { memberStart, member, groupOfUnit, groupOfOtherId };
  for (let g = 0; g < groups.length; g++) {
    const ids = groups[g]!.unitIds;
    let at = memberStart[g]!;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      const k = unitIndex.get(id);
      if (k === undefined) groupOfOtherId.set(id, g);
      else groupOfUnit[k] = g;
      member[at++] = k ?? -1;
    }
  }
  return members;
}

/**
 * Indexes of the claim groups in row order: first source that carries the group, then the earliest unit there,
 * then the group id.
 */
function claimOrder(
  groups: readonly Group[],
  units: readonly Unit[],
  unitSource: Int32Array,
  members: Members,
): number[] {
  const firstSource = new Float64Array(groups.length);
  const firstIndex = new Float64Array(groups.length);
  const claimIndexes = claimKeys(groups, units, unitSource, members, firstSource, firstIndex);
  claimIndexes.sort(
    (x, y) =>
      firstSource[x]! - firstSource[y]! ||
      firstIndex[x]! - firstIndex[y]! ||
      (groups[x]!.id < groups[y]!.id ? -1 : 1),
  );
  return claimIndexes;
}

/**
 * The claim groups' indexes, with each one's first source and earliest unit there. Loops that run once per
 * comparison are optimised on stack (OSR) on the first run, before the code after them ever ran, and that code
 * then deopts on every later comparison for want of type feedback: so each hot loop here returns a value made
 * before it, and the work after it is the caller's (trace-deopt on the bench).
 */
function claimKeys(
  groups: readonly Group[],
  units: readonly Unit[],
  unitSource: Int32Array,
  { memberStart, member }: Members,
  firstSource: Float64Array,
  firstIndex: Float64Array,
): number[] {
  const claimIndexes: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    if (groups[g]!.kind !== 'sentence') continue;
    claimIndexes.push(g);
    let best0 = Number.MAX_SAFE_INTEGER;
    let best1 = Number.MAX_SAFE_INTEGER;
    for (let m = memberStart[g]!; m < memberStart[g + 1]!; m++) {
      const k = member[m]!;
      if (k < 0) continue;
      const key0 = unitSource[k]! < 0 ? Number.MAX_SAFE_INTEGER : unitSource[k]!;
      const key1 = units[k]!.index;
      if (key0 < best0 || (key0 === best0 && key1 < best1)) {
        best0 = key0;
        best1 = key1;
      }
    }
    firstSource[g] = best0;
    firstIndex[g] = best1;
  }
  return claimIndexes;
}

/** The coverage rows, how many sources carry each, and each source's most prominent position in each. */
interface Rows {
  readonly cells: CoverageCell[][];
  readonly carriers: Int32Array;
  /** best[r * n + s]: a POSITION_OF_CODE code, 0 when source s has no unit in row r. */
  readonly best: Uint8Array;
}

/** One pass over each row's units: its cells, its carriers and the best positions. */
function coverageRows(
  claimIndexes: readonly number[],
  n: number,
  units: readonly Unit[],
  unitSource: Int32Array,
  conflicting: Uint8Array,
  { memberStart, member }: Members,
): Rows {
  const rows = claimIndexes.length;
  const absentRow: CoverageCell[] = [];
  for (let s = 0; s < n; s++) absentRow.push('absent');
  const cells = new Array<CoverageCell[]>(rows);
  const carriers = new Int32Array(rows);
  const best = new Uint8Array(rows * n);
  const table: Rows = { cells, carriers, best };
  for (let r = 0; r < rows; r++) {
    const row = absentRow.slice();
    const g = claimIndexes[r]!;
    for (let m = memberStart[g]!; m < memberStart[g + 1]!; m++) {
      const k = member[m]!;
      if (k < 0) continue;
      const s = unitSource[k]!;
      if (s < 0) continue;
      if (row[s] === 'absent') carriers[r]!++;
      if (conflicting[k] === 1) row[s] = 'conflicting';
      else if (row[s] === 'absent') row[s] = 'present';
      const code = PROMINENCE[units[k]!.position] + 1;
      const cur = best[r * n + s]!;
      if (cur === 0 || code < cur) best[r * n + s] = code;
    }
    cells[r] = row;
  }
  return table;
}

function sourceReport(
  sourceId: string,
  s: number,
  n: number,
  claimIds: readonly string[],
  { carriers, best }: Rows,
): SourceReport {
  const rows = claimIds.length;
  const onlyHere: string[] = [];
  // Sized first, then filled: a source omits most of a 50-source story's claims, and growing these lists by push
  // made ~3 MB of discarded backing stores per comparison on the 50 x 2k bench.
  let omittedCount = 0;
  for (let r = 0; r < rows; r++) if (best[r * n + s] === 0 && carriers[r]! > 0) omittedCount++;
  const omitted = new Array<string>(omittedCount);
  let omittedAt = 0;
  const placement = { headline: 0, lede: 0, body: 0 };
  let carried = 0;
  for (let r = 0; r < rows; r++) {
    const code = best[r * n + s]!;
    const here = code !== 0;
    const others = carriers[r]! - (here ? 1 : 0) > 0;
    if (here) carried++;
    if (here && !others && n > 1) onlyHere.push(claimIds[r]!);
    if (!here && others) omitted[omittedAt++] = claimIds[r]!;
    if (here && others) placement[POSITION_OF_CODE[code]!]++;
  }
  return { sourceId, onlyHere, omitted, coverageShare: rows === 0 ? 0 : carried / rows, placement };
}

/** Ledger: speech quote groups by speaker. */
function buildLedger(
  quotes: readonly Quote[],
  quoteGroups: readonly QuoteGroup[],
  sourceOrder: ReadonlyMap<string, number>,
): LedgerEntry[] {
  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const quoteKey = (qg: QuoteGroup): [number, number] => {
    let best: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    for (const id of qg.quoteIds) {
      const q = quoteById.get(id);
      if (!q) continue;
      const key: [number, number] = [sourceOrder.get(q.sourceId) ?? Number.MAX_SAFE_INTEGER, q.start];
      if (key[0] < best[0] || (key[0] === best[0] && key[1] < best[1])) best = key;
    }
    return best;
  };
  const bySpeaker = new Map<
    string | null,
    { groups: { id: string; key: [number, number] }[]; count: number }
  >();
  for (const qg of quoteGroups) {
    const isSpeech = qg.quoteIds.some((id) => quoteById.get(id)?.kind === 'speech');
    if (!isSpeech) continue;
    let entry = bySpeaker.get(qg.speaker);
    if (!entry) bySpeaker.set(qg.speaker, (entry = { groups: [], count: 0 }));
    entry.groups.push({ id: qg.id, key: quoteKey(qg) });
    entry.count += qg.quoteIds.length;
  }
  return [...bySpeaker.entries()]
    .sort(([sa, ea], [sb, eb]) => {
      if (sa === null || sb === null) return sa === sb ? 0 : sa === null ? 1 : -1;
      return eb.count - ea.count || (sa < sb ? -1 : sa > sb ? 1 : 0);
    })
    .map(([speaker, e]) => ({
      speaker,
      quoteGroupIds: e.groups
        .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || (x.id < y.id ? -1 : 1))
        .map((x) => x.id),
    }));
}

/** Every discrepancy of every pair, by row of its group, then pair id, then offset in the first unit. */
function sortedDiscrepancies(
  pairs: readonly Pair[],
  groups: readonly Group[],
  unitIndex: ReadonlyMap<string, number>,
  claimIndexes: readonly number[],
  members: Members,
): DiscrepancyEntry[] {
  const discrepancies: DiscrepancyEntry[] = [];
  const rowKeys: number[] = [];
  discrepancyEntries(pairs, groups, unitIndex, claimIndexes, members, discrepancies, rowKeys);
  const order = discrepancies.map((_, i) => i);
  order.sort((i, j) => {
    const x = discrepancies[i]!;
    const y = discrepancies[j]!;
    return (
      rowKeys[i]! - rowKeys[j]! ||
      (x.pairId < y.pairId ? -1 : x.pairId > y.pairId ? 1 : 0) ||
      x.discrepancy.a.start - y.discrepancy.a.start
    );
  });
  return order.map((i) => discrepancies[i]!);
}

/** Appends every discrepancy of every pair to `out`, and the row of its group to `rowKeys` (the claim's loop). */
function discrepancyEntries(
  pairs: readonly Pair[],
  groups: readonly Group[],
  unitIndex: ReadonlyMap<string, number>,
  claimIndexes: readonly number[],
  { groupOfUnit, groupOfOtherId }: Members,
  out: DiscrepancyEntry[],
  rowKeys: number[],
): void {
  const rowOfGroup = new Int32Array(groups.length).fill(-1);
  for (let r = 0; r < claimIndexes.length; r++) rowOfGroup[claimIndexes[r]!] = r;
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    if (p.discrepancies.length === 0) continue;
    const k = unitIndex.get(p.a);
    const g = k !== undefined ? groupOfUnit[k]! : (groupOfOtherId.get(p.a) ?? -1);
    if (g < 0) continue;
    const groupId = groups[g]!.id;
    const rowKey = rowOfGroup[g]! < 0 ? Number.MAX_SAFE_INTEGER : rowOfGroup[g]!;
    for (const d of p.discrepancies) {
      rowKeys.push(rowKey);
      out.push({ groupId, pairId: p.id, discrepancy: d });
    }
  }
}

/**
 * The report, in small functions and with no loop of its own: buildReport runs once per comparison, and as one
 * large function TurboFan compiled it again on nearly every comparison ("wrong map" deopts on its input arrays;
 * 35-98 ms of main-thread compile each time in `node --trace-opt` on the 50 x 2k bench, the callees inlined).
 * Without loops it does not get hot enough to be optimised; each callee compiles in a few ms, and a deopt in one
 * recompiles only it.
 */
export function buildReport(input: ReportInput): Report {
  const { sources, units, quotes, groups, quoteGroups, pairs, texts } = input;
  const n = sources.length;
  const sourceIds = sources.map((s) => s.id);
  const sourceOrder = orderOf(sourceIds);
  // Units by index in `units` (the last of an id, as a Map from ids would keep), with their source's order (-1 when
  // not a listed source): the per-group loops read typed arrays, not one Map per unit and per list.
  const unitIndex = input.unitIndex ?? indexOfUnits(units);
  const unitSource = sourceOfUnits(units, sourceOrder);
  const members = groupMembers(groups, units.length, unitIndex);
  const claimIndexes = claimOrder(groups, units, unitSource, members);
  const claimIds = claimIndexes.map((g) => groups[g]!.id);
  const conflicting = conflictingUnits(pairs, units.length, unitIndex);
  const table = coverageRows(claimIndexes, n, units, unitSource, conflicting, members);
  return {
    coverage: { groupIds: claimIds, sourceIds, cells: table.cells },
    perSource: sourceIds.map((id, s) => sourceReport(id, s, n, claimIds, table)),
    ledger: buildLedger(quotes, quoteGroups, sourceOrder),
    discrepancies: sortedDiscrepancies(pairs, groups, unitIndex, claimIndexes, members),
    verbatim: verbatimOverlap(sources, units, texts),
    names: input.names ?? [],
  };
}

/** Position of each id in `ids` (the last, for an id listed twice). */
function orderOf(ids: readonly string[]): Map<string, number> {
  const order = new Map<string, number>();
  for (let s = 0; s < ids.length; s++) order.set(ids[s]!, s);
  return order;
}

/** The order of each unit's source, -1 when it is not a listed source. */
function sourceOfUnits(units: readonly Unit[], sourceOrder: ReadonlyMap<string, number>): Int32Array {
  const unitSource = new Int32Array(units.length);
  for (let k = 0; k < units.length; k++) unitSource[k] = sourceOrder.get(units[k]!.sourceId) ?? -1;
  return unitSource;
}

/** 1 for each unit that is part of a pair labelled conflicting. */
function conflictingUnits(
  pairs: readonly Pair[],
  unitCount: number,
  unitIndex: ReadonlyMap<string, number>,
): Uint8Array {
  const conflicting = new Uint8Array(unitCount);
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i]!;
    if (p.relation !== 'conflicting') continue;
    const a = unitIndex.get(p.a);
    const b = unitIndex.get(p.b);
    if (a !== undefined) conflicting[a] = 1;
    if (b !== undefined) conflicting[b] = 1;
  }
  return conflicting;
}

function indexOfUnits(units: readonly Unit[]): Map<string, number> {
  const built = new Map<string, number>();
  for (let k = 0; k < units.length; k++) built.set(units[k]!.id, k);
  return built;
}
