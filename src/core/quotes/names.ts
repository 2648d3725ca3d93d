// Person names in running news text: finding capitalised name phrases, stripping titles and descriptions
// ("French President Emmanuel Macron" -> "Emmanuel Macron"), and deciding whether two spellings can be one
// person. Pure string work; fuzzy matching across sources lives in speakers.ts.

import { isSpaceCode } from '../clean/lines.ts';
import { memoByText } from '../memo.ts';

/** Words that are capitalised at a sentence start or in titles but are never part of a person's name. */
const NOT_NAME = new Set(
  (
    'the a an and but or so yet nor for in on at to from with by of as if then than that this these those there here ' +
    'he she it they we i you his her its their our my your him them us me who whom whose which what when where why how ' +
    'while after before since until because although though however meanwhile still now also even just only both ' +
    'each every all any some many most much more no not one two three other another such last next first new ' +
    'earlier later today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec speaking asked according despite instead during under over ' +
    'mr mrs ms dr prof sir dame st ' +
    // Sentence-initial plural nouns that attribute quotes without naming anyone ("Analysts say …").
    'analysts critics experts officials residents witnesses protesters supporters opponents observers diplomats ' +
    'sources lawmakers voters investors economists scientists researchers doctors workers locals activists ' +
    'authorities prosecutors police organisers organizers villagers passengers'
  ).split(' '),
);

/** Titles and roles written before a name: everything up to the last of them is dropped. */
const TITLE_WORDS = new Set(
  // Role nouns written before a name ("Prosecutor Helen Marsh", "Ecologist Dr. Imran Qureshi").
  (
    'prosecutor lawyer teacher volunteer ecologist scientist researcher doctor nurse student farmer resident ' +
    'manager captain driver pilot engineer activist campaigner historian author novelist singer actor ' +
    'president presidents vice prime minister ministers secretary secretary-general chancellor premier spokesman ' +
    'spokeswoman spokesperson senator sen sen. rep rep. representative congressman congresswoman gov gov. governor ' +
    'mayor general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt capt. sergeant sgt ' +
    'admiral adm commander officer inspector detective dr dr. mr mr. mrs mrs. ms ms. prof prof. professor king ' +
    'queen prince princess pope cardinal bishop archbishop rabbi imam sheikh emir crown chief executive ceo cfo ' +
    'coo chairman chairwoman chair director ambassador envoy commissioner judge justice lord lady sir dame deputy ' +
    'councillor councilor councilwoman councilman alderman mp mep lawmaker legislator leader speaker coach head founder analyst economist aide adviser advisor official officials ' +
    'foreign defence defense interior finance economy health trade energy state attorney home ' +
    'senior junior acting former late opposition party army navy police military top national special'
  ).split(/\s+/),
);

/** Words that make a capitalised phrase an organisation or a place rather than a person. */
const ORG_WORDS = new Set(
  (
    'house union forum council ministry department party bank agency commission organization organisation ' +
    'company corporation inc corp ltd group university college court parliament congress senate assembly ' +
    'committee office service services institute foundation army navy force forces guard police nations ' +
    'federation republic kingdom states street news times post journal press agency tv radio network ' +
    'kremlin pentagon nato un eu economic summit conference city region province county airport ' +
    'station square bridge river sea ocean island islands mountains valley church hospital school club ' +
    'alliance network association society coalition movement front fund trust authority board'
  ).split(/\s+/),
);

const PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'dos',
  'das',
]);

// Only capitalised tokens and name particles matter; anything else between two of them breaks the phrase (the gap
// is then more than one space), so lower-case words and punctuation are never materialised (speed, issue 6).
const LOWER_AFTER_HYPHEN = /-\p{Ll}/u;
const PARTICLE_ALT = 'de|van|von|der|den|da|di|du|del|la|le|bin|ibn|al|el|ter|ten|dos|das';
/** Reference tokens: capitalised tokens and particles in one regex (see findNamePhrasesByTokenRegex). */
const TOKEN = new RegExp(
  String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*|(?<![\p{L}\p{M}])(?:${PARTICLE_ALT})(?![\p{L}\p{M}'’.-])`,
  'gu',
);
const CAP_TOKEN = /[\p{Lu}][\p{L}\p{M}'’.-]*/gu;
/** A particle as a whole word at lastIndex (callers put it right after a space, which satisfies TOKEN's look-behind). */
const PARTICLE_AT = new RegExp(String.raw`(?:${PARTICLE_ALT})(?![\p{L}\p{M}'’.-])`, 'uy');

export interface NamePhrase {
  readonly start: number;
  readonly end: number;
  /** The phrase as written, titles included ("French President Emmanuel Macron"). */
  readonly raw: string;
  /** The person's name with titles stripped ("Emmanuel Macron"); possessive "’s" removed. */
  readonly name: string;
  /** The title/description stripped from the front, if any ("French President"). */
  readonly title?: string;
  readonly possessive: boolean;
}

const UPPER_START = /^\p{Lu}/u;

/** `/^\p{Lu}/u.test(tok)`, with ASCII decided by comparison (most tokens of English copy). */
function isCap(tok: string): boolean {
  const c = tok.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER_START.test(tok);
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/** "Putin’s" -> "Putin" (possessive), "Jones'" -> "Jones"; the regex `^(.*?)(?:['’]s|['’])$` done by hand. */
function possessiveStem(tok: string): string | null {
  const n = tok.length;
  const last = tok.charCodeAt(n - 1);
  let stem: string;
  if (last === 0x73 /* s */ && n >= 2 && isApostrophe(tok.charCodeAt(n - 2))) stem = tok.slice(0, n - 2);
  else if (isApostrophe(last)) stem = tok.slice(0, n - 1);
  else return null;
  return stem.length > 1 && isCap(stem) ? stem : null;
}

/**
 * stripTitles over tokens already split (a run's tokens never contain whitespace and are never empty), with
 * their lower-case forms computed once by the caller.
 */
function stripTitleTokens(
  toks: readonly string[],
  lows: readonly string[],
): { name: string; title?: string } {
  let lastTitle = -1;
  for (let i = 0; i < toks.length - 1; i++) if (TITLE_WORDS.has(lows[i] as string)) lastTitle = i;
  if (lastTitle < 0) return { name: toks.join(' ') };
  return { name: toks.slice(lastTitle + 1).join(' '), title: toks.slice(0, lastTitle + 1).join(' ') };
}

/** Drop leading titles: "Russian President Vladimir Putin" -> { name: "Vladimir Putin", title: "Russian President" }. */
export function stripTitles(phrase: string): { name: string; title?: string } {
  const toks = phrase.split(/\s+/u).filter(Boolean);
  return stripTitleTokens(
    toks,
    toks.map((t) => t.toLowerCase()),
  );
}

/** A token as it can join a name: trailing ’ dropped, then a final dot unless the token is an initial or Jr/Sr. */
function cleanToken(rawTok: string): string {
  const last = rawTok.charCodeAt(rawTok.length - 1);
  // Only these two endings can change (TOKEN admits no , ; : ! ? ) " ” at all): the common case allocates nothing.
  if (last !== 0x2019 && last !== 0x2e) return rawTok;
  return rawTok
    .replace(/[,;:!?)"”’]+$/u, '')
    .replace(/\.$/u, (d) => (/^(?:\p{Lu}|Jr|Sr)$/u.test(rawTok.slice(0, -1)) ? d : ''));
}

/**
 * Capitalised name phrases in [from, to) of `text`: runs of capitalised tokens (with name particles inside),
 * not counting capitalised function words. Offsets are into `text`.
 */
export function findNamePhrases(text: string, from = 0, to = text.length): NamePhrase[] {
  return scanNamePhrases(text, from, to, false);
}

/** findNamePhrases as it was, particles found by the token regex: the reference of a property test. */
export function findNamePhrasesByTokenRegex(text: string, from = 0, to = text.length): NamePhrase[] {
  return scanNamePhrases(text, from, to, true);
}

/**
 * A particle only matters right after a run, one space away ("Ursula von der Leyen"); anywhere else it just ends
 * the run, which the next capitalised token (or the end) does too, with the same output. So the fast scan looks
 * for capitalised tokens only and tries PARTICLE_AT at run.end + 1: the alternation of particles with its
 * look-behind, tried by the reference at every lower-case position, was ~2 ms of the ~45 ms quotes stage
 * (50 x 2k). A particle is lower-case, so no capitalised token starts inside it.
 */
function scanNamePhrases(text: string, from: number, to: number, reference: boolean): NamePhrase[] {
  const out: NamePhrase[] = [];
  const slice = text.slice(from, to);
  const tokens = reference ? TOKEN : CAP_TOKEN;
  tokens.lastIndex = 0;
  // The run's tokens and their lower-case forms (each lowered once, in the token loop).
  let run: { start: number; end: number; toks: string[]; lows: string[] } | null = null;
  let possessive = false;
  const flush = (): void => {
    if (run && run.toks.length > 0) {
      // Trailing particles are not part of the name.
      while (run.toks.length > 0 && PARTICLES.has(run.lows[run.lows.length - 1] as string)) {
        run.toks.pop();
        run.lows.pop();
      }
      const raw = run.toks.join(' ');
      if (raw) {
        const { name, title } = stripTitleTokens(run.toks, run.lows);
        // A phrase ending in a role noun ("Kestrel Coach", "U.S Secretary") names no one.
        const lastTok = run.lows[run.lows.length - 1] as string;
        if (name && !TITLE_WORDS.has(lastTok)) {
          const start = from + run.start;
          const end = from + run.end;
          out.push(
            title ? { start, end, raw, name, title, possessive } : { start, end, raw, name, possessive },
          );
        }
      }
    }
    run = null;
    possessive = false;
  };
  const takeParticles = (): void => {
    while (run && isSpaceCode(slice.charCodeAt(run.end))) {
      PARTICLE_AT.lastIndex = run.end + 1;
      const p = PARTICLE_AT.exec(slice);
      if (!p) return;
      run.toks.push(p[0]);
      run.lows.push(p[0]);
      run.end = p.index + p[0].length;
    }
  };
  for (let m = tokens.exec(slice); m; m = tokens.exec(slice)) {
    if (!reference) takeParticles();
    const rawTok = m[0];
    const cleanTok = cleanToken(rawTok);
    const stem = possessiveStem(cleanTok);
    const tok = stem ?? cleanTok;
    const poss = stem !== null;
    const lowered = tok.toLowerCase();
    const lower = lowered.endsWith('.') ? lowered.slice(0, -1) : lowered;
    // Exactly one whitespace character between the previous token and this one.
    const gapOk = run !== null && m.index - run.end === 1 && isSpaceCode(slice.charCodeAt(run.end));
    const cap = isCap(tok);
    // A capitalised token always contains a letter (it starts with one), so only the hyphen test remains.
    if (cap && !NOT_NAME.has(lower) && !(tok.includes('-') && LOWER_AFTER_HYPHEN.test(tok))) {
      if (!run || !gapOk) {
        flush();
        run = { start: m.index, end: m.index + tok.length, toks: [], lows: [] };
      }
      run.toks.push(tok);
      run.lows.push(lowered);
      run.end = m.index + tok.length;
      if (poss) {
        possessive = true;
        flush();
      } else if (cleanTok !== rawTok && !/^\.$/u.test(rawTok.slice(cleanTok.length))) {
        // Punctuation after the token ends the phrase ("Putin, who …").
        flush();
      }
      continue;
    }
    if (run && gapOk && PARTICLES.has(lower) && !/[^\p{L}]$/u.test(rawTok)) {
      run.toks.push(tok);
      run.lows.push(lowered);
      run.end = m.index + tok.length;
      continue;
    }
    // A title abbreviation such as "Mr." or "Dr." keeps a name phrase going: "Dr. Anna Berg".
    if (cap && TITLE_WORDS.has(lower) && rawTok.endsWith('.')) {
      flush();
      run = { start: m.index, end: m.index + rawTok.length, toks: [rawTok], lows: [rawTok.toLowerCase()] };
      continue;
    }
    flush();
  }
  if (!reference) takeParticles();
  flush();
  return out;
}

/** Distinct names each name memo keeps before emptying itself (the bound normaliseName's own memo had). */
const NAME_MEMO = 20_000;

/** True when the phrase names an organisation or place ("White House", "Eastern Economic Forum"). */
export const looksLikeOrganisation = memoByText((name: string): boolean => {
  const toks = name.split(/\s+/u);
  if (toks.some((t) => ORG_WORDS.has(t.toLowerCase()))) return true;
  // All-capital acronyms ("NATO", "EEF") are organisations.
  return toks.length === 1 && /^[\p{Lu}\p{N}.&-]{2,}$/u.test(name);
}, NAME_MEMO);

/** Lower case, accents removed, apostrophes and hyphens dropped: the form names are compared in. */
export const normaliseName = memoByText(
  (name: string): string =>
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’.]/gu, '')
      .replace(/-/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim(),
  NAME_MEMO,
);

export const surnameOf = memoByText((name: string): string => {
  const toks = normaliseName(name)
    .split(' ')
    .filter((t) => !PARTICLES.has(t) && !/^(?:jr|sr|ii|iii|iv)$/u.test(t));
  return toks[toks.length - 1] ?? '';
}, NAME_MEMO);

/**
 * '' stands for "no given name": memoByText treats an undefined value as a miss, so single-word names (about half
 * of the ~2,300 calls per 50 x 2k run) were recomputed on every call. normaliseName trims, so a real given name
 * is never ''.
 */
const givenNameMemo = memoByText((name: string): string => {
  const toks = normaliseName(name).split(' ');
  return toks.length > 1 ? (toks[0] as string) : '';
}, NAME_MEMO);

export function givenNameOf(name: string): string | undefined {
  return givenNameMemo(name) || undefined;
}

export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'i', 'we']);
