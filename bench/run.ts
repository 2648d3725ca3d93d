// `npm run bench` — speed of `compare` on generated corpora (issue 3, "Speed"). Not a test: prints figures and
// writes them to docs/bench-latest.md. For each corpus: the median time of `compare` (after a warm-up run), the
// median time of one tokenising pass over the same text with the aligner's tokenizer (the floor: no engine can
// avoid reading every word once), their ratio, and how the time grows when the input doubles.
// Targets (issue 3): 50 x 2k words <= 500 ms and <= 20x the floor; doubling the input grows time by <= 2.3x.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { compare } from '../src/core/compare.ts';
import { tokenize } from '../src/core/align/tokens.ts';
import { clearMemos } from '../src/core/memo.ts';
import type { SourceInput, Stats } from '../src/core/model.ts';
import { generateCorpus } from './corpus.ts';

const CASES = [
  { sources: 2, wordsPerSource: 1000 },
  { sources: 2, wordsPerSource: 2000 },
  { sources: 10, wordsPerSource: 1000 },
  { sources: 10, wordsPerSource: 2000 },
  { sources: 25, wordsPerSource: 2000 },
  { sources: 50, wordsPerSource: 1000 },
  { sources: 50, wordsPerSource: 2000 },
] as const;
/** Which case is "half" of which: [bigger, smaller]. */
const DOUBLINGS: readonly [string, string][] = [
  ['2x2k', '2x1k'],
  ['10x2k', '10x1k'],
  ['50x2k', '50x1k'],
  ['50x2k', '25x2k'],
];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const label = (c: { sources: number; wordsPerSource: number }) => `${c.sources}x${c.wordsPerSource / 1000}k`;

/** CPU milliseconds this process used (all threads, so GC helpers count too). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Wall-clock median (what the issue's targets are about) and CPU-time median: on a machine shared with other jobs
 * the wall clock includes waiting for a core, CPU time does not, so the pair tells load from cost.
 */
function timeCompare(sources: SourceInput[]): { ms: number; cpu: number; stats: Stats } {
  const now = () => performance.now();
  compare(sources, { now }); // warm-up: JIT, caches
  const times: number[] = [];
  const cpu: number[] = [];
  let stats: Stats | undefined;
  for (let i = 0; i < RUNS; i++) {
    // Every timed run starts cold (every memo of the engine empty), as a fresh worker does.
    clearMemos();
    const t0 = now();
    const c0 = cpuMs();
    const c = compare(sources, { now });
    cpu.push(cpuMs() - c0);
    times.push(now() - t0);
    stats = c.stats;
  }
  return { ms: median(times), cpu: median(cpu), stats: stats! };
}

function timeFloor(sources: SourceInput[]): { ms: number; cpu: number } {
  let sink = 0;
  for (const s of sources) sink += tokenize(s.text).length; // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < Math.max(RUNS, 9); i++) {
    clearMemos(); // cold, like compare's timed runs: the per-word memo would otherwise make the floor a lookup pass
    const t0 = performance.now();
    const c0 = cpuMs();
    for (const s of sources) sink += tokenize(s.text).length;
    cpu.push(cpuMs() - c0);
    times.push(performance.now() - t0);
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  return { ms: median(times), cpu: median(cpu) };
}

interface Row {
  name: string;
  words: number;
  ms: number;
  cpu: number;
  floor: number;
  floorCpu: number;
  stats: Stats;
}

const rows: Row[] = [];
for (const c of CASES) {
  const sources = generateCorpus(c);
  const words = sources.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
  const f = timeFloor(sources);
  const { ms, cpu, stats } = timeCompare(sources);
  const row = { name: label(c), words, ms, cpu, floor: f.ms, floorCpu: f.cpu, stats };
  const floor = f.ms;
  rows.push(row);
  console.log(
    `${row.name.padEnd(6)} ${String(words).padStart(7)} words  compare ${ms.toFixed(1).padStart(8)} ms (cpu ${cpu.toFixed(0)})  floor ${floor.toFixed(2).padStart(7)} ms  ratio ${(ms / floor).toFixed(1).padStart(5)}x  units ${stats.units}  candidates ${stats.candidatePairs}  scored ${stats.scoredPairs}${stats.budgetsHit.length ? `  budgets hit: ${stats.budgetsHit.join(', ')}` : ''}`,
  );
}

const byName = new Map(rows.map((r) => [r.name, r]));
const growth = DOUBLINGS.map(([big, small]) => {
  const b = byName.get(big)!;
  const s = byName.get(small)!;
  return { big, small, factor: b.ms / s.ms, cpuFactor: b.cpu / s.cpu };
});
for (const g of growth)
  console.log(`doubling ${g.small} -> ${g.big}: ${g.factor.toFixed(2)}x (cpu ${g.cpuFactor.toFixed(2)}x)`);

const largest = byName.get('50x2k')!;
const stageRows = Object.entries(largest.stats.timings).sort((a, b) => b[1] - a[1]);
console.log('50x2k per stage (ms, one run):', stageRows.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
const targets = [
  `50 x 2k: ${largest.ms.toFixed(0)} ms (target <= 500 ms) ${largest.ms <= 500 ? 'met' : 'MISSED'}`,
  `50 x 2k vs floor: ${(largest.ms / largest.floor).toFixed(1)}x (target <= 20x) ${largest.ms / largest.floor <= 20 ? 'met' : 'MISSED'}`,
  ...growth.map(
    (g) =>
      `doubling ${g.small} -> ${g.big}: ${g.factor.toFixed(2)}x (target <= 2.3x) ${g.factor <= 2.3 ? 'met' : 'MISSED'}`,
  ),
];
for (const t of targets) console.log(t);

const md = [
  '# Benchmark (latest run)',
  '',
  `\`npm run bench\` on ${cpus().length} CPU cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  `Median of ${RUNS} runs after a warm-up; the floor is one pass of the aligner's tokenizer over the same text.`,
  `Load average when the run ended: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min). Figures from a busy machine are inflated; compare ratios, not absolutes.`,
  '',
  '| corpus | words | compare (ms) | floor (ms) | compare / floor | compare CPU (ms) | floor CPU (ms) | units | candidate pairs |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.words} | ${r.ms.toFixed(1)} | ${r.floor.toFixed(2)} | ${(r.ms / r.floor).toFixed(1)}x | ${r.cpu.toFixed(0)} | ${r.floorCpu.toFixed(1)} | ${r.stats.units} | ${r.stats.candidatePairs} |`,
  ),
  '',
  '| input doubled | wall time grew by | CPU time grew by |',
  '| --- | ---: | ---: |',
  ...growth.map((g) => `| ${g.small} -> ${g.big} | ${g.factor.toFixed(2)}x | ${g.cpuFactor.toFixed(2)}x |`),
  '',
  'Targets (issue 3):',
  '',
  ...targets.map((t) => `- ${t}`),
  '',
  `Where the time goes on 50 x 2k (one run, ms): ${stageRows.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') || 'no timings reported'}.`,
  '',
];
writeFileSync(join(import.meta.dirname, '../docs/bench-latest.md'), md.join('\n'));
console.log('written docs/bench-latest.md');
