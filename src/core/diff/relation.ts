// The relation label of an aligned pair (issue 3, stage 6). Checked in this order, first match wins:
//   conflicting  any discrepancy (numbers, dates, weekdays, a different person in the same role)
//   identical    the same words, ignoring case, punctuation, quote-mark style and spacing
//   minor        at most MINOR_MAX_CHANGED words changed on either side (and unchanged words dominate), or every
//                change is a spelling variant
//   adds-detail  one side contains nearly all the other's words (bag of words, so reordering does not matter)
//                and has clearly more of its own
//   paraphrase   everything else that was aligned
import { memoByText } from '../memo.ts';
import type { DiffPart, Discrepancy, Relation, Unit } from '../model.ts';
import { extractFacts, sameSurname } from './facts.ts';

/** "Putin warned" / "Putin said": two changed words or fewer on each side read as the same sentence. */
export const MINOR_MAX_CHANGED = 2;
/** Share of the shorter side's words that must appear in the longer side for "adds detail". */
export const ADDS_DETAIL_CONTAINMENT = 0.85;
/** The longer side must bring at least this many words of its own. */
export const ADDS_DETAIL_MIN_EXTRA = 4;

const MONTH_ABBR: Readonly<Record<string, string>> = {
  jan: 'january',
  feb: 'february',
  mar: 'march',
  apr: 'april',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
};

const MONTH_BY_ABBR: ReadonlyMap<string, string> = new Map(Object.entries(MONTH_ABBR));

const PLAIN_WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Lower-cased words with apostrophes folded: what "identical" compares. */
function plainWords(s: string): string[] {
  return s.toLowerCase().replace(/[’‘]/g, "'").match(PLAIN_WORD) ?? [];
}

/** plainWords of a whole unit, memoised: a unit is classified against each partner in its group. Never mutated. */
const unitWords: (text: string) => readonly string[] = memoByText(plainWords, 20_000);

/** words() of a whole unit, memoised like unitWords. Never mutated. */
const unitLooseWords: (text: string) => readonly string[] = memoByText((t) => loosen(unitWords(t)), 20_000);

/**
 * plainWords(s).length without building the array (the equal stretches of every diff are only counted). test()
 * advances lastIndex exactly as exec() does, without a match object per word (~2.5 MB per comparison on the
 * 50 x 2k bench).
 */
function countPlainWords(s: string): number {
  const t = s.toLowerCase().replace(/[’‘]/g, "'");
  const re = PLAIN_WORD;
  re.lastIndex = 0;
  let n = 0;
  while (re.test(t)) n++;
  return n;
}

/** Plain words, possessive 's dropped, month abbreviations spelled out: what the looser labels compare. */
function words(s: string): string[] {
  return loosen(plainWords(s));
}

/** words() from plainWords() already computed (classifyRelation needs both for each side of every pair). */
function loosen(plain: readonly string[]): string[] {
  return plain.map((w) => {
    const bare = w.endsWith("'s") ? w.slice(0, -2) : w;
    // Only words of three or four letters can be month abbreviations; a Map, not a property lookup with a fresh
    // string key (which V8 must first intern: that was most of loosen's time).
    return (bare.length === 3 || bare.length === 4 ? MONTH_BY_ABBR.get(bare) : undefined) ?? bare;
  });
}

/** Cheap pre-check before running the fact extractor on a diff stretch. */
const MAY_HAVE_NUMBER =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)\b/i;

/** Words of a diff stretch with every number written as its value, so "twenty-six" and "26" are one word. */
function canonicalWords(s: string): string[] {
  if (!MAY_HAVE_NUMBER.test(s)) return words(s);
  let out = '';
  let pos = 0;
  for (const f of extractFacts(s)) {
    if (f.kind !== 'number' || f.start < pos) continue;
    out += `${s.slice(pos, f.start)} n${String(f.value).replace('.', 'p')} `;
    pos = f.end;
  }
  return words(out + s.slice(pos));
}

/** Stretches of at most this many words are matched by a scan (their used-marks fit one 32-bit integer). */
const SMALL_STRETCH = 16;

/** Multiset difference size: words of x not matched by a word of y. */
export function unmatched(x: readonly string[], y: readonly string[]): number {
  // Most stretches are a few words: a scan with used-marks, no Map (the same multiset count).
  if (y.length <= SMALL_STRETCH) {
    let used = 0;
    let n = 0;
    for (const w of x) {
      let k = 0;
      while (k < y.length && ((used >>> k) & 1 || y[k] !== w)) k++;
      if (k === y.length) n++;
      else used |= 1 << k;
    }
    return n;
  }
  const counts = new Map<string, number>();
  for (const w of y) counts.set(w, (counts.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of x) {
    const c = counts.get(w) ?? 0;
    if (c > 0) counts.set(w, c - 1);
    else n++;
  }
  return n;
}

/**
 * Changed words per side, counted per stretch of changes (a delete and the insert that replaces it), after
 * folding case, punctuation, quote marks, month abbreviations and number spellings. "Sept 5" -> "September 5"
 * and "Twenty-six" -> "26" change nothing.
 */
export function changedWordCounts(parts: readonly DiffPart[]): {
  equal: number;
  deleted: number;
  inserted: number;
} {
  let equal = 0;
  let deleted = 0;
  let inserted = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.op === 'equal') {
      equal += countPlainWords(p.text); // words() maps one to one: same count
      continue;
    }
    const next = parts[i + 1];
    const del = p.op === 'delete' ? p.text : '';
    const ins = p.op === 'insert' ? p.text : next?.op === 'insert' ? next.text : '';
    if (p.op === 'delete' && next?.op === 'insert') i++;
    const wd = canonicalWords(del);
    const wi = canonicalWords(ins);
    deleted += unmatched(wd, wi);
    inserted += unmatched(wi, wd);
  }
  return { equal, deleted, inserted };
}

/** Share of `small`'s words (as a multiset) that `big` also has. */
function containment(small: readonly string[], big: readonly string[]): number {
  if (small.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of big) counts.set(w, (counts.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of small) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      hit++;
      counts.set(w, c - 1);
    }
  }
  return hit / small.length;
}

/** True when every delete/insert stretch of the diff is a one-for-one spelling variant (Zelenskiy -> Zelenskyy). */
function onlySpellingVariants(parts: readonly DiffPart[]): boolean {
  let sawChange = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.op === 'equal') continue;
    const del = p.op === 'delete' ? words(p.text) : [];
    const next = parts[i + 1];
    const ins = p.op === 'insert' ? words(p.text) : next?.op === 'insert' ? words(next.text) : [];
    if (p.op === 'delete' && next?.op === 'insert') i++;
    if (del.length === 0 && ins.length === 0) continue; // punctuation or spacing only
    if (del.length !== ins.length) return false;
    for (let k = 0; k < del.length; k++) if (!sameSurname(del[k]!, ins[k]!)) return false;
    sawChange = true;
  }
  return sawChange;
}

/**
 * The relation of an aligned pair, from the two texts, their diff and whether their facts disagree: never from the
 * score or the sources, so compare labels each pair of distinct texts once.
 */
export function classifyRelation(input: {
  a: Unit;
  b: Unit;
  parts: readonly DiffPart[];
  discrepancies: readonly Discrepancy[];
}): Relation {
  if (input.discrepancies.length > 0) return 'conflicting';
  if (input.a.text === input.b.text) return 'identical'; // the same plain words, without looking them up
  const pa = unitWords(input.a.text);
  const pb = unitWords(input.b.text);
  if (pa.length === pb.length && pa.every((w, i) => w === pb[i])) return 'identical';
  const wa = unitLooseWords(input.a.text);
  const wb = unitLooseWords(input.b.text);
  if (wa.length === 0 || wb.length === 0) return 'paraphrase';

  const { equal, deleted, inserted } = changedWordCounts(input.parts);
  const changed = Math.max(deleted, inserted);
  // A short sentence with two words swapped is a different sentence: the unchanged words must dominate.
  if (changed <= MINOR_MAX_CHANGED && equal >= 2 * changed && equal > 0) return 'minor';
  if (onlySpellingVariants(input.parts)) return 'minor';

  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (
    big.length - small.length >= ADDS_DETAIL_MIN_EXTRA &&
    containment(small, big) >= ADDS_DETAIL_CONTAINMENT
  ) {
    return 'adds-detail';
  }
  return 'paraphrase';
}
