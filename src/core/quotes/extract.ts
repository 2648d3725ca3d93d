// Stage 4 of the engine (issue 3), per source: quote spans (marks.ts), then for each quote its kind (speech or a
// scare-quoted term), its attribution verb and the speaker's name as resolved within this source. The speaker id
// is left null here; resolveSpeakers (speakers.ts) assigns ids across all sources at once.
//
// Attribution is decided by cues, not by length alone: "X said", "said X", "X said: …", "X: …", "according to
// X", "—Name" after a quote, participles ("…, asserting that … “almost impossible.”"), and continuation (the
// second half of a quote split around "he said", or a paragraph that is only a quote). Pronouns resolve to the
// most recent person named as a sentence subject or speaker in this source, never to an object.

import type { Quote, SourceInput, Span, Unit } from '../model.ts';
import type { QuoteOptions } from '../options.ts';
import { countWords } from '../clean/lines.ts';
import { findQuoteSpans } from './marks.ts';
import type { RawQuote } from './marks.ts';
import { findNamePhrases, givenNameOf, looksLikeOrganisation, normaliseName, surnameOf } from './names.ts';
import type { NamePhrase } from './names.ts';
import { VERB_ALT, WEAK_VERBS } from './verbs.ts';

const ADVERBS = String.raw`(?:also|later|then|again|previously|once|quickly|simply|repeatedly|has|had|have|would|will|had\s+earlier|earlier|recently|separately|further|flatly|bluntly)`;
const AFTER_VERB_FIRST = new RegExp(
  String.raw`^[\s,;:]*(?<verb>${VERB_ALT})\s+(?<rest>[^.!?;“”"«»]{1,120})`,
  'iu',
);
const AFTER_SUBJECT_FIRST = new RegExp(
  String.raw`^[\s,;:]*(?<subj>[^.!?;“”"«»]{1,100}?)\s+(?:${ADVERBS}\s+)*(?<verb>${VERB_ALT})\b`,
  'iu',
);
const AFTER_DASH = /^[\s,.;!?]*[—–-]{1,2}\s*(?=\p{Lu})/u;
const ACCORDING_AFTER = /^[\s,;:]*according\s+to\s+(?<rest>[^.!?;“”"«»]{1,100})/iu;
const ACCORDING_BEFORE = /according\s+to\s+(?<rest>[^.!?;“”"«»,]{1,100}),?\s*$/iu;
const VERB_ANYWHERE = new RegExp(String.raw`\b(?<verb>${VERB_ALT})\b`, 'giu');
const PRONOUN_AT =
  /^(?:\s*(?:but|and|yet|so|still|however|meanwhile|now|then|later|instead)\b,?)*\s*(?<p>he|she|they|i|we)\b/iu;
const PRONOUN_ONLY = /^(?:he|she|they|i|we)$/iu;
const SO_CALLED = /(?:so[- ]called|dubbed|self-styled|self-proclaimed|what (?:it|they) calls?)\s*$/iu;
const PREPOSITIONS = new Set(
  'in at on of to for from with by about against between among into over under after before near than like via toward towards across behind beside upon within without and or nor host hosted hosting met meet meeting invited invite urged called told asked thanked praised criticised criticized accused warned blamed visited'.split(
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

class SourceContext {
  readonly units: readonly Unit[];
  readonly quotes: readonly RawQuote[];
  readonly persons: NamePhrase[] = [];
  readonly mentions: Mention[] = [];
  private readonly speechSubjects = new Set<string>();

  constructor(
    readonly text: string,
    units: readonly Unit[],
    quotes: readonly RawQuote[],
  ) {
    this.units = [...units].sort((a, b) => a.start - b.start);
    this.quotes = quotes;
    const subjRe = new RegExp(
      String.raw`([\p{Lu}][\p{L}\p{M}'’\-]+)\s+(?:${ADVERBS}\s+)*(?:${VERB_ALT})\b`,
      'gu',
    );
    for (let m = subjRe.exec(text); m; m = subjRe.exec(text))
      this.speechSubjects.add(normaliseName(m[1] as string));
    const all: NamePhrase[] = [];
    for (const u of this.units) {
      for (const p of findNamePhrases(text, u.start, u.end)) if (!this.insideQuote(p.start)) all.push(p);
    }
    const multi = all.filter((p) => p.name.split(' ').length > 1 && !looksLikeOrganisation(p.name));
    const multiSurnames = new Set(multi.map((p) => surnameOf(p.name)));
    for (const p of all) {
      if (looksLikeOrganisation(p.name)) continue;
      if (
        p.name.split(' ').length > 1 ||
        multiSurnames.has(surnameOf(p.name)) ||
        this.speechSubjects.has(normaliseName(p.name))
      ) {
        this.persons.push(p);
      }
    }
    for (const u of this.units) {
      if (u.kind !== 'sentence') continue;
      const subj = this.subjectOf(u.start, u.end);
      if (subj) this.mentions.push({ pos: subj.start, name: subj.name });
    }
  }

  insideQuote(pos: number): boolean {
    return this.quotes.some((q) => pos >= q.start && pos < q.end);
  }

  isPerson(name: string): boolean {
    const n = normaliseName(name);
    return this.persons.some((p) => normaliseName(p.name) === n);
  }

  unitAt(pos: number): Unit | undefined {
    let found: Unit | undefined;
    for (const u of this.units) {
      if (u.start <= pos) found = u;
      else break;
    }
    return found;
  }

  /** The first person named as the subject of a clause in [from, to), outside quotes. */
  subjectOf(from: number, to: number): NamePhrase | undefined {
    for (const p of findNamePhrases(this.text, from, to)) {
      if (p.possessive || this.insideQuote(p.start) || !this.isPerson(p.name)) continue;
      const before = /([\p{L}]+)\W*$/u.exec(this.text.slice(Math.max(from, p.start - 30), p.start));
      if (before && PREPOSITIONS.has((before[1] as string).toLowerCase())) continue;
      const after = this.text.slice(p.end, Math.min(to, p.end + 30));
      const next = /^\s*(,|[\p{Ll}][\p{L}'’-]*)/u.exec(after);
      if (!next) continue;
      if (next[1] !== ',' && PREPOSITIONS.has(next[1] as string)) continue;
      return p;
    }
    return undefined;
  }

  /** Most recent person named as a subject or speaker before `pos`. */
  resolvePronoun(pos: number): string | null {
    let best: Mention | undefined;
    for (const m of this.mentions) if (m.pos < pos && (!best || m.pos >= best.pos)) best = m;
    return best ? best.name : null;
  }

  /** The fullest spelling of this person in the source: "Putin" -> "Vladimir Putin". */
  fullName(name: string): string {
    const sur = surnameOf(name);
    const given = givenNameOf(name);
    let best = name;
    for (const p of this.persons) {
      if (surnameOf(p.name) !== sur) continue;
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
function headName(ctx: SourceContext, subj: string, offset: number, allowOrg: boolean): string | null {
  const phrases = findNamePhrases(subj).filter((p) => !p.possessive);
  const ok = (p: NamePhrase): boolean => {
    const tail = subj.slice(p.end).trim();
    return tail === '' || tail.startsWith(',') || /^(?:who|himself|herself)\b/u.test(tail);
  };
  const person = phrases.find((p) => ok(p) && !looksLikeOrganisation(p.name));
  if (person) return person.name;
  const org = allowOrg ? phrases.find((p) => ok(p)) : undefined;
  void offset;
  return org ? org.name : null;
}

function resolveSubject(ctx: SourceContext, subj: string, pos: number): string | null {
  const s = subj.trim().replace(/^[,;:\s]+|[,;:\s]+$/gu, '');
  if (PRONOUN_ONLY.test(s)) return /^(?:he|she)$/iu.test(s) ? ctx.resolvePronoun(pos) : null;
  if (countWords(s) > 12) return null;
  return headName(ctx, s, pos, true);
}

function attributeAfter(ctx: SourceContext, after: string, pos: number): Attribution {
  if (!after.trim()) return NONE;
  const dash = AFTER_DASH.exec(after);
  if (dash) {
    const rest = after.slice(dash[0].length);
    const p = findNamePhrases(rest.slice(0, 80))[0];
    if (p && p.start === 0) return { speaker: p.name, verb: null, cue: true };
  }
  const acc = ACCORDING_AFTER.exec(after);
  if (acc && acc.groups)
    return {
      speaker: headName(ctx, acc.groups.rest as string, pos, true) ?? firstName(acc.groups.rest as string),
      verb: 'according to',
      cue: true,
    };
  const vf = AFTER_VERB_FIRST.exec(after);
  if (vf && vf.groups) {
    const rest = vf.groups.rest as string;
    const verb = (vf.groups.verb as string).toLowerCase().replace(/\s+/gu, ' ');
    const pro = /^\s*(he|she)\b/iu.exec(rest);
    if (pro) return { speaker: ctx.resolvePronoun(pos), verb, cue: true };
    // "said Russian President Vladimir Putin", "said Dmitry Peskov, the Kremlin spokesman", "told reporters".
    const lead = rest.split(/,|\bon\b|\bin\b|\bat\b|\bwho\b|\bafter\b|\bwhen\b|\bwhile\b/u)[0] as string;
    const name = headName(ctx, lead, pos, true);
    if (name) return { speaker: name, verb, cue: true };
    if (
      /^\s*(?:reporters|journalists|the\s+\w+|a\s+\w+|an\s+\w+)/iu.test(rest) ||
      /^(?:told|tells)$/u.test(verb)
    ) {
      return { speaker: null, verb, cue: true };
    }
  }
  const sf = AFTER_SUBJECT_FIRST.exec(after);
  if (sf && sf.groups && countWords(sf.groups.subj as string) <= 12) {
    const verb = (sf.groups.verb as string).toLowerCase().replace(/\s+/gu, ' ');
    return { speaker: resolveSubject(ctx, sf.groups.subj as string, pos), verb, cue: true };
  }
  return NONE;
}

function firstName(s: string): string | null {
  const p = findNamePhrases(s)[0];
  return p ? p.name : null;
}

function attributeBefore(ctx: SourceContext, before: string, beforeStart: number, pos: number): Attribution {
  const trimmed = before.replace(/\s+$/u, '');
  if (!trimmed) return NONE;
  const acc = ACCORDING_BEFORE.exec(trimmed);
  if (acc && acc.groups)
    return {
      speaker: headName(ctx, acc.groups.rest as string, pos, true) ?? firstName(acc.groups.rest as string),
      verb: 'according to',
      cue: true,
    };
  // "Putin: “…”" — a name and a colon, nothing else before the quote.
  if (/:$/u.test(trimmed)) {
    const head = trimmed.slice(0, -1).trim();
    const phrases = findNamePhrases(head);
    const last = phrases[phrases.length - 1];
    if (last && last.end === head.length && countWords(head) <= 6)
      return { speaker: last.name, verb: null, cue: true };
  }
  // The last speech verb in the sentence before the quote, with a short tail ("said that", "told reporters:").
  let m: RegExpExecArray | null = null;
  VERB_ANYWHERE.lastIndex = 0;
  for (let x = VERB_ANYWHERE.exec(trimmed); x; x = VERB_ANYWHERE.exec(trimmed)) m = x;
  if (!m || !m.groups) return NONE;
  const verb = (m.groups.verb as string).toLowerCase().replace(/\s+/gu, ' ');
  const tail = trimmed.slice(m.index + m[0].length);
  const tailWords = countWords(tail);
  if (tailWords > 15 || (WEAK_VERBS.has(verb) && tailWords > 3)) return NONE;
  const pre = trimmed.slice(0, m.index);
  // Name or pronoun right before the verb: "Putin said", "Peskov also told reporters", "he added".
  const near = new RegExp(
    String.raw`(?<subj>(?:[\p{Lu}][\p{L}\p{M}'’.\-]*\s+){0,4}[\p{Lu}][\p{L}\p{M}'’\-]*|\b(?:he|she|they|i|we))\s*(?:,\s*\p{Ll}[^,]{0,60},\s*)?(?:${ADVERBS}\s+)*$`,
    'u',
  );
  const nm = near.exec(pre);
  if (nm && nm.groups) {
    const s = nm.groups.subj as string;
    if (PRONOUN_ONLY.test(s))
      return { speaker: /^(?:he|she)$/iu.test(s) ? ctx.resolvePronoun(pos) : null, verb, cue: true };
    const name = headName(ctx, s, pos, true);
    if (name) return { speaker: name, verb, cue: true };
  }
  // Participles and reported clauses: "Putin remained skeptical, asserting that …", "But he questioned …, saying".
  const subj = ctx.subjectOf(beforeStart, beforeStart + pre.length);
  if (subj) return { speaker: subj.name, verb, cue: true };
  const pro = PRONOUN_AT.exec(pre);
  if (pro && pro.groups) {
    return {
      speaker: /^(?:he|she)$/iu.test(pro.groups.p as string) ? ctx.resolvePronoun(pos) : null,
      verb,
      cue: true,
    };
  }
  const anyName = headName(ctx, pre.trim(), pos, false);
  return { speaker: anyName, verb, cue: true };
}

export function extractQuotes(input: SourceInput, units: readonly Unit[], options: QuoteOptions): Quote[] {
  const text = input.text;
  const sentenceUnits = [...units].sort((a, b) => a.start - b.start);
  if (sentenceUnits.length === 0) return [];
  const paragraphs = paragraphsOf(sentenceUnits);
  const raws = findQuoteSpans(text, paragraphs);
  const ctx = new SourceContext(text, sentenceUnits, raws);
  const paraOf = (pos: number): number => {
    const u = ctx.unitAt(pos);
    return u ? u.paragraph : -1;
  };

  const byId = new Map<number, RawQuote>(raws.map((r) => [r.id, r]));
  const results = new Map<number, { kind: Quote['kind']; speaker: string | null; verb: string | null }>();
  let last: { raw: RawQuote; speaker: string | null } | null = null;

  for (const raw of raws) {
    const parent = raw.parentId !== null ? byId.get(raw.parentId) : undefined;
    const unitStart = ctx.unitAt(raw.openAt) ?? ctx.unitAt(raw.start);
    const closePos = raw.closeAt >= 0 ? raw.closeAt : raw.end;
    const unitEnd = ctx.unitAt(closePos) ?? unitStart;
    const scopeStart = parent
      ? Math.max(parent.start, unitStart ? unitStart.start : parent.start)
      : unitStart
        ? unitStart.start
        : raw.openAt;
    const scopeEnd = parent
      ? Math.min(parent.end, unitEnd ? unitEnd.end : parent.end)
      : unitEnd
        ? unitEnd.end
        : raw.end;
    // Text between the previous top-level quote of this sentence and this one; and after this one up to the next.
    let beforeStart = scopeStart;
    for (const o of raws) {
      if (o === raw || o.depth !== raw.depth || o.parentId !== raw.parentId) continue;
      const oClose = o.closeAt >= 0 ? o.closeAt + 1 : o.end;
      if (oClose <= raw.openAt && oClose > beforeStart) beforeStart = oClose;
    }
    let afterEnd = scopeEnd;
    for (const o of raws) {
      if (o === raw || o.depth !== raw.depth || o.parentId !== raw.parentId) continue;
      if (o.openAt > closePos && o.openAt < afterEnd) afterEnd = o.openAt;
    }
    const before = text.slice(beforeStart, raw.openAt);
    const after = raw.closeAt >= 0 ? text.slice(raw.closeAt + 1, Math.max(raw.closeAt + 1, afterEnd)) : '';
    let attr = attributeAfter(ctx, after, raw.start);
    // "“…strikes.” Putin said." split into two sentences: a short next sentence that is only an attribution.
    if (!attr.cue && !parent && raw.closeAt >= 0 && !after.trim() && unitEnd) {
      const next = ctx.units.find((u) => u.start >= unitEnd.end && u.paragraph === unitEnd.paragraph);
      if (
        next &&
        countWords(next.text) <= 10 &&
        raws.every((o) => o.start < next.start || o.start >= next.end)
      ) {
        const a = attributeAfter(ctx, next.text, raw.start);
        if (a.cue && a.speaker) attr = a;
      }
    }
    if (!attr.cue) attr = attributeBefore(ctx, before, beforeStart, raw.start);
    if (SO_CALLED.test(before)) attr = NONE;
    const words = countWords(text.slice(raw.start, raw.end));
    let kind: Quote['kind'] = 'speech';
    let speaker = attr.speaker;
    if (!attr.cue) {
      const startsSentence = !before.trim() || /^[\s—–-]*$/u.test(before);
      const prevPara = last ? paraOf(last.raw.start) : -1;
      const thisPara = paraOf(raw.start);
      const continues =
        !parent &&
        last !== null &&
        last.speaker !== null &&
        startsSentence &&
        !SO_CALLED.test(before) &&
        thisPara - prevPara <= 1;
      if (continues && last) speaker = last.speaker;
      else if (words <= options.maxTermWords || SO_CALLED.test(before)) kind = 'term';
    }
    if (kind === 'term') speaker = null;
    const full: string | null = speaker ? ctx.fullName(speaker) : null;
    results.set(raw.id, { kind, speaker: full, verb: kind === 'term' ? null : attr.verb });
    if (kind === 'speech' && !parent) {
      last = { raw, speaker: full };
      if (full && ctx.isPerson(full)) ctx.mentions.push({ pos: raw.start, name: full });
    }
  }

  const ordered = [...raws].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const idOf = new Map<number, string>();
  ordered.forEach((r, n) => idOf.set(r.id, `${input.id}:q${n}`));
  return ordered.map((r) => {
    const res = results.get(r.id) ?? { kind: 'term' as const, speaker: null, verb: null };
    const touched = sentenceUnits.filter((u) => u.end > r.start && u.start < r.end);
    const first = touched[0] ?? ctx.unitAt(r.start) ?? (sentenceUnits[0] as Unit);
    const parentId = r.parentId !== null ? idOf.get(r.parentId) : undefined;
    const q: Quote = {
      id: idOf.get(r.id) as string,
      sourceId: input.id,
      unitId: first.id,
      unitIds: touched.length > 0 ? touched.map((u) => u.id) : [first.id],
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      kind: res.kind,
      speaker: null,
      ...(res.speaker ? { speakerText: res.speaker } : {}),
      verb: res.verb,
      ...(parentId ? { parentId } : {}),
    };
    return q;
  });
}
