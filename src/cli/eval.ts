// `npm run eval -- --data <dir> [--out file.json]`: accuracy figures on the dev benchmarks (issue 5). The data is
// read from <dir> at run time (layout: ../shared/benchmarks/README.md) and nothing from it is written into the repo.
// Prints one line per task and writes every figure to a JSON file (default .eval/latest.json).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceContext, withContext } from '../core/align/context.ts';
import { prepare } from '../core/align/features.ts';
import { PARAPHRASE_THRESHOLD, scorePair, scoreTextPairs } from '../core/align/scorer.ts';
import { compare } from '../core/compare.ts';
import { DEFAULT_OPTIONS } from '../core/options.ts';
import type { SourceInput } from '../core/model.ts';
import { loadEcbClusters, loadEcbPairs, loadMrpc, loadSts } from './eval/loaders.ts';
import type { EcbCluster, EcbPair } from './eval/loaders.ts';
import {
  accuracy,
  confusion,
  crossValidateThreshold,
  f1,
  leaveOneGroupOutAuc,
  pairPrecisionRecall,
  pearson,
  rocAuc,
  spearman,
} from './eval/metrics.ts';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The reference point "plain word overlap": Jaccard of the lower-cased word sets, measured the same way. */
export function wordOverlap(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const wb = new Set(b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const union = wa.size + wb.size - shared;
  return union === 0 ? 0 : shared / union;
}

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function evalMrpc(file: string) {
  const pairs = loadMrpc(file);
  const labels = pairs.map((p) => p.label);
  const scores = scoreTextPairs(pairs.map((p) => [p.a, p.b] as const));
  const cv = crossValidateThreshold(scores, labels, 10);
  const production = PARAPHRASE_THRESHOLD;
  const atProduction = confusion(scores, labels, production);
  const overlap = pairs.map((p) => wordOverlap(p.a, p.b));
  const overlapCv = crossValidateThreshold(overlap, labels, 10);
  return {
    baselineWordOverlap: {
      accuracy: round(overlapCv.accuracy),
      f1: round(overlapCv.f1),
      auc: round(rocAuc(overlap, labels)),
    },
    pairs: pairs.length,
    cv: {
      accuracy: round(cv.accuracy),
      f1: round(cv.f1),
      precision: round(cv.precision),
      recall: round(cv.recall),
      threshold: round(cv.threshold),
      foldThresholds: cv.foldThresholds.map(round),
    },
    auc: round(rocAuc(scores, labels)),
    productionThreshold: production,
    atProductionThreshold: { accuracy: round(accuracy(atProduction)), f1: round(f1(atProduction)) },
  };
}

export function evalSts(file: string) {
  const rows = loadSts(file);
  const gold = rows.map((r) => r.gold);
  const scores = scoreTextPairs(rows.map((r) => [r.a, r.b] as const));
  // Binary view of the benchmark README: >= 4 same, <= 2 different, the middle left out.
  const bin = rows.flatMap((r, i) =>
    r.gold >= 4 ? [[scores[i]!, 1]] : r.gold <= 2 ? [[scores[i]!, 0]] : [],
  );
  return {
    pairs: rows.length,
    pearson: round(pearson(scores, gold)),
    spearman: round(spearman(scores, gold)),
    binaryAuc: round(
      rocAuc(
        bin.map((b) => b[0]!),
        bin.map((b) => b[1]!),
      ),
    ),
  };
}

/** Folder holding a document: "1_10ecb.xml" -> "01_ecb", "1_3ecbplus.xml" -> "01_ecbplus". */
function clusterOfDoc(doc: string): string {
  const m = /^(\d+)_\d+(ecbplus|ecb)\.xml$/.exec(doc);
  return m ? `${m[1]!.padStart(2, '0')}_${m[2]}` : '';
}

interface ClusterRun {
  /** doc name -> sentence number -> unit ids. */
  readonly unitsOf: Map<string, Map<number, string[]>>;
  readonly groupOf: Map<string, string>;
}

/** Each line becomes one paragraph (lines joined by blank lines); ecbplus line 0 (the URL) is left out. */
function clusterSources(c: EcbCluster): {
  sources: SourceInput[];
  lineAt: Map<string, { start: number; line: number }[]>;
} {
  const sources: SourceInput[] = [];
  const lineAt = new Map<string, { start: number; line: number }[]>();
  for (const d of c.docs) {
    let text = '';
    const starts: { start: number; line: number }[] = [];
    d.lines.forEach((l, i) => {
      if (i === 0 && d.name.includes('ecbplus')) return;
      if (l.trim() === '') return;
      if (text) text += '\n\n';
      starts.push({ start: text.length, line: i });
      text += l;
    });
    lineAt.set(d.name, starts);
    sources.push({ id: d.name, outlet: d.name, text });
  }
  return { sources, lineAt };
}

function runCluster(c: EcbCluster): ClusterRun {
  const { sources, lineAt } = clusterSources(c);
  const result = compare(sources);
  const unitsOf = new Map<string, Map<number, string[]>>();
  for (const u of result.units) {
    const starts = lineAt.get(u.sourceId) ?? [];
    let line = -1;
    for (const s of starts) if (s.start <= u.start) line = s.line;
    let m = unitsOf.get(u.sourceId);
    if (!m) unitsOf.set(u.sourceId, (m = new Map()));
    const list = m.get(line) ?? [];
    list.push(u.id);
    m.set(line, list);
  }
  const groupOf = new Map<string, string>();
  for (const g of result.groups) for (const u of g.unitIds) groupOf.set(u, g.id);
  return { unitsOf, groupOf };
}

/**
 * Which sentences form the IDF batch of a pair. 'clusters': the cluster(s) the two sentences come from, so a
 * labelled pair gets the IDF of its one event and a hard negative that of both events. 'topic': both events of
 * the topic for every pair, so positives and hard negatives are scored with the same IDF; with 'clusters' a word
 * specific to one event is rarer in the hard negatives' batch than in the positives', a difference the score could
 * exploit without telling events apart (measured: max-IDF-of-an-unmatched-word alone, AUC 0.80 vs 0.54).
 */
export type EcbBatching = 'clusters' | 'topic';

/** "1_10ecb.xml" -> ["01_ecb", "01_ecbplus"]: the two events of the document's topic. */
function topicClusters(doc: string): string[] {
  const c = clusterOfDoc(doc);
  const topic = c.slice(0, c.indexOf('_'));
  return [`${topic}_ecb`, `${topic}_ecbplus`];
}

/**
 * Pair scores with the IDF of a batch of whole clusters (see EcbBatching), as compare() computes them: `sentence` is
 * the scorer's sentence score, `aligned` the alignment score compare groups by (the sentence score with the source
 * context of align/context.ts, each article one source).
 */
function scoreEcbPairs(
  pairs: readonly EcbPair[],
  clusters: ReadonlyMap<string, EcbCluster>,
  batching: EcbBatching,
): EcbPairScores {
  const sentence = new Array<number>(pairs.length).fill(0);
  const aligned = new Array<number>(pairs.length).fill(0);
  const overlaps = new Array<number>(pairs.length).fill(Number.NaN);
  const byBatch = new Map<string, number[]>();
  pairs.forEach((p, k) => {
    const ids =
      batching === 'topic'
        ? [...topicClusters(p.doc1), ...topicClusters(p.doc2)]
        : [clusterOfDoc(p.doc1), clusterOfDoc(p.doc2)];
    const key = [...new Set(ids)].sort().join('+');
    const list = byBatch.get(key) ?? [];
    list.push(k);
    byBatch.set(key, list);
  });
  const context = DEFAULT_OPTIONS.context;
  for (const [key, idx] of byBatch) {
    const texts: string[] = [];
    const sourceOf: number[] = [];
    const docIndex = new Map<string, number>();
    const pos = new Map<string, number>();
    for (const cid of key.split('+')) {
      const c = clusters.get(cid);
      if (!c) continue;
      for (const d of c.docs) {
        const doc = docIndex.size;
        docIndex.set(d.name, doc);
        d.lines.forEach((l, i) => {
          if (i === 0 && d.name.includes('ecbplus')) return;
          pos.set(`${d.name}#${i}`, texts.length);
          texts.push(l);
          sourceOf.push(doc);
        });
      }
    }
    // A sentence missing from the articles is a source of its own (it names too little to give context).
    let sources = docIndex.size;
    const extra = (t: string) => {
      texts.push(t);
      sourceOf.push(sources++);
      return texts.length - 1;
    };
    const ids = idx.map((k) => {
      const p = pairs[k]!;
      return [
        pos.get(`${p.doc1}#${p.sent1}`) ?? extra(p.a),
        pos.get(`${p.doc2}#${p.sent2}`) ?? extra(p.b),
      ] as const;
    });
    const prepared = prepare(texts);
    const src = Int32Array.from(sourceOf);
    const overlap = sourceContext(prepared, src, sources, context.minNames);
    idx.forEach((k, n) => {
      const [a, b] = ids[n]!;
      const s = scorePair(prepared, a, b);
      const o = overlap[src[a]! * sources + src[b]!]!;
      sentence[k] = s;
      overlaps[k] = o;
      aligned[k] = withContext(s, o, context);
    });
  }
  return { sentence, aligned, overlap: overlaps };
}

interface EcbPairScores {
  readonly sentence: number[];
  readonly aligned: number[];
  /** Name overlap of the two sentences' articles (align/context.ts); NaN when one names too few. */
  readonly overlap: number[];
}

/**
 * The source context's floor and weight are chosen on this data, so they are checked leave-one-topic-out: for each
 * topic, the grid point with the best pair AUC on the other topics scores the held-out topic's pairs.
 */
function contextLeaveOneTopicOut(
  scores: EcbPairScores,
  labels: readonly number[],
  topics: readonly string[],
): { auc: number; chosen: Record<string, string> } {
  const grid: (readonly [number, number])[] = [];
  for (const floor of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35])
    for (const weight of [10, 20, 30, 40, 60]) grid.push([floor, weight]);
  const { auc, chosen } = leaveOneGroupOutAuc(
    grid,
    ([floor, weight], k) =>
      withContext(scores.sentence[k]!, scores.overlap[k]!, { ...DEFAULT_OPTIONS.context, floor, weight }),
    labels,
    topics,
  );
  return {
    auc: round(auc),
    chosen: Object.fromEntries(
      [...chosen].map(([topic, [floor, weight]]) => [`topic ${topic}`, `${floor}/${weight}`]),
    ),
  };
}

export function evalEcb(dir: string) {
  const clusters = loadEcbClusters(dir);
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const aligned = loadEcbPairs(join(dir, 'aligned_pairs.tsv'));
  const hard = loadEcbPairs(join(dir, 'hard_negative_pairs.tsv'));
  const runs = new Map<string, ClusterRun>();
  const t0 = performance.now();
  for (const c of clusters) runs.set(c.id, runCluster(c));
  const compareMs = performance.now() - t0;

  const sameGroup = (p: EcbPair): boolean => {
    const c1 = clusterOfDoc(p.doc1);
    if (c1 !== clusterOfDoc(p.doc2)) return false;
    const run = runs.get(c1);
    if (!run) return false;
    const u1 = run.unitsOf.get(p.doc1)?.get(p.sent1) ?? [];
    const u2 = run.unitsOf.get(p.doc2)?.get(p.sent2) ?? [];
    const g1 = new Set(u1.map((u) => run.groupOf.get(u)));
    return u2.some((u) => g1.has(run.groupOf.get(u)));
  };
  const predicted = aligned.map(sameGroup);
  const labels = aligned.map((p) => p.label);
  const pr = pairPrecisionRecall(predicted, labels);
  const hardGrouped = hard.filter(sameGroup).length;

  const threshold = DEFAULT_OPTIONS.align.threshold;
  const alignedBoth = scoreEcbPairs(aligned, byId, 'clusters');
  const hardBoth = scoreEcbPairs(hard, byId, 'clusters');
  const alignedScores = alignedBoth.aligned;
  const hardScores = hardBoth.aligned;
  const hardAbove = hardScores.filter((s) => s >= threshold).length;
  // AUC: labelled positives against every negative we have (labelled 0 and the hard negatives).
  const aucScores = [...alignedScores, ...hardScores];
  const aucLabels = [...labels, ...hard.map(() => 0)];
  // Precision of the pair score alone at the threshold (positives vs all negatives, as above).
  const atT = confusion(aucScores, aucLabels, threshold);
  const topicScores = [
    ...scoreEcbPairs(aligned, byId, 'topic').aligned,
    ...scoreEcbPairs(hard, byId, 'topic').aligned,
  ];
  // The sentence score alone (no source context): what sentence-level lexical evidence reaches.
  const sentenceScores = [...alignedBoth.sentence, ...hardBoth.sentence];
  // Readings of the "plain word overlap is about 0.83": every negative (the pooled AUC above), the
  // labelled pairs of aligned_pairs.tsv only, and positives against hard negatives only.
  const overlap = [...aligned, ...hard].map((p) => wordOverlap(p.a, p.b));
  const labelledOnly = (s: readonly number[]) => rocAuc(s.slice(0, aligned.length), labels);
  const vsHard = (s: readonly number[]) =>
    rocAuc(
      s.filter((_, i) => aucLabels[i] === 1 || i >= aligned.length),
      aucLabels.filter((l, i) => l === 1 || i >= aligned.length),
    );
  return {
    clusters: clusters.length,
    alignedPairs: aligned.length,
    positives: labels.filter((l) => l === 1).length,
    hardNegatives: hard.length,
    grouping: {
      precision: round(pr.precision),
      recall: round(pr.recall),
      f1: round(pr.f1),
      counts: pr.counts,
      hardNegativesGrouped: hardGrouped,
    },
    pairScore: {
      auc: round(rocAuc(aucScores, aucLabels)),
      aucTopicBatch: round(rocAuc(topicScores, aucLabels)),
      aucSentenceOnly: round(rocAuc(sentenceScores, aucLabels)),
      contextLeaveOneTopicOut: contextLeaveOneTopicOut(
        {
          sentence: sentenceScores,
          aligned: aucScores,
          overlap: [...alignedBoth.overlap, ...hardBoth.overlap],
        },
        aucLabels,
        [...aligned, ...hard].map((p) => clusterOfDoc(p.doc1).slice(0, 2)),
      ),
      baselineWordOverlapAuc: round(rocAuc(overlap, aucLabels)),
      baselineWordOverlapAucLabelledOnly: round(labelledOnly(overlap)),
      baselineWordOverlapAucVsHardNegatives: round(vsHard(overlap)),
      aucLabelledOnly: round(labelledOnly(aucScores)),
      aucVsHardNegatives: round(vsHard(aucScores)),
      threshold,
      precisionAtThreshold: round(atT.tp + atT.fp ? atT.tp / (atT.tp + atT.fp) : 0),
      recallAtThreshold: round(atT.tp + atT.fn ? atT.tp / (atT.tp + atT.fn) : 0),
      hardNegativesAboveThreshold: round(hard.length ? hardAbove / hard.length : 0),
    },
    compareMs: Math.round(compareMs),
    sweep: [0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5].map((t) => {
      const c = confusion(aucScores, aucLabels, t);
      return {
        threshold: t,
        precision: round(c.tp / Math.max(1, c.tp + c.fp)),
        recall: round(c.tp / Math.max(1, c.tp + c.fn)),
        hardAbove: round(hardScores.filter((s) => s >= t).length / Math.max(1, hard.length)),
      };
    }),
  };
}

async function evalQuotesIfPresent(): Promise<unknown> {
  const here = dirname(new URL(import.meta.url).pathname);
  const file = join(here, 'eval-quotes.ts');
  if (!existsSync(file)) return { skipped: 'src/cli/eval-quotes.ts is not there yet' };
  const mod = (await import(pathToFileURL(file).href)) as { evaluateQuotes?: (dir: string) => unknown };
  if (typeof mod.evaluateQuotes !== 'function') return { skipped: 'eval-quotes.ts has no evaluateQuotes()' };
  return await mod.evaluateQuotes('eval/quotes');
}

async function main(argv: readonly string[]): Promise<number> {
  const data = arg(argv, '--data');
  if (!data) {
    process.stderr.write('Usage: npm run eval -- --data <benchmarks folder> [--out file.json]\n');
    return 2;
  }
  const out = resolve(arg(argv, '--out') ?? '.eval/latest.json');
  const figures: Record<string, unknown> = { date: new Date().toISOString().slice(0, 10) };
  const mrpcFile = join(data, 'mrpc', 'msr_paraphrase_train.txt');
  if (existsSync(mrpcFile)) {
    const m = evalMrpc(mrpcFile);
    figures.mrpc = m;
    console.log(
      `MRPC train (${m.pairs} pairs, 10-fold CV threshold): accuracy ${m.cv.accuracy} F1 ${m.cv.f1} AUC ${m.auc} (threshold ${m.cv.threshold})`,
    );
  } else console.log(`MRPC: skipped, ${mrpcFile} not found`);
  for (const year of ['2013', '2014']) {
    const f = join(data, 'sts-headlines', `${year}_headlines.tsv`);
    if (!existsSync(f)) continue;
    const s = evalSts(f);
    figures[`sts${year}`] = s;
    console.log(`STS headlines ${year} (${s.pairs} pairs, EMM): Pearson ${s.pearson} Spearman ${s.spearman}`);
  }
  const ecbDir = join(data, 'ecbplus-dev');
  if (existsSync(ecbDir)) {
    const e = evalEcb(ecbDir);
    figures.ecb = e;
    console.log(
      `ECB+ dev (${e.clusters} clusters): grouping precision ${e.grouping.precision} recall ${e.grouping.recall}; pair AUC ${e.pairScore.auc} (topic IDF ${e.pairScore.aucTopicBatch}; sentence score alone ${e.pairScore.aucSentenceOnly}; context chosen leave-one-topic-out ${e.pairScore.contextLeaveOneTopicOut.auc}; word overlap ${e.pairScore.baselineWordOverlapAuc}, labelled pairs only ${e.pairScore.baselineWordOverlapAucLabelledOnly}); hard negatives above threshold ${e.pairScore.hardNegativesAboveThreshold}`,
    );
  } else console.log(`ECB+: skipped, ${ecbDir} not found`);
  const quotes = await evalQuotesIfPresent();
  figures.quotes = quotes;
  console.log(`Quotes: ${JSON.stringify(quotes)}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(figures, null, 2) + '\n');
  console.log(`Figures written to ${out}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`eval failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
