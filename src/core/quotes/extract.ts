// Stage 4 of the engine (issue 3), per source: quote spans (marks.ts), then for each quote its kind (speech or a
// scare-quoted term), its attribution verb and the speaker's name as resolved within this source. The speaker id
// is left null here; resolveSpeakers (speakers.ts) assigns ids across all sources at once.
//
// Attribution is decided by cues, not by length alone: "X said", "said X", "X said: …", "X: …", "according to
// X", "—Name" after a quote, participles ("…, asserting that … “almost impossible.”"), coordination ("… and
// called it “…”"), and continuation (the second half of a quote split around "he said", or a paragraph that is
// only a quote). Pronouns resolve to the most recent person named as a sentence subject or speaker in this
// source, never to an object ("Trump hosted Putin" makes Trump, not Putin, the antecedent).

import type { Quote, SourceInput, Span, Unit } from '../model.ts';
import type { QuoteOptions } from '../options.ts';
import { codePointPredicate, countWords } from '../clean/lines.ts';
import { memoByText } from '../memo.ts';
import { findQuoteSpans } from './marks.ts';
import type { RawQuote } from './marks.ts';
import { findNamePhrases, givenNameOf, looksLikeOrganisation, normaliseName, surnameOf } from './names.ts';
import type { NamePhrase } from './names.ts';
import { SPEECH_VERB_SET, VERB_ALT, WEAK_VERBS } from './verbs.ts';

// Verbs are matched in lower case only: "Green Claims" in a headline is not an attribution.
const ADVERBS = String.raw`(?:also|later|then|again|previously|once|quickly|simply|repeatedly|has|had|have|would|will|earlier|recently|separately|further|flatly|bluntly|angrily|calmly)`;
const ADVERB_SET: ReadonlySet<string> = new Set(ADVERBS.slice(3, -1).split('|'));
const PRONOUN = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)`;
const AFTER_VERB_FIRST = new RegExp(
  String.raw`^[\s,;:]*(?<verb>${VERB_ALT})\s+(?<rest>[^.!?;“”"«»]{1,120})`,
  'u',
);
const AFTER_SUBJECT_FIRST = new RegExp(
  String.raw`^[\s,;:]*(?<subj>[^.!?;“”"«»]{1,100}?)\s+(?:${ADVERBS}\s+)*(?<verb>${VERB_ALT})\b`,
  'u',
);
const AFTER_DASH = /^[\s,.;!?]*[—–-]{1,2}\s*(?=\p{Lu})/u;
const ACCORDING_AFTER = /^[\s,;:]*according\s+to\s+(?<rest>[^.!?;“”"«»]{1,100})/iu;
const ACCORDING_BEFORE = /according\s+to\s+(?<rest>[^.!?;“”"«»,]{1,100}),?\s*$/iu;
const VERB_ANYWHERE = new RegExp(String.raw`\b(?<verb>${VERB_ALT})\b`, 'gu');
const PRONOUN_AT =
  /^(?:\s*(?:but|and|yet|so|still|however|meanwhile|now|then|later|instead)\b,?)*\s*(?<p>he|she|they|i|we|his|her)\b/iu;
const DETERMINER_BEFORE =
  /(?:['’]s|\b(?:the|a|an|his|her|their|its|our|my|your|these|those|this|that))\s+$/iu;
const PRONOUN_ONLY = /^(?:he|she|they|i|we)$/iu;
// Compiled once, not per quote (none is global or sticky, so sharing them carries no lastIndex state).
/** Name or pronoun right before the speech verb, with an optional appositive and adverbs. */
const NEAR_SUBJECT = new RegExp(
  String.raw`(?<subj>\b${PRONOUN}|(?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+){0,4}[\p{Lu}][\p{L}\p{M}'’-]*)\s*(?:,\s*\p{Ll}[^,]{0,60})?,?\s*(?:${ADVERBS}\s+)*$`,
  'u',
);
const TRAILING_ADVERBS = new RegExp(String.raw`(?:\b${ADVERBS}\s+)*$`, 'u');
/** Headlines capitalise their verbs, hence case-insensitive. */
const HEADLINE_VERB = new RegExp(String.raw`\b(?<verb>${VERB_ALT})\b`, 'iu');
const PERSONAL = /^(?:he|she|his|her)$/iu;
/** An attribution after a quote starts with its subject: a pronoun, a name or title, or a determiner ("a spokesman"). */
const SUBJECT_START =
  /^[\s,;:]*(?:\p{Lu}|(?:he|she|they|we|i|the|a|an|his|her|their|its|one|another|two|three|several|some|many|local|senior|officials?)\b)/u;
const COORDINATED = /^\s*(?:and|but|or|while)\b/iu;
const SO_CALLED = /(?:so[- ]called|dubbed|self-styled|self-proclaimed|what (?:it|they) calls?)\s*$/iu;
/** Words after which a name is an object, not a subject ("with Zelenskiy", "hosted Putin"). */
export const BEFORE_BLOCKERS: ReadonlySet<string> = new Set(
  'in at on of to for from with by about against between among into over under after before near than like via toward towards across behind beside upon within without host hosted hosting met meet meeting invited invite urged called told asked thanked praised criticised criticized accused warned blamed visited beat beating beaten defeated including'.split(
    ' ',
  ),
);
/** Words after which a name is not the subject of the clause ("Zelenskiy in Moscow", "Putin and"). */
const AFTER_BLOCKERS = new Set(
  'in at on of to for from with by about against between among into over under after before near than like via and or nor'.split(
    ' ',
  ),
);

interface Mention {
  readonly pos: number;
  readonly name: string;
}

interface Attribution {
  readonly speaker: string | null;
  readonly verb: string | null;
  /** True when a cue (verb, dash, colon, "according to") tied the quote to someone (even an unnamed someone). */
  readonly cue: boolean;
}

const NONE: Attribution = { speaker: null, verb: null, cue: false };

function paragraphsOf(units: readonly Unit[]): Span[] {
  const byPara = new Map<number, { start: number; end: number }>();
  for (const u of units) {
    const p = byPara.get(u.paragraph);
    if (!p) byPara.set(u.paragraph, { start: u.start, end: u.end });
    else {
      p.start = Math.min(p.start, u.start);
      p.end = Math.max(p.end, u.end);
    }
  }
  return [...byPara.values()].sort((a, b) => a.start - b.start);
}

const lowerVerb = (v: string): string => v.toLowerCase().replace(/\s+/gu, ' ');

/** One code point of a word as `capitalisedBeforeVerbs` reads words. */
const isWordCodePoint = codePointPredicate(/[\p{L}\p{M}'’-]/u);
const isLetter = codePointPredicate(/\p{L}/u);
const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** `\w` of a non-/i regex, unicode or not: [A-Za-z0-9_]. */
const isAsciiWord = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/**
 * Is the word that `/([\p{L}]+)\W*$/u` finds in text[from, end) one of BEFORE_BLOCKERS ("hosted Putin", "with
 * Zelenskiy")? Decided by a walk back from `end` instead of that regex, which tried every start position of the
 * window (2% of a 50-source comparison). Blockers are ASCII words, and the regex's word can only be one when it
 * ends at the last ASCII word character before the trailing non-word run; a letter of another script glued to
 * either side (which \W lets through but [\p{L}] takes into the word) makes it no blocker. Property-tested
 * against the regex.
 */
export function blockerBefore(text: string, from: number, end: number): boolean {
  let k = end;
  while (k > from && !isAsciiWord(text.charCodeAt(k - 1))) k--;
  if (k === from || !isAsciiLetter(text.charCodeAt(k - 1))) return false;
  let s = k - 1;
  while (s > from && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  if (s > from) {
    const lo = text.charCodeAt(s - 1);
    const hi = s - 2 >= from ? text.charCodeAt(s - 2) : 0;
    const cp = lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? text.codePointAt(s - 2)! : lo;
    if (isLetter(cp)) return false;
  }
  if (k < end) {
    const hi = text.charCodeAt(k);
    const cp = hi >= 0xd800 && hi <= 0xdbff && k + 1 < end ? text.codePointAt(k)! : hi;
    if (isLetter(cp)) return false;
  }
  return BEFORE_BLOCKERS.has(text.slice(s, k).toLowerCase());
}

/** Start of the code point that ends at `end` (a low surrogate pairs with the high one just before it). */
function codePointStart(text: string, end: number): number {
  const lo = text.charCodeAt(end - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && end >= 2) {
    const hi = text.charCodeAt(end - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return end - 2;
  }
  return end - 1;
}

/** [start, end) of the last word (maximal run of WORD_CP) ending at or before `pos`, or null. */
function wordBefore(text: string, pos: number): [number, number] | null {
  let e = pos;
  while (e > 0) {
    const s = codePointStart(text, e);
    if (isWordCodePoint(text.codePointAt(s) as number)) break;
    e = s;
  }
  if (e === 0) return null;
  let s = e;
  while (s > 0) {
    const b = codePointStart(text, s);
    if (!isWordCodePoint(text.codePointAt(b) as number)) break;
    s = b;
  }
  return [s, e];
}

const SPEECH_VERB_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{M}'’-])(?:${[...SPEECH_VERB_SET].join('|')})(?![\p{L}\p{M}'’-])`,
  'gu',
);

/** Offsets (plus `shift`) of the speech verbs SPEECH_VERB_WORD finds in `text`, appended to `out`. */
function speechVerbStarts(text: string, shift: number, out: number[]): number[] {
  SPEECH_VERB_WORD.lastIndex = 0;
  for (let m = SPEECH_VERB_WORD.exec(text); m; m = SPEECH_VERB_WORD.exec(text)) out.push(m.index + shift);
  return out;
}

/**
 * Capitalised words directly followed (up to three adverbs aside) by a speech verb: "Putin said", "Peskov also
 * told". The verbs are found by one regex (their offsets in `verbStarts`) and the few words before each are read
 * backwards, rather than cutting the whole text into words (a string and a set lookup per word). Words are maximal
 * runs of WORD_CP either way.
 */
function capitalisedBeforeVerbs(text: string, verbStarts: readonly number[]): string[] {
  const out: string[] = [];
  for (let pos of verbStarts) {
    for (let k = 0; k < 4; k++) {
      const w = wordBefore(text, pos);
      if (!w) break;
      const word = text.slice(w[0], w[1]);
      if (/^\p{Lu}/u.test(word)) {
        out.push(word);
        break;
      }
      // Adverbs are lower case, so the walk back stops at the first capitalised word or non-adverb.
      if (!ADVERB_SET.has(word)) break;
      pos = w[0];
    }
  }
  return out;
}

/** capitalisedBeforeVerbs over one search of the whole text: the reference of a property test. */
export function capitalisedBeforeVerbsOfText(text: string): string[] {
  return capitalisedBeforeVerbs(text, speechVerbStarts(text, 0, []));
}

/** Code unit at `i` may belong to a word of SPEECH_VERB_WORD's look-arounds (surrogates count, to be safe). */
function wordUnitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0xd800 && c <= 0xdfff) || isWordCodePoint(c);
}

/** A cut at `b` with a word character on both sides. */
function cutsWord(text: string, b: number): boolean {
  return b > 0 && b < text.length && wordUnitAt(text, b - 1) && wordUnitAt(text, b);
}

/**
 * Can SPEECH_VERB_WORD run over the units and the gaps between them separately and find what one search of the
 * whole text finds? Yes when the units are sorted and disjoint and no cut (a unit's start or end) has a word
 * character on both sides: a verb is ASCII letters only, so no match then spans a cut, and a look-around at a cut
 * sees a non-word character in the whole text just as it sees the end of the piece (a match touching the cut has
 * a letter on its own side). Property-tested against capitalisedBeforeVerbsOfText.
 */
function cutsCleanly(text: string, units: readonly Unit[]): boolean {
  let prevEnd = 0;
  for (const u of units) {
    if (u.start < prevEnd || u.end < u.start || cutsWord(text, u.start) || cutsWord(text, u.end))
      return false;
    prevEnd = u.end;
  }
  return true;
}

/** Any a-z in text[from, to)? Every speech verb starts with one, so a gap without any holds no verb. */
function hasLowerAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/** What a unit's text yields, offsets relative to it: name phrases and speech-verb starts. */
interface UnitScan {
  readonly phrases: readonly NamePhrase[];
  readonly verbs: readonly number[];
}

/**
 * A unit's name phrases and speech verbs, memoised by its text. findNamePhrases(text, from, to) reads only
 * text.slice(from, to), so its answer is this one shifted by `from`. News sources share wire copy: on the 50 x 2k
 * bench 5,649 units have 2,589 distinct texts, so half the name scans of the quotes stage are repeats; and the
 * speech-verb regex, run over the whole of each source, read 610k characters where the distinct unit texts hold
 * 280k.
 */
const scanOfText = memoByText(
  (unitText: string): UnitScan => ({
    phrases: findNamePhrases(unitText),
    verbs: speechVerbStarts(unitText, 0, []),
  }),
  20_000,
);

function shiftPhrases(rel: readonly NamePhrase[], from: number): NamePhrase[] {
  return rel.map((p) =>
    p.title !== undefined
      ? {
          start: p.start + from,
          end: p.end + from,
          raw: p.raw,
          name: p.name,
          title: p.title,
          possessive: p.possessive,
        }
      : { start: p.start + from, end: p.end + from, raw: p.raw, name: p.name, possessive: p.possessive },
  );
}

/**
 * capitalisedBeforeVerbs with the verbs found per unit text (memoised) and per gap between units, when the units
 * cut the text cleanly (see cutsCleanly); one search of the whole text otherwise. `scans[k]` is units[k]'s scan.
 */
export function speechSubjectWords(
  text: string,
  units: readonly Unit[],
  scans: readonly UnitScan[],
): string[] {
  if (!cutsCleanly(text, units)) return capitalisedBeforeVerbsOfText(text);
  const starts: number[] = [];
  let prevEnd = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k] as Unit;
    if (hasLowerAscii(text, prevEnd, u.start))
      speechVerbStarts(text.slice(prevEnd, u.start), prevEnd, starts);
    for (const v of (scans[k] as UnitScan).verbs) starts.push(u.start + v);
    prevEnd = u.end;
  }
  if (hasLowerAscii(text, prevEnd, text.length)) speechVerbStarts(text.slice(prevEnd), prevEnd, starts);
  return capitalisedBeforeVerbs(text, starts);
}

/** A unit's scan: the segmenter sets u.text = text.slice(u.start, u.end). */
export function unitScan(text: string, u: Unit): UnitScan {
  // Keying by that very string, not a new slice, hashes it once for the whole comparison: prepare() (candidates
  // stage) keys a Map by the same unit texts.
  return scanOfText(u.text.length === u.end - u.start ? u.text : text.slice(u.start, u.end));
}

/** What the source says about people: who is a person, who was last the subject, fullest spellings. */
class SourceContext {
  readonly units: readonly Unit[];
  readonly persons: NamePhrase[] = [];
  /** Sorted by position; every lookup below is a binary search so long sources stay near-linear (issue 6). */
  private readonly mentions: Mention[] = [];
  private mentionedUpTo = 0;
  /**
   * Speakers not yet entered into `mentions`, in call order (by position: quotes are visited in text order), from
   * `pendingHead` on. See catchUp.
   */
  private readonly pendingSpeakers: Mention[] = [];
  private pendingHead = 0;
  private readonly speechSubjects = new Set<string>();
  private readonly personNames = new Set<string>();
  private readonly bySurname = new Map<string, NamePhrase[]>();
  /** Top-level quotes (disjoint), sorted by start: nested ones lie inside them. */
  private readonly outer: readonly RawQuote[];
  private readonly paragraphStart = new Map<number, number>();
  /** Name phrases of each unit, found once: subject lookups reuse them (the engine's budget is per source). */
  private readonly unitPhrases: NamePhrase[][] = [];
  private readonly fullNames = new Map<string, string>();
  /** Built on first use, after the constructor has filled `persons`. */
  private titleBySurname: Map<string, string> | undefined;
  /** Organisation names outside quotes ("the Defence Ministry", "Riverside City Council"), in text order. */
  private readonly organisations: NamePhrase[] = [];

  constructor(
    readonly text: string,
    units: readonly Unit[],
    readonly quotes: readonly RawQuote[],
  ) {
    this.units = units;
    this.outer = quotes.filter((q) => q.parentId === null).sort((a, b) => a.start - b.start);
    for (const u of units) {
      if (!this.paragraphStart.has(u.paragraph)) this.paragraphStart.set(u.paragraph, u.start);
    }
    const all: NamePhrase[] = [];
    const scans: UnitScan[] = [];
    for (const u of this.units) {
      const scan = unitScan(text, u);
      scans.push(scan);
      const phrases = shiftPhrases(scan.phrases, u.start);
      this.unitPhrases.push(phrases);
      for (const p of phrases) if (!this.insideQuote(p.start)) all.push(p);
    }
    // Capitalised words directly followed (adverbs aside) by a speech verb: "Putin said", "Peskov also told".
    for (const name of speechSubjectWords(text, this.units, scans))
      this.speechSubjects.add(normaliseName(name));
    // Organisations drop out first; each remaining phrase's surname is looked up once.
    const people: NamePhrase[] = [];
    for (const p of all) (looksLikeOrganisation(p.name) ? this.organisations : people).push(p);
    const surnames = people.map((p) => surnameOf(p.name));
    const multiSurnames = new Set(surnames.filter((_, k) => (people[k] as NamePhrase).name.includes(' ')));
    for (let k = 0; k < people.length; k++) {
      const p = people[k] as NamePhrase;
      const sur = surnames[k] as string;
      const single = !p.name.includes(' ');
      if (!single || multiSurnames.has(sur) || this.speechSubjects.has(normaliseName(p.name))) {
        this.persons.push(p);
        this.personNames.add(normaliseName(p.name));
        const same = this.bySurname.get(sur) ?? [];
        // One entry per spelling is enough for fullName(); repeated mentions would make it quadratic.
        if (!same.some((x) => x.name === p.name)) this.bySurname.set(sur, [...same, p]);
      }
    }
  }

  /** Index of the last element of `xs` (sorted by key) whose key is <= pos, or -1. */
  private static lastAtOrBefore<T>(xs: readonly T[], key: (x: T) => number, pos: number): number {
    let lo = 0;
    let hi = xs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (key(xs[mid] as T) <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * "the ministry" / "the council" as a speaker: the organisation last named before `pos` whose name has that word
   * ("the Defence Ministry", "Riverside City Council"), or null. News refers back to an organisation by the noun in
   * its name; an organisation named without it ("Delta Freight" for "the company") stays unresolved rather than
   * guessed.
   */
  organisationBefore(noun: string, pos: number): string | null {
    const lower = noun.toLowerCase();
    for (let i = SourceContext.lastAtOrBefore(this.organisations, (p) => p.start, pos); i >= 0; i--) {
      const p = this.organisations[i] as NamePhrase;
      if (p.end <= pos && p.name.split(/\s+/u).some((w) => w.toLowerCase() === lower)) return p.name;
    }
    return null;
  }

  /** The unit after `u` in text order, if any. */
  nextUnit(u: Unit): Unit | undefined {
    let i = SourceContext.lastAtOrBefore(this.units, (x) => x.start, u.start);
    // Units sharing a start (empty ones) are told apart by identity.
    if (this.units[i] !== u) i = this.units.indexOf(u);
    return i < 0 ? undefined : this.units[i + 1];
  }

  /** Index of the last unit starting at or before `pos` (0 when none): where a scan for units at `pos` begins. */
  private firstUnitFrom(pos: number): number {
    return Math.max(
      0,
      SourceContext.lastAtOrBefore(this.units, (u) => u.start, pos),
    );
  }

  /** Units overlapping [start, end). */
  unitsIn(start: number, end: number): Unit[] {
    const out: Unit[] = [];
    for (let i = this.firstUnitFrom(start); i < this.units.length; i++) {
      const u = this.units[i] as Unit;
      if (u.start >= end) break;
      if (u.end > start) out.push(u);
    }
    return out;
  }

  /** Name phrases lying wholly inside [from, to), from the per-unit cache. */
  private phrasesIn(from: number, to: number): NamePhrase[] {
    const out: NamePhrase[] = [];
    // unitsIn(from, to), by index into the per-unit cache.
    for (let i = this.firstUnitFrom(from); i < this.units.length; i++) {
      const u = this.units[i] as Unit;
      if (u.start >= to) break;
      if (u.end <= from) continue;
      for (const p of this.unitPhrases[i] ?? []) if (p.start >= from && p.end <= to) out.push(p);
    }
    return out;
  }

  firstStartOfParagraph(paragraph: number): number | undefined {
    return this.paragraphStart.get(paragraph);
  }

  insideQuote(pos: number): boolean {
    const q = this.outer[SourceContext.lastAtOrBefore(this.outer, (x) => x.start, pos)];
    return q !== undefined && pos < q.end;
  }

  isPerson(name: string): boolean {
    return this.personNames.has(normaliseName(name));
  }

  unitAt(pos: number): Unit | undefined {
    return this.units[SourceContext.lastAtOrBefore(this.units, (u) => u.start, pos)];
  }

  private addMention(m: Mention): void {
    const i = SourceContext.lastAtOrBefore(this.mentions, (x) => x.pos, m.pos);
    this.mentions.splice(i + 1, 0, m);
  }

  /** The first person named as the subject of a clause in [from, to), outside quotes. */
  subjectOf(
    from: number,
    to: number,
    phrases: readonly NamePhrase[] = this.phrasesIn(from, to),
  ): NamePhrase | undefined {
    for (const p of phrases) {
      if (p.possessive || this.insideQuote(p.start) || !this.isPerson(p.name)) continue;
      if (blockerBefore(this.text, Math.max(from, p.start - 30), p.start)) continue;
      const after = this.text.slice(p.end, Math.min(to, p.end + 30));
      const next = /^\s*(,|[\p{Ll}][\p{L}'’-]*)/u.exec(after);
      if (!next) continue;
      // "Dr. Imran Qureshi of the University of Lowfield said": a full name keeps its affiliation.
      const affiliation = /^(?:of|from|at)$/u.test(next[1] as string) && p.name.includes(' ');
      if (next[1] !== ',' && AFTER_BLOCKERS.has(next[1] as string) && !affiliation) continue;
      return p;
    }
    return undefined;
  }

  /**
   * Record the subject of every sentence that starts before `pos`, and every speaker named before `pos`, in one
   * fixed order: a speaker at p comes after the sentences starting before p and before the others (what recording
   * the sentences up to p on each addSpeaker(p) did). A sentence's mention can depend on earlier mentions (its
   * pronoun takes the last one), so the order is kept; but lastMention(x) reads only mentions before x, and every
   * event left for later lies at or after `pos`, so nothing a query can see differs. Speakers are recorded here
   * rather than in addSpeaker so that the sentences after the last pronoun lookup of a source are never analysed
   * (a speaker with a name resolved no pronoun, yet the eager catch-up ran over the whole text for it).
   */
  private catchUp(pos: number): void {
    for (;;) {
      const k = this.mentionedUpTo;
      const u = this.units[k];
      const sp = this.pendingSpeakers[this.pendingHead];
      if (sp !== undefined && (u === undefined || sp.pos <= u.start)) {
        if (sp.pos >= pos) return;
        this.pendingHead++;
        this.addMention(sp);
        continue;
      }
      if (u === undefined || u.start >= pos) return;
      this.mentionedUpTo++;
      if (u.kind !== 'sentence') continue;
      // Units are disjoint, so the phrases inside a unit's own range are exactly the ones cached for it.
      const subj = this.subjectOf(u.start, u.end, this.unitPhrases[k] ?? []);
      // A pronoun before any named subject ("He told journalists that Kovac …") keeps the previous antecedent.
      const pro = this.firstPronoun(u.start, subj ? subj.start : u.end);
      if (pro !== undefined) {
        const name = this.lastMention(pro);
        if (name) this.addMention({ pos: pro, name });
      } else if (subj) this.addMention({ pos: subj.start, name: subj.name });
    }
  }

  private firstPronoun(from: number, to: number): number | undefined {
    const re = /\b(?:he|she|He|She)\b/gu;
    const slice = this.text.slice(from, to);
    for (let m = re.exec(slice); m; m = re.exec(slice))
      if (!this.insideQuote(from + m.index)) return from + m.index;
    return undefined;
  }

  private lastMention(pos: number): string | null {
    const m = this.mentions[SourceContext.lastAtOrBefore(this.mentions, (x) => x.pos, pos - 1)];
    return m ? m.name : null;
  }

  /** Most recent person named as a subject or speaker before `pos`. */
  resolvePronoun(pos: number): string | null {
    this.catchUp(pos);
    return this.lastMention(pos);
  }

  /** Last subject mention in [from, to), if any. */
  mentionIn(from: number, to: number): string | null {
    this.catchUp(to);
    const m = this.mentions[SourceContext.lastAtOrBefore(this.mentions, (x) => x.pos, to - 1)];
    return m && m.pos >= from ? m.name : null;
  }

  /** Called in text order (non-decreasing `pos`); recorded lazily, by catchUp. */
  addSpeaker(pos: number, name: string): void {
    if (this.isPerson(name)) this.pendingSpeakers.push({ pos, name });
  }

  /**
   * Inside someone's quote, "she" is somebody else: the person named most often before `pos` who is not the
   * quote's speaker (the story's protagonist, as a reader takes it), the most recent one on a tie.
   */
  otherPerson(pos: number, exclude: string | null): string | null {
    const ex = exclude ? normaliseName(exclude) : '';
    const counts = new Map<string, { n: number; last: number }>();
    for (const p of this.persons) {
      if (p.start >= pos) continue;
      const full = this.fullName(p.name);
      if (normaliseName(full) === ex) continue;
      const c = counts.get(full) ?? { n: 0, last: -1 };
      counts.set(full, { n: c.n + 1, last: Math.max(c.last, p.start) });
    }
    let best: [string, { n: number; last: number }] | undefined;
    for (const e of counts)
      if (!best || e[1].n > best[1].n || (e[1].n === best[1].n && e[1].last > best[1].last)) best = e;
    return best ? best[0] : null;
  }

  /** The role written before this person's name somewhere in the source ("Russian President"). */
  titleOf(name: string): string | undefined {
    if (!this.titleBySurname) {
      // The first titled mention of each surname, in persons order: what a linear find per quote would return.
      this.titleBySurname = new Map();
      for (const x of this.persons) {
        const sur = surnameOf(x.name);
        if (x.title !== undefined && !this.titleBySurname.has(sur)) this.titleBySurname.set(sur, x.title);
      }
    }
    return this.titleBySurname.get(surnameOf(name));
  }

  /** A bare title before a colon ("Mayor: …") names the person who carries it in this source. */
  personWithTitle(title: string): string | null {
    const t = title.toLowerCase();
    const p = this.persons.find((x) => x.title && x.title.toLowerCase().split(' ').pop() === t);
    return p ? p.name : null;
  }

  /** The fullest spelling of this person in the source: "Putin" -> "Vladimir Putin". */
  fullName(name: string): string {
    // bySurname is complete once the constructor ends, so the answer per name never changes: otherPerson() asks
    // for every person mentioned before a nested quote.
    const known = this.fullNames.get(name);
    if (known !== undefined) return known;
    const best = this.fullestSpelling(name);
    this.fullNames.set(name, best);
    return best;
  }

  private fullestSpelling(name: string): string {
    const sur = surnameOf(name);
    const given = givenNameOf(name);
    let best = name;
    for (const p of this.bySurname.get(sur) ?? []) {
      const g = givenNameOf(p.name);
      if (given && g && g !== given && !(g[0] === given[0] && (g.length === 1 || given.length === 1)))
        continue;
      const a = p.name.split(' ').length;
      const b = best.split(' ').length;
      if (a > b || (a === b && p.name.length > best.length)) best = p.name;
    }
    return best;
  }
}

/** The speaker among the name phrases of a subject string: the head of the phrase, or an appositive. */
function headName(subj: string, allowOrg: boolean): string | null {
  const phrases = findNamePhrases(subj).filter((p) => !p.possessive);
  const ok = (p: NamePhrase): boolean => {
    const tail = subj.slice(p.end).trim();
    return tail === '' || tail.startsWith(',') || /^(?:who|himself|herself)\b/u.test(tail);
  };
  const person = phrases.find((p) => ok(p) && !looksLikeOrganisation(p.name));
  if (person) return person.name;
  const org = allowOrg ? phrases.find((p) => ok(p)) : undefined;
  return org ? org.name : null;
}

function firstName(s: string): string | null {
  const p = findNamePhrases(s)[0];
  return p ? p.name : null;
}

/** Attribution helpers bound to one quote: where it is, who may be "she", and the source context. */
interface Site {
  readonly ctx: SourceContext;
  readonly pos: number;
  /** Resolves he/she for this quote (inside another quote it means somebody other than that quote's speaker). */
  readonly pronoun: (pos: number) => string | null;
}

/**
 * Someone reads out what another wrote: "She read from a text message allegedly sent by Salazar …: “…”". The words
 * are the writer's, not the reader's (court reports, investigations quoting letters and messages).
 */
const WRITTEN_BY =
  /\b(?:message|text|letter|e-?mail|note|memo|post|tweet|diary|entry)s?\b[^.;:“”"«»]{0,40}?\b(?:sent|written|posted|signed|typed)\s+by\s+(?<who>[^,;:“”"«»]{1,80})/u;

/** "the ministry" at the end of a subject: the organisation noun that may name the speaker. */
const THE_NOUN = /(?:^|\s)[Tt]he\s+(?<noun>\p{Ll}+)\s*$/u;

function resolveSubject(site: Site, subj: string): string | null {
  const s = subj.trim().replace(/^[,;:\s]+|[,;:\s]+$/gu, '');
  if (PRONOUN_ONLY.test(s)) return PERSONAL.test(s) ? site.pronoun(site.pos) : null;
  const the = THE_NOUN.exec(s);
  if (the?.groups && the.index === 0) return site.ctx.organisationBefore(the.groups.noun as string, site.pos);
  if (countWords(s) > 12) return null;
  return headName(s, true);
}

function attributeAfter(site: Site, after: string): Attribution {
  if (!after.trim()) return NONE;
  const dash = AFTER_DASH.exec(after);
  if (dash) {
    const rest = after.slice(dash[0].length);
    const p = findNamePhrases(rest.slice(0, 80))[0];
    if (p && p.start === 0) return { speaker: p.name, verb: null, cue: true };
  }
  const acc = ACCORDING_AFTER.exec(after);
  if (acc && acc.groups) {
    const rest = acc.groups.rest as string;
    return { speaker: headName(rest, true) ?? firstName(rest), verb: 'according to', cue: true };
  }
  const vf = AFTER_VERB_FIRST.exec(after);
  if (vf && vf.groups) {
    const rest = vf.groups.rest as string;
    const verb = lowerVerb(vf.groups.verb as string);
    if (/^\s*(?:he|she)\b/u.test(rest)) return { speaker: site.pronoun(site.pos), verb, cue: true };
    // "said Russian President Vladimir Putin", "said Dmitry Peskov, the Kremlin spokesman", "told reporters".
    const lead = rest.split(/,|\s(?:of|on|in|at|who|after|when|while|from|for|during|to)\s/u)[0] as string;
    const name = headName(lead, true);
    if (name) return { speaker: name, verb, cue: true };
    return { speaker: null, verb, cue: true };
  }
  const sf = AFTER_SUBJECT_FIRST.exec(after);
  // "… and called the claims …" after a quote starts a new clause about the next quote, not an attribution.
  if (
    sf &&
    sf.groups &&
    countWords(sf.groups.subj as string) <= 12 &&
    !COORDINATED.test(sf.groups.subj as string) &&
    (SUBJECT_START.test(sf.groups.subj as string) || headName(sf.groups.subj as string, false) !== null)
  ) {
    return {
      speaker: resolveSubject(site, sf.groups.subj as string),
      verb: lowerVerb(sf.groups.verb as string),
      cue: true,
    };
  }
  return NONE;
}

function attributeBefore(site: Site, before: string, beforeStart: number): Attribution {
  const { ctx } = site;
  const trimmed = before.replace(/\s+$/u, '');
  if (!trimmed) return NONE;
  const acc = ACCORDING_BEFORE.exec(trimmed);
  if (acc && acc.groups) {
    const rest = acc.groups.rest as string;
    return { speaker: headName(rest, true) ?? firstName(rest), verb: 'according to', cue: true };
  }
  let m: RegExpExecArray | null = null;
  VERB_ANYWHERE.lastIndex = 0;
  for (let x = VERB_ANYWHERE.exec(trimmed); x; x = VERB_ANYWHERE.exec(trimmed)) {
    // After a determiner or possessive the word is a noun: "Bellini’s claims", "the call", "his remarks".
    if (!DETERMINER_BEFORE.test(trimmed.slice(Math.max(0, x.index - 20), x.index))) m = x;
  }
  if (/:$/u.test(trimmed) && (!m || countWords(trimmed.slice(m.index + m[0].length)) > 4)) {
    // "Putin: “…”", "Mayor: “…”", "His message was blunt: “…”" — a colon with no speech verb next to it.
    const head = trimmed.slice(0, -1).trim();
    const phrases = findNamePhrases(head);
    const last = phrases[phrases.length - 1];
    if (last && last.end === head.length && countWords(head) <= 6)
      return { speaker: last.name, verb: null, cue: true };
    if (/^\p{Lu}\p{Ll}+$/u.test(head)) {
      const titled = ctx.personWithTitle(head);
      if (titled) return { speaker: titled, verb: null, cue: true };
    }
    const writer = WRITTEN_BY.exec(head)?.groups?.who;
    if (writer !== undefined) {
      const name = firstName(writer);
      if (name) return { speaker: name, verb: null, cue: true };
    }
    const pro = PRONOUN_AT.exec(head);
    if (pro && pro.groups && PERSONAL.test(pro.groups.p as string)) {
      return { speaker: site.pronoun(site.pos), verb: null, cue: true };
    }
    const subj = ctx.subjectOf(beforeStart, beforeStart + head.length);
    if (subj) return { speaker: subj.name, verb: null, cue: true };
  }
  // The last speech verb in the sentence before the quote, with a short tail ("said that", "told reporters:").
  if (!m || !m.groups) return NONE;
  const verb = lowerVerb(m.groups.verb as string);
  const tailWords = countWords(trimmed.slice(m.index + m[0].length));
  if (tailWords > 20 || (WEAK_VERBS.has(verb) && tailWords > 3)) return NONE;
  const pre = trimmed.slice(0, m.index);
  // Name or pronoun right before the verb: "Putin said", "Peskov also told reporters", "he added",
  // "Her spokesman, Daniel Okafor, said", "Zelenskiy, speaking Friday, said".
  const nm = NEAR_SUBJECT.exec(pre);
  // A comma between the name and the verb makes the name an appositive ("Her spokesman, Daniel Okafor, said")
  // only when a comma (or nothing) also comes before it; "… in Moscow, promising" is not Moscow speaking.
  const appositiveOk =
    nm !== null &&
    (!/,\s*(?:\S+\s+)*$/u.test(nm[0].slice((nm.groups?.subj ?? '').length)) ||
      /(?:^|,)\s*$/u.test(pre.slice(0, nm.index)));
  if (nm && nm.groups && appositiveOk) {
    const s = nm.groups.subj as string;
    if (PRONOUN_ONLY.test(s))
      return { speaker: PERSONAL.test(s) ? site.pronoun(site.pos) : null, verb, cue: true };
    const name = headName(s, true);
    if (name) return { speaker: name, verb, cue: true };
  }
  // "… said an airline employee had told her, “…”": a common noun right before the verb is an unnamed speaker —
  // unless it is "the ministry" after the Defence Ministry was named.
  const preCore = pre.replace(TRAILING_ADVERBS, '');
  const the = THE_NOUN.exec(preCore);
  if (the?.groups && !/ing$/u.test(verb)) {
    const org = ctx.organisationBefore(the.groups.noun as string, site.pos);
    if (org) return { speaker: org, verb, cue: true };
  }
  if (
    !/ing$/u.test(verb) &&
    /\b\p{Ll}+\s*$/u.test(preCore) &&
    !/\b(?:and|but|or|that|who|which|then|also)\s*$/u.test(preCore)
  ) {
    return { speaker: null, verb, cue: true };
  }
  // Participles and reported clauses: "Putin remained skeptical, asserting that …", "But he questioned …, saying".
  const subj = ctx.subjectOf(beforeStart, beforeStart + pre.length);
  if (subj) return { speaker: subj.name, verb, cue: true };
  const pro = PRONOUN_AT.exec(pre);
  if (pro && pro.groups) {
    return {
      speaker: PERSONAL.test(pro.groups.p as string) ? site.pronoun(site.pos) : null,
      verb,
      cue: true,
    };
  }
  return { speaker: headName(pre.trim(), false), verb, cue: true };
}

interface Result {
  readonly kind: Quote['kind'];
  readonly speaker: string | null;
  readonly verb: string | null;
  readonly title?: string | undefined;
}

export function extractQuotes(input: SourceInput, units: readonly Unit[], options: QuoteOptions): Quote[] {
  const text = input.text;
  const sorted = [...units].sort((a, b) => a.start - b.start);
  if (sorted.length === 0) return [];
  const raws = findQuoteSpans(text, paragraphsOf(sorted));
  // Nothing below adds a quote: a source without quotation marks needs no context about its people.
  if (raws.length === 0) return [];
  const ctx = new SourceContext(text, sorted, raws);
  const paraOf = (pos: number): number => ctx.unitAt(pos)?.paragraph ?? -1;
  const byId = new Map<number, RawQuote>(raws.map((r) => [r.id, r]));
  const results = new Map<number, Result>();
  /** The last top-level speech quote, for continuation. */
  let last: { raw: RawQuote; speaker: string | null; verb: string | null } | null = null;
  // Quotes with the same parent, in text order: a quote's neighbours bound its attribution context.
  const family = new Map<number | null, RawQuote[]>();
  for (const r of raws) {
    const list = family.get(r.parentId);
    if (list) list.push(r);
    else family.set(r.parentId, [r]);
  }
  const position = new Map<RawQuote, number>();
  for (const list of family.values()) list.forEach((r, i) => position.set(r, i));
  const neighbours = (raw: RawQuote): RawQuote[] => {
    const list = family.get(raw.parentId) ?? [];
    const i = position.get(raw) ?? -1;
    return [list[i - 1], list[i + 1]].filter((x): x is RawQuote => x !== undefined);
  };

  for (const raw of raws) {
    const parent = raw.parentId !== null ? byId.get(raw.parentId) : undefined;
    const parentResult = parent ? results.get(parent.id) : undefined;
    const unitStart = ctx.unitAt(raw.openAt) ?? ctx.unitAt(raw.start);
    const closePos = raw.closeAt >= 0 ? raw.closeAt : raw.end;
    const unitEnd = ctx.unitAt(closePos) ?? unitStart;
    const scopeStart = Math.max(parent ? parent.start : 0, unitStart ? unitStart.start : raw.openAt);
    const scopeEnd = Math.min(parent ? parent.end : text.length, unitEnd ? unitEnd.end : raw.end);
    // Text between the previous quote of this sentence and this one; and after this one up to the next.
    let beforeStart = scopeStart;
    let prevInSentence: RawQuote | undefined;
    for (const o of neighbours(raw)) {
      const oClose = o.closeAt >= 0 ? o.closeAt + 1 : o.end;
      if (oClose <= raw.openAt && oClose > beforeStart) {
        beforeStart = oClose;
        prevInSentence = o;
      }
    }
    let afterEnd = scopeEnd;
    for (const o of neighbours(raw)) if (o.openAt > closePos && o.openAt < afterEnd) afterEnd = o.openAt;
    const before = text.slice(beforeStart, raw.openAt);
    const after = raw.closeAt >= 0 ? text.slice(raw.closeAt + 1, Math.max(raw.closeAt + 1, afterEnd)) : '';
    const site: Site = {
      ctx,
      pos: raw.start,
      pronoun: parent
        ? (p) => ctx.otherPerson(p, parentResult?.speaker ?? null)
        : (p) => ctx.resolvePronoun(p),
    };

    let attr = attributeAfter(site, after);
    // A cue before the quote ("the ministry said: “…”") comes before the next sentence's: "“….” Officials in
    // Riverside said little." is not an attribution of a quote that already has one.
    if (!attr.cue) attr = attributeBefore(site, before, beforeStart);
    // "“…strikes.” Putin said." cut into two sentences: a short next sentence that is only an attribution.
    if (!attr.cue && !parent && raw.closeAt >= 0 && !after.trim() && unitEnd) {
      const candidate = ctx.nextUnit(unitEnd);
      // The next sentence of the paragraph, or a dash line under the quote ("—Thomas Hale, chairman …").
      const next =
        candidate && (candidate.paragraph === unitEnd.paragraph || /^[—–]/u.test(candidate.text))
          ? candidate
          : undefined;
      if (next && countWords(next.text) <= 10 && !/[“”"«»„‘’]/u.test(next.text)) {
        const a = attributeAfter(site, next.text);
        if (a.cue && a.speaker) attr = a;
      }
    }
    // Headlines capitalise their verbs: "Coach Says Relegation Fight “Not Over Yet”".
    if (!attr.cue && !parent && unitStart?.position === 'headline') {
      const hv = HEADLINE_VERB.exec(before);
      if (hv && hv.groups) {
        attr = {
          speaker: headName(before.slice(0, hv.index).trim(), false),
          verb: lowerVerb(hv.groups.verb as string),
          cue: true,
        };
      }
    }
    if (SO_CALLED.test(before)) attr = NONE;
    // "… said the minister “…” and called the claims “…”": the second quote shares the first one's speaker.
    const prevResult = prevInSentence ? results.get(prevInSentence.id) : undefined;
    const shareWithPrevious =
      prevResult !== undefined &&
      prevResult.kind === 'speech' &&
      prevResult.speaker !== null &&
      prevInSentence !== undefined &&
      ctx.unitAt(prevInSentence.start) === unitStart;
    if (shareWithPrevious && attr.speaker === null && (!attr.cue || COORDINATED.test(before))) {
      attr = { speaker: prevResult.speaker, verb: attr.verb ?? prevResult.verb, cue: true };
    }

    const words = countWords(text.slice(raw.start, raw.end));
    let kind: Quote['kind'] = 'speech';
    let speaker = attr.speaker;
    let verb = attr.verb;
    if (!attr.cue) {
      const startsSentence = /^[\s—–-]*$/u.test(before);
      const thisPara = paraOf(raw.start);
      const paraStart = ctx.firstStartOfParagraph(thisPara) ?? raw.openAt;
      const startsParagraph = /^\s*$/u.test(text.slice(paraStart, raw.openAt));
      const recent = last !== null && last.speaker !== null && thisPara - paraOf(last.raw.start) <= 1;
      if (!parent && startsSentence && !SO_CALLED.test(before) && recent && last) {
        speaker = last.speaker;
      } else if (!parent && startsParagraph && words > options.maxTermWords) {
        // A paragraph that opens with a quote and names nobody: the person the previous paragraph was about.
        const prevStart = ctx.firstStartOfParagraph(thisPara - 1) ?? paraStart;
        speaker = ctx.mentionIn(prevStart, paraStart);
      } else if (words <= options.maxTermWords) kind = 'term';
    }
    if (SO_CALLED.test(before)) kind = 'term';
    if (kind === 'term') {
      speaker = null;
      verb = null;
    }
    const full: string | null = speaker ? ctx.fullName(speaker) : null;
    results.set(raw.id, { kind, speaker: full, verb, title: full ? ctx.titleOf(full) : undefined });
    if (kind === 'speech' && !parent) {
      last = { raw, speaker: full, verb };
      if (full) ctx.addSpeaker(raw.start, full);
    }
  }

  const ordered = [...raws].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const idOf = new Map<number, string>();
  ordered.forEach((r, n) => idOf.set(r.id, `${input.id}:q${n}`));
  return ordered.map((r) => {
    const res = results.get(r.id) ?? { kind: 'term' as const, speaker: null, verb: null };
    const touched = ctx.unitsIn(r.start, r.end);
    const first = touched[0] ?? ctx.unitAt(r.start) ?? (sorted[0] as Unit);
    const parentId = r.parentId !== null ? idOf.get(r.parentId) : undefined;
    // Optional fields are set in place rather than spread in from small objects (one clone per quote less); the
    // key order stays id … speaker, speakerText?, speakerTitle?, verb, parentId?.
    const q: { -readonly [K in keyof Quote]?: Quote[K] } = {
      id: idOf.get(r.id) as string,
      sourceId: input.id,
      unitId: first.id,
      unitIds: touched.length > 0 ? touched.map((u) => u.id) : [first.id],
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      kind: res.kind,
      speaker: null,
    };
    if (res.speaker) {
      q.speakerText = res.speaker;
      if (res.title) q.speakerTitle = res.title;
    }
    q.verb = res.verb;
    if (parentId) q.parentId = parentId;
    return q as Quote;
  });
}
