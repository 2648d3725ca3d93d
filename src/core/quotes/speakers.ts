// One Speaker per person across all sources, whatever the spelling (issue 3: Zelenskiy / Zelenskyy / Zelensky;
// "Putin" and "Vladimir Putin"). Surnames are matched fuzzily with fuse.js (its Bitap search is at its best on
// short patterns like names), guarded by an edit-distance cap so "Putin" never meets "Putnam"; given names must
// be compatible (equal, an initial of each other, or absent on one side).
//
// Order independence: names are sorted before clustering and every tie is broken by the name itself, so the
// same quotes in any order give the same speakers and ids.

import Fuse from 'fuse.js';
import type { Quote, Speaker } from '../model.ts';
import type { QuoteOptions } from '../options.ts';
import { givenNameOf, normaliseName, surnameOf } from './names.ts';

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(
        (prev[j] as number) + 1,
        (prev[j - 1] as number) + 1,
        diag + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** Transliteration spellings differ by a letter or two per word: allow about one edit per four letters. */
function closeEnough(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a || !b || a[0] !== b[0]) return false;
  return levenshtein(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}

function surnamesMatch(a: string, b: string, threshold: number): boolean {
  if (a === b) return true;
  if (!closeEnough(a, b)) return false;
  const score = (pattern: string, item: string): number => {
    const r = new Fuse([item], {
      includeScore: true,
      threshold,
      ignoreLocation: true,
      isCaseSensitive: false,
    }).search(pattern)[0];
    return r && r.score !== undefined ? r.score : 1;
  };
  return Math.min(score(a, b), score(b, a)) <= threshold;
}

function givenCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  if (a === b) return true;
  if ((a.length === 1 || b.length === 1) && a[0] === b[0]) return true;
  return closeEnough(a, b);
}

/** True when two written names can be the same person ("Zelenskiy" / "Volodymyr Zelenskyy"). */
export function sameSpeakerName(a: string, b: string, threshold = 0.3): boolean {
  const sa = surnameOf(a);
  const sb = surnameOf(b);
  if (!sa || !sb) return false;
  return surnamesMatch(sa, sb, threshold) && givenCompatible(givenNameOf(a), givenNameOf(b));
}

function slug(s: string): string {
  return normaliseName(s)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** Canonical key of a name for quick grouping: the normalised surname ("Zelenskyy" -> "zelenskyy"). */
export function speakerKey(name: string): string {
  return slug(surnameOf(name));
}

interface Cluster {
  readonly names: string[];
  count: number;
}

export function resolveSpeakers(
  quotes: readonly Quote[],
  options: QuoteOptions,
): { quotes: Quote[]; speakers: Speaker[] } {
  const counts = new Map<string, number>();
  for (const q of quotes) if (q.speakerText) counts.set(q.speakerText, (counts.get(q.speakerText) ?? 0) + 1);
  const names = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const threshold = options.speakerNameThreshold;
  // Full names first (they carry a given name that can tell two people with one surname apart), longest first.
  const tokens = (n: string): number => normaliseName(n).split(' ').length;
  const order = [...names].sort((a, b) => tokens(b) - tokens(a) || (a < b ? -1 : a > b ? 1 : 0));
  const clusters: Cluster[] = [];
  const clusterOf = new Map<string, Cluster>();
  for (const name of order) {
    const matches = clusters.filter((c) => c.names.some((n) => sameSpeakerName(n, name, threshold)));
    // A surname alone that fits several people goes to the one quoted most (ties: alphabetical first name).
    const target = matches.sort(
      (a, b) => b.count - a.count || ((a.names[0] as string) < (b.names[0] as string) ? -1 : 1),
    )[0];
    if (target) {
      target.names.push(name);
      target.count += counts.get(name) ?? 0;
      clusterOf.set(name, target);
    } else {
      const c: Cluster = { names: [name], count: counts.get(name) ?? 0 };
      clusters.push(c);
      clusterOf.set(name, c);
    }
  }
  const canonical = (c: Cluster): string =>
    [...c.names].sort(
      (a, b) =>
        tokens(b) - tokens(a) ||
        (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
        b.length - a.length ||
        (a < b ? -1 : 1),
    )[0] as string;
  const bySlug = new Map<string, Cluster[]>();
  for (const c of clusters) {
    const key = speakerKey(canonical(c)) || 'unknown';
    bySlug.set(key, [...(bySlug.get(key) ?? []), c]);
  }
  const idOf = new Map<Cluster, string>();
  for (const [key, group] of bySlug) {
    if (group.length === 1) {
      idOf.set(group[0] as Cluster, `sp:${key}`);
      continue;
    }
    // Two people share a surname: add the given name (or a counter when even that is missing) to each id.
    const used = new Set<string>();
    for (const c of [...group].sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1))) {
      const given = givenNameOf(canonical(c));
      let id = given ? `sp:${key}-${slug(given)}` : `sp:${key}`;
      for (let n = 2; used.has(id); n++) id = `sp:${key}-${n}`;
      used.add(id);
      idOf.set(c, id);
    }
  }
  // The role most often written before the person's name (ties: alphabetical), e.g. "Russian President".
  const titleCounts = new Map<Cluster, Map<string, number>>();
  for (const q of quotes) {
    const c = q.speakerText ? clusterOf.get(q.speakerText) : undefined;
    if (!c || !q.speakerTitle) continue;
    const m = titleCounts.get(c) ?? new Map<string, number>();
    m.set(q.speakerTitle, (m.get(q.speakerTitle) ?? 0) + 1);
    titleCounts.set(c, m);
  }
  const titleOf = (c: Cluster): string | undefined =>
    [...(titleCounts.get(c) ?? new Map<string, number>())].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    )[0]?.[0];
  const speakers: Speaker[] = clusters
    .map((c) => {
      const title = titleOf(c);
      return {
        id: idOf.get(c) as string,
        name: canonical(c),
        variants: [...c.names].sort(),
        ...(title ? { title } : {}),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = quotes
    .map((q) => {
      const c = q.speakerText ? clusterOf.get(q.speakerText) : undefined;
      return { ...q, speaker: c ? (idOf.get(c) as string) : null };
    })
    .sort((a, b) =>
      a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.start - b.start || b.end - a.end,
    );
  return { quotes: out, speakers };
}

/** The speaker id a name would get among the given speakers, or null: lets the aligner compare quote speakers. */
export function speakerIdForName(name: string, speakers: readonly Speaker[], threshold = 0.3): string | null {
  for (const s of speakers) if (s.variants.some((v) => sameSpeakerName(v, name, threshold))) return s.id;
  return null;
}
