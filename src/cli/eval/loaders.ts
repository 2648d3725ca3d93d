// Readers for the dev benchmark files (../shared/benchmarks, described in its README). The data is read from the
// path given on the command line at run time and never copied into the repository.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface LabelledPair {
  readonly label: number;
  readonly a: string;
  readonly b: string;
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

/** MRPC: `quality id1 id2 sentence1 sentence2`, tab-separated, optional header line, BOM. */
export function loadMrpc(file: string): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const line of lines(file)) {
    const f = line.split('\t');
    if (f.length < 5 || (f[0] !== '0' && f[0] !== '1')) continue; // header
    out.push({ label: Number(f[0]), a: f[3]!, b: f[4]! });
  }
  return out;
}

/** STS: `score sentence1 sentence2`, score 0-5. */
export function loadSts(file: string): { gold: number; a: string; b: string }[] {
  const out: { gold: number; a: string; b: string }[] = [];
  for (const line of lines(file)) {
    const f = line.split('\t');
    if (f.length < 3) continue;
    const gold = Number(f[0]);
    if (!Number.isFinite(gold)) continue;
    out.push({ gold, a: f[1]!, b: f[2]! });
  }
  return out;
}

export interface EcbPair {
  readonly label: number;
  readonly topic: string;
  readonly doc1: string;
  readonly sent1: number;
  readonly doc2: string;
  readonly sent2: number;
  readonly a: string;
  readonly b: string;
}

/** aligned_pairs.tsv (with subtopic and event columns) or hard_negative_pairs.tsv, by header names. */
export function loadEcbPairs(file: string): EcbPair[] {
  const all = lines(file);
  const header = all[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  const [cl, ct, cd1, cs1, cd2, cs2, ct1, ct2] = [
    'label', 'topic', 'doc1', 'sent1', 'doc2', 'sent2', 'text1', 'text2',
  ].map(col) as [number, number, number, number, number, number, number, number]; // prettier-ignore
  return all.slice(1).map((line) => {
    const f = line.split('\t');
    return {
      label: Number(f[cl]),
      topic: f[ct]!,
      doc1: f[cd1]!,
      sent1: Number(f[cs1]),
      doc2: f[cd2]!,
      sent2: Number(f[cs2]),
      a: f[ct1] ?? '',
      b: f[ct2] ?? '',
    };
  });
}

export interface EcbDoc {
  /** Document name as in the pair files ("1_10ecb.xml"). */
  readonly name: string;
  /** Sentence lines, index = sentence number (line 0 of *ecbplus* files is the URL and kept as is). */
  readonly lines: readonly string[];
}

export interface EcbCluster {
  /** Folder name, e.g. "01_ecb": one event. */
  readonly id: string;
  readonly docs: readonly EcbDoc[];
}

/** Every cluster folder under articles/, documents sorted by name. */
export function loadEcbClusters(dir: string): EcbCluster[] {
  const root = join(dir, 'articles');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((id) => ({
      id,
      docs: readdirSync(join(root, id))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({
          name: f.replace(/\.txt$/, '.xml'),
          lines: readFileSync(join(root, id, f), 'utf8')
            .replace(/^\uFEFF/, '')
            .split(/\r?\n/),
        })),
    }));
}
