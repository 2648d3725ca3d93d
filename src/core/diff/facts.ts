// Facts that can disagree between two aligned units (issue 3, stage 6): numbers (digits or words, percentages,
// money), dates (month/day/year, bare years), weekdays, and people named in the same role.
//
// The rule that keeps false conflicts down: a fact only conflicts when BOTH sides state a fact of the same class
// and no fact on the other side agrees with it. A number that is merely absent from one side is extra detail, not a
// conflict ("26 countries" vs "several countries"); "Sept 5" agrees with "September 5"; "26" with "twenty-six".

import { memoByText } from '../memo.ts';
import type { Discrepancy, DiscrepancyKind, Unit } from '../model.ts';

/** One fact found in a unit, with offsets local to the unit's text. */
export interface Fact {
  readonly kind: DiscrepancyKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Numbers: the value. */
  readonly value?: number;
  /** Numbers: 'percent' | 'money' | 'plain' — unmatched numbers are only paired within one class. */
  readonly numClass?: 'percent' | 'money' | 'plain';
  readonly month?: number;
  readonly day?: number;
  readonly year?: number;
  /** Weekday: 0 = Monday. */
  readonly weekday?: number;
  /** Names: the role key ("russian president") and the surname as written. */
  readonly role?: string;
  readonly surname?: string;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const FULL_MONTHS = 'January|February|March|April|June|July|August|September|October|November|December';
const ABBR_MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]\\d\\d|2[01]\\d\\d)';
// "September 5, 2025" / "Sept. 5" / "5 September 2025" / "September 2025" / "in September". Abbreviations and
// "May" (also a verb) count only when a day or a year follows or precedes them.
const DATE_RE = new RegExp(
  [
    `\\b(?<m1>${FULL_MONTHS}|(?:${ABBR_MONTHS})\\.?(?=\\s+\\d))(?:\\s+(?<d1>${DAY})(?![\\d:]))?(?:,?\\s+(?<y1>${YEAR}))?\\b`,
    `\\b(?<d2>${DAY})\\s+(?<m2>${FULL_MONTHS}|May|(?:${ABBR_MONTHS})\\.?)(?:,?\\s+(?<y2>${YEAR}))?\\b`,
  ].join('|'),
  'g',
);
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY_RE = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gi;

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const MULT: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  mn: 1e6,
  m: 1e6,
  k: 1e3,
};
const NUMWORD = `(?:${Object.keys(SMALL).join('|')}|hundred|thousand|million|billion|trillion)`;
const NUMWORDS_RE = new RegExp(`\\b${NUMWORD}(?:(?:[\\s\\-‐]+|\\s+and\\s+)${NUMWORD})*\\b`, 'gi');
// Digits not glued to a word ("G7", "F-16", "COVID-19" are names, not quantities).
const DIGITS_RE =
  /(?<![\p{L}\p{N}][-‐]?)(?<cur>US\$|[$€£¥])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<mult>million|billion|trillion|thousand|bn|mn|m|k)\b)?(?<pct>\s?%|\s(?:percent|per cent)\b)?(?<cur2>\s(?:dollars|euros|pounds|roubles|rubles|yuan|yen)\b)?(?![\p{L}\d])/gu;

const ROLE =
  '(?:President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Defen[cs]e Minister|Minister|Chancellor|Secretary of State|Secretary|Secretary-General|Spokesman|Spokeswoman|Spokesperson|spokesman|spokeswoman|spokesperson|Governor|Senator|Mayor|General|Gen\\.|King|Queen|Pope|Ambassador|Chairman|Chairwoman|Chief Executive|CEO|Envoy|envoy)';
const CAP = "\\p{Lu}[\\p{L}’'\\-]+";
// "Russian President Vladimir Putin", "Kremlin spokesman Dmitry Peskov", "Prime Minister Keir Starmer".
const ROLE_NAME_RE = new RegExp(
  `(?<qual>(?:${CAP}\\s){0,2})(?<role>${ROLE})\\s(?<name>${CAP}(?:\\s${CAP}){0,2})`,
  'gu',
);

// Cheap tests that must pass before each extraction regex can match: most sentences have no date, no digits, no
// role title. Each is a strict superset of its regex's matches (every month form starts with one of these
// prefixes, every weekday ends in "day", DIGITS_RE needs a digit, ROLE_NAME_RE needs a role), so skipping a regex
// when its test fails changes no result; ROLE_NAME_RE, tried at every word, was the costliest part of the stage.
const MAY_HAVE_DATE = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const MAY_HAVE_WEEKDAY = /day\b/i;
const MAY_HAVE_DIGIT = /\d/;
const MAY_HAVE_ROLE = new RegExp(ROLE);

function wordsToNumber(s: string): number | null {
  const words = s
    .toLowerCase()
    .split(/[\s\-‐]+/)
    .filter((w) => w && w !== 'and');
  // A bare "one" is a pronoun far more often than a count ("one of the root causes", "no one"): skip it.
  if (words.length === 1 && (words[0] === 'one' || words[0] === 'zero')) return null;
  if (words.length === 1 && Object.hasOwn(MULT, words[0]!)) return null; // "thousands", "hundred" alone
  let total = 0;
  let current = 0;
  for (const w of words) {
    const small = Object.hasOwn(SMALL, w) ? SMALL[w] : undefined;
    if (small !== undefined) current += small;
    else if (w === 'hundred') current = (current || 1) * 100;
    else {
      const m = Object.hasOwn(MULT, w) ? MULT[w] : undefined;
      if (m === undefined) return null;
      total += (current || 1) * m;
      current = 0;
    }
  }
  return total + current;
}

function overlaps(ranges: readonly [number, number][], s: number, e: number): boolean {
  return ranges.some(([rs, re]) => s < re && rs < e);
}

/**
 * The matches of global regex `re` in `text`, in order: an exec loop, not matchAll, which clones the regex and makes
 * an iterator per call (facts are extracted from every text of every aligned pair). None of the fact regexes can
 * match the empty string, so the loop always advances. Not re-entrant per regex: the callbacks never extract facts.
 */
function eachMatch(text: string, re: RegExp, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) visit(m);
}

/** All facts in a text, in text order. Offsets are local to `text`. Memoised: a unit meets every group partner. */
export const extractFacts: (text: string) => readonly Fact[] = memoByText(extractFactsUncached, 8_192);

function extractFactsUncached(text: string): Fact[] {
  const facts: Fact[] = [];
  const taken: [number, number][] = [];

  if (MAY_HAVE_DATE.test(text)) extractDates(text, facts, taken);
  if (MAY_HAVE_WEEKDAY.test(text)) {
    eachMatch(text, WEEKDAY_RE, (m) => {
      const weekday = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      facts.push({ kind: 'weekday', text: m[0], start: m.index, end: m.index + m[0].length, weekday });
      taken.push([m.index, m.index + m[0].length]);
    });
  }
  if (MAY_HAVE_DIGIT.test(text)) extractDigits(text, facts, taken);
  extractNumberWords(text, facts, taken);
  if (MAY_HAVE_ROLE.test(text)) extractRoleNames(text, facts);
  // Usually already in order (one kind of fact, found left to right): then sort() and its work copy are skipped.
  for (let k = 1; k < facts.length; k++) {
    const x = facts[k - 1]!;
    const y = facts[k]!;
    if (x.start > y.start || (x.start === y.start && x.end > y.end)) {
      return facts.sort((p, q) => p.start - q.start || p.end - q.end);
    }
  }
  return facts;
}

function extractDates(text: string, facts: Fact[], taken: [number, number][]): void {
  eachMatch(text, DATE_RE, (m) => {
    const g = m.groups ?? {};
    const monthWord = (g.m1 ?? g.m2 ?? '').replace('.', '').toLowerCase();
    const month = MONTHS[monthWord];
    if (month === undefined) return;
    const dayText = g.d1 ?? g.d2;
    const yearText = g.y1 ?? g.y2;
    const start = m.index;
    const end = start + m[0].length;
    facts.push({
      kind: 'date',
      text: m[0],
      start,
      end,
      month,
      ...(dayText ? { day: parseInt(dayText, 10) } : {}),
      ...(yearText ? { year: parseInt(yearText, 10) } : {}),
    });
    taken.push([start, end]);
  });
}

function extractDigits(text: string, facts: Fact[], taken: [number, number][]): void {
  eachMatch(text, DIGITS_RE, (m) => {
    const g = m.groups ?? {};
    // Drop the leading space the optional currency group may have consumed.
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    if (overlaps(taken, start, end)) return;
    const raw = g.num!;
    let value = parseFloat(raw.replace(/,/g, ''));
    if (g.mult) value *= MULT[g.mult.toLowerCase()] ?? 1;
    const numClass = g.pct ? 'percent' : g.cur || g.cur2 ? 'money' : 'plain';
    // A bare four-digit number in the modern range is a year: compared as a date, not a quantity.
    if (numClass === 'plain' && !g.mult && /^(1[89]|2[01])\d\d$/.test(raw)) {
      facts.push({ kind: 'date', text: raw, start, end, year: value });
    } else {
      facts.push({ kind: 'number', text: text.slice(start, end), start, end, value, numClass });
    }
    taken.push([start, end]);
  });
}

function extractNumberWords(text: string, facts: Fact[], taken: [number, number][]): void {
  eachMatch(text, NUMWORDS_RE, (m) => {
    const start = m.index;
    let end = start + m[0].length;
    if (overlaps(taken, start, end)) return;
    const value = wordsToNumber(m[0]);
    if (value === null) return;
    const rest = text.slice(end);
    const pct = /^\s(?:percent|per cent)\b/i.exec(rest);
    if (pct) end += pct[0].length;
    facts.push({
      kind: 'number',
      text: text.slice(start, end),
      start,
      end,
      value,
      numClass: pct ? 'percent' : 'plain',
    });
    taken.push([start, end]);
  });
}

function extractRoleNames(text: string, facts: Fact[]): void {
  eachMatch(text, ROLE_NAME_RE, (m) => {
    const g = m.groups ?? {};
    const qual = (g.qual ?? '').trim();
    const role = `${qual} ${g.role!}`.trim().toLowerCase().replace(/\./g, '');
    const nameWords = g.name!.split(/\s/);
    const surname = nameWords[nameWords.length - 1]!;
    const nameStart = m.index + m[0].length - g.name!.length;
    facts.push({
      kind: 'name',
      text: g.name!,
      start: nameStart,
      end: m.index + m[0].length,
      role,
      surname,
    });
  });
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Zelenskiy / Zelenskyy / Zelensky are one person: small edit distance relative to length. */
export function sameSurname(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[’']s$/, '');
  const y = b.toLowerCase().replace(/[’']s$/, '');
  if (x === y) return true;
  return levenshtein(x, y) <= Math.max(1, Math.floor(Math.min(x.length, y.length) / 4));
}

/** Do two facts of the same kind state the same thing? Missing fields never disagree. */
export function factsAgree(x: Fact, y: Fact): boolean {
  if (x.kind !== y.kind) {
    return false;
  }
  switch (x.kind) {
    case 'number': {
      const a = x.value!;
      const b = y.value!;
      return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    }
    case 'date':
      return (
        (x.month === undefined || y.month === undefined || x.month === y.month) &&
        (x.day === undefined || y.day === undefined || x.day === y.day) &&
        (x.year === undefined || y.year === undefined || x.year === y.year)
      );
    case 'weekday':
      return x.weekday === y.weekday;
    case 'name':
      // Different roles are never set against each other (see `comparable`), so agreement needs the same role.
      return x.role === y.role && sameSurname(x.surname!, y.surname!);
  }
}

/** Can two unmatched facts be set against each other as a disagreement? */
function comparable(x: Fact, y: Fact): boolean {
  if (x.kind !== y.kind) return false;
  if (x.kind === 'number') return x.numClass === y.numClass;
  if (x.kind === 'date') {
    // A bare year against a month-day date says nothing about each other.
    const shared =
      (x.month !== undefined && y.month !== undefined) || (x.year !== undefined && y.year !== undefined);
    return shared;
  }
  if (x.kind === 'name') return x.role === y.role;
  return true;
}

/**
 * Facts that disagree between two units: each fact of `a` with no agreeing fact in `b` is set against the next
 * unmatched comparable fact of `b`, in text order. Offsets are into each unit's source text.
 */
/** The facts of `xs` that no fact of `ys` agrees with (loops, no closure per fact: this runs for every aligned pair). */
function withoutAgreement(xs: readonly Fact[], ys: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const x of xs) {
    let agreed = false;
    for (const y of ys) {
      if (factsAgree(x, y)) {
        agreed = true;
        break;
      }
    }
    if (!agreed) out.push(x);
  }
  return out;
}

/**
 * The facts of text a that text b states differently, with offsets into the two texts (not their sources). A
 * function of the two texts alone, so compare computes it once per pair of distinct texts.
 */
export function discrepanciesBetween(aText: string, bText: string): readonly Discrepancy[] {
  const fa = extractFacts(aText);
  const fb = extractFacts(bText);
  if (fa.length === 0 || fb.length === 0) return [];
  const unmatchedA = withoutAgreement(fa, fb);
  if (unmatchedA.length === 0) return [];
  const unmatchedB = withoutAgreement(fb, fa);
  const used = new Set<Fact>();
  const out: Discrepancy[] = [];
  for (const x of unmatchedA) {
    const y = unmatchedB.find((c) => !used.has(c) && comparable(x, c));
    if (!y) continue;
    used.add(y);
    out.push({
      kind: x.kind,
      a: { text: x.text, start: x.start, end: x.end },
      b: { text: y.text, start: y.start, end: y.end },
    });
  }
  return out;
}

/** Discrepancies of discrepanciesBetween(a.text, b.text), placed at their offsets in the units' sources. */
export function placeDiscrepancies(found: readonly Discrepancy[], a: Unit, b: Unit): Discrepancy[] {
  return found.map((d) => ({
    kind: d.kind,
    a: { text: d.a.text, start: a.start + d.a.start, end: a.start + d.a.end },
    b: { text: d.b.text, start: b.start + d.b.start, end: b.start + d.b.end },
  }));
}

export function findDiscrepancies(a: Unit, b: Unit): Discrepancy[] {
  return placeDiscrepancies(discrepanciesBetween(a.text, b.text), a, b);
}
