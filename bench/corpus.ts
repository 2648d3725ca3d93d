// Deterministic news-like corpora for the speed benchmark (issue 3, "Speed"). One "event" has a pool of claims;
// every source reports a subset of them in its own order and wording (synonym swaps, reordered clauses, dropped
// and added sentences, the odd changed number), plus quotes by named speakers, in paragraphs of 1-3 sentences.
// Same seed, same corpus: the figures are comparable between runs and machines.
import type { SourceInput } from '../src/core/model.ts';

/** mulberry32: tiny, fast, good enough for test data, and identical on every JS engine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

const PEOPLE = [
  ['Prime Minister', 'Anna Keller'], ['Finance Minister', 'Marek Novak'], ['Interior Minister', 'Sofia Lindqvist'],
  ['Mayor', 'Petra Vogel'], ['General', 'Tomas Brandt'], ['President', 'Elena Moravec'], ['Senator', 'David Okafor'],
  ['Governor', 'Lucia Ferreira'], ['Chancellor', 'Jonas Weber'], ['Ambassador', 'Ines Castillo'],
  ['spokesman', 'Pavel Sokol'], ['Foreign Minister', 'Hana Dvorak'],
] as const; // prettier-ignore
const ORGS = [
  'the government',
  'the army',
  'the central bank',
  'the regional council',
  'the ministry',
  'the union',
  'the opposition',
  'the coalition',
  'the commission',
  'the police',
  'the port authority',
  'the health service',
];
const PLACES = [
  'Lindenau',
  'the capital',
  'the northern provinces',
  'the border region',
  'the coastal towns',
  'Karsten',
  'the river valley',
  'the industrial district',
  'Weissfeld',
  'the eastern suburbs',
  'the southern ports',
  'Altmark',
];
const VERBS = [
  'send',
  'deploy',
  'spend',
  'allocate',
  'cut',
  'provide',
  'raise',
  'withdraw',
  'invest',
  'add',
  'approve',
  'freeze',
];
const NOUNS = [
  'soldiers',
  'million euros',
  'doctors',
  'buses',
  'new homes',
  'police officers',
  'tonnes of grain',
  'teachers',
  'hospital beds',
  'generators',
  'inspectors',
  'water pumps',
];
const TOPICS = [
  'the flood response',
  'the budget',
  'the ceasefire talks',
  'the strike',
  'the election',
  'the reform plan',
  'the trade deal',
  'the energy crisis',
  'the rail project',
  'the investigation',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ADJ = ['serious', 'urgent', 'difficult', 'unprecedented', 'complex', 'fragile', 'costly', 'necessary'];
const QUOTES = [
  'We will do everything we can to protect the people who live here',
  'This is not the time for political games',
  'Nobody can promise that the work will be finished by winter',
  'We have asked our partners for help and we expect an answer soon',
  'The situation remains very difficult but it is under control',
  'There will be no new taxes this year',
  'We are ready for talks at any time and in any place',
  'The numbers speak for themselves',
];

// Synonym swaps applied to a source's wording (both directions are plausible newsroom edits).
const SYNONYMS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bsaid\b/g, ['said', 'stated', 'told reporters', 'announced']],
  [/\bwould\b/g, ['would', 'will', 'is set to']],
  [/\babout\b/g, ['about', 'around', 'roughly', 'some']],
  [/\bsend\b/g, ['send', 'dispatch']],
  [/\bprovide\b/g, ['provide', 'supply', 'deliver']],
  [/\bcut\b/g, ['cut', 'reduce']],
  [/\bdifficult\b/g, ['difficult', 'hard', 'tough']],
  [/\burgent\b/g, ['urgent', 'pressing']],
  [/\bwarned\b/g, ['warned', 'cautioned']],
  [/\bplan\b/g, ['plan', 'proposal']],
  [/\bofficials\b/g, ['officials', 'authorities']],
];

interface Claim {
  /** Builds the sentence in one of its word orders; `n` is the number the source reports. */
  readonly render: (r: Rand, n: number) => string;
  readonly n: number;
}

function makeClaim(r: Rand): Claim {
  const [role, name] = pick(r, PEOPLE);
  const surname = name.split(' ')[1]!;
  const org = pick(r, ORGS);
  const place = pick(r, PLACES);
  const verb = pick(r, VERBS);
  const noun = pick(r, NOUNS);
  const topic = pick(r, TOPICS);
  const day = pick(r, DAYS);
  const adj = pick(r, ADJ);
  const n = 5 + Math.floor(r() * 995);
  const kind = Math.floor(r() * 6);
  const quote = pick(r, QUOTES);
  const render = (rr: Rand, k: number): string => {
    const flip = chance(rr, 0.5);
    switch (kind) {
      case 0:
        return flip
          ? `${role} ${name} said on ${day} that ${org} would ${verb} about ${k} ${noun} in ${place}.`
          : `${org[0]!.toUpperCase()}${org.slice(1)} would ${verb} about ${k} ${noun} in ${place}, ${surname} said on ${day}.`;
      case 1:
        return flip
          ? `Officials in ${place} warned that ${topic} had become ${adj} after ${k} ${noun} were affected.`
          : `After ${k} ${noun} were affected, officials in ${place} warned that ${topic} had become ${adj}.`;
      case 2:
        return flip
          ? `"${quote}," ${surname} said in ${place} on ${day}.`
          : `"${quote}," said ${role} ${name}, speaking in ${place}.`;
      case 3:
        return flip
          ? `${org[0]!.toUpperCase()}${org.slice(1)} has approved a plan on ${topic} worth ${k} million euros, according to ${surname}.`
          : `According to ${role} ${name}, ${org} has approved a ${k} million euro plan on ${topic}.`;
      case 4:
        return flip
          ? `Talks between ${org} and ${pick(rr, ORGS)} on ${topic} will resume on ${day} in ${place}.`
          : `On ${day}, ${org} will resume talks on ${topic} in ${place}.`;
      default:
        return flip
          ? `The number of ${noun} in ${place} has risen to ${k} since the start of ${topic}, figures show.`
          : `Figures show ${k} ${noun} in ${place} since ${topic} began, a rise on last year.`;
    }
  };
  return { render, n };
}

function paraphrase(r: Rand, s: string): string {
  let out = s;
  for (const [re, alts] of SYNONYMS) out = out.replace(re, () => pick(r, alts));
  return out.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export interface CorpusSpec {
  readonly sources: number;
  readonly wordsPerSource: number;
  readonly seed?: number;
}

/** `sources` reports of one event, each about `wordsPerSource` words. Deterministic for a given spec. */
export function generateCorpus(spec: CorpusSpec): SourceInput[] {
  const r = prng(spec.seed ?? 20250905 + spec.sources * 7919 + spec.wordsPerSource);
  // The shared pool: about 2x the claims one source needs, so sources overlap partly (as real coverage does).
  const perSource = Math.ceil(spec.wordsPerSource / 19);
  const pool = Array.from({ length: Math.ceil(perSource * 2) }, () => makeClaim(r));
  const out: SourceInput[] = [];
  for (let s = 0; s < spec.sources; s++) {
    const sentences: string[] = [];
    let total = 0;
    // Claims in the pool's order with local shuffles: outlets tell the story in a similar but not equal order.
    const order = pool.map((c, i) => ({ c, key: i + r() * 12 })).sort((x, y) => x.key - y.key);
    for (const { c } of order) {
      if (total >= spec.wordsPerSource) break;
      if (chance(r, 0.35)) continue; // dropped by this outlet
      const n = chance(r, 0.06) ? c.n + 1 + Math.floor(r() * 40) : c.n; // the odd disagreeing figure
      const sentence = paraphrase(r, c.render(r, n));
      sentences.push(sentence);
      total += words(sentence);
      if (chance(r, 0.12)) {
        const own = paraphrase(r, makeClaim(r).render(r, 1 + Math.floor(r() * 99))); // only this outlet has it
        sentences.push(own);
        total += words(own);
      }
    }
    // Rarely the pool runs dry first: top up with this outlet's own sentences.
    while (total < spec.wordsPerSource) {
      const own = paraphrase(r, makeClaim(r).render(r, 1 + Math.floor(r() * 99)));
      sentences.push(own);
      total += words(own);
    }
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length;) {
      const k = 1 + Math.floor(r() * 3);
      paragraphs.push(sentences.slice(i, i + k).join(' '));
      i += k;
    }
    const outlet = `Outlet ${String(s + 1).padStart(2, '0')}`;
    out.push({ id: `src-${String(s + 1).padStart(2, '0')}`, outlet, text: paragraphs.join('\n\n') });
  }
  return out;
}
