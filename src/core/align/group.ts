// Grouping scored pairs into claims (issue 3 stage 5). Plain transitive chaining (connected components of the
// pairs above threshold) merges everything on a busy story: A~B and B~C put A and C together even when A and C
// were scored as different. So this is constrained average-linkage agglomeration:
//   - pairs above the threshold are taken strongest first (ties by unit order: deterministic);
//   - two clusters merge only when the mean of every SCORED pair between them is still at or above the threshold
//     (a pair scored low between them vetoes the chain; pairs never scored are not counted), and
//   - a merged cluster holds at most one unit per source, except 1:n: a single unit may join a cluster that
//     already has a unit of its own source when the two are adjacent sentences of that source (one outlet split
//     a sentence in two) and the pair is clearly a split: `isSplit(single, partner)` when given (compare checks
//     that the partner contains most of the single unit's words), else a strong score (threshold + ONE_TO_N_MARGIN);
//   - the user's corrections act here: `mustLink` pairs are merged first whatever the rules say, `cannotLink`
//     pairs never end up in one cluster.

import type { PairTable } from './pair-table.ts';

export const ONE_TO_N_MARGIN = 0.15;

export interface GroupInput {
  readonly n: number;
  readonly sourceOf: Int32Array;
  /** Index of each unit within its source (for the adjacency test of 1:n). */
  readonly indexOf: Int32Array;
  /** Every scored pair (including those below the threshold: they veto chains). */
  readonly pairs: PairTable;
  /** Units that may be grouped by score; pairs touching any other unit are ignored (mustLink still applies). */
  readonly eligible?: Uint8Array;
  readonly threshold: number;
  readonly mustLink?: readonly (readonly [number, number])[];
  readonly cannotLink?: readonly (readonly [number, number])[];
  /** For 1:n: is unit `single` one half of a sentence that `partner` (another source) states whole? */
  readonly isSplit?: (single: number, partner: number) => boolean;
}

/** Clusters as sorted arrays of unit indices, ordered by their first member. Every unit is in exactly one. */
export function groupUnits(input: GroupInput): number[][] {
  const { n, sourceOf, indexOf, threshold, pairs, eligible } = input;

  const forbidden = new Set<number>();
  for (const [i, j] of input.cannotLink ?? []) forbidden.add(i < j ? i * n + j : j * n + i);

  // Cluster ids change on every merge, so a cached refusal never outlives the clusters it was about.
  const clusterOf = new Int32Array(n);
  for (let u = 0; u < n; u++) clusterOf[u] = u;
  // Members by cluster id (ids stay below 2n). A unit never merged is its own cluster and has no array until it
  // is needed: a Map with a one-element array per unit was ~4 ms and ~0.7 MB per comparison on the 50 x 2k bench.
  const memberLists: (number[] | undefined)[] = new Array<number[] | undefined>(2 * n).fill(undefined);
  const membersOf = (c: number): number[] => memberLists[c] ?? [c];
  let nextId = n;
  const merge = (a: number, b: number) => {
    const ma = membersOf(a);
    const mb = membersOf(b);
    const id = nextId++;
    // ma grows in place (same order as ma.concat(mb)): a's list is retired below, and a new array per merge was
    // ~1 MB of garbage per comparison on the 50 x 2k bench.
    const all = ma;
    for (const u of mb) all.push(u);
    for (const u of all) clusterOf[u] = id;
    memberLists[a] = undefined;
    memberLists[b] = undefined;
    memberLists[id] = all;
  };

  const hasForbidden = (ma: readonly number[], mb: readonly number[]) => {
    if (forbidden.size === 0) return false;
    for (const x of ma) for (const y of mb) if (forbidden.has(x < y ? x * n + y : y * n + x)) return true;
    return false;
  };

  for (const [i, j] of input.mustLink ?? []) {
    const a = clusterOf[i]!;
    const b = clusterOf[j]!;
    if (a !== b) merge(a, b);
  }

  // Pair indices above the threshold, strongest first, ties by unit order (i, j): a total order, so deterministic.
  let edgeCount = 0;
  const edges = new Int32Array(pairs.size);
  for (let k = 0; k < pairs.size; k++) {
    if (pairs.score(k) < threshold) continue;
    if (eligible && !(eligible[pairs.i(k)] && eligible[pairs.j(k)])) continue;
    edges[edgeCount++] = k;
  }
  pairs.sortStrongestFirst(edges, edgeCount);
  const sortedEdges = edges.subarray(0, edgeCount);
  const refused = new Set<number>();
  // Stamp per source: which sources the cluster being checked holds (avoids a Set per merge attempt).
  let sourceCount = 0;
  for (let u = 0; u < n; u++) sourceCount = Math.max(sourceCount, sourceOf[u]! + 1);
  const stamp = new Int32Array(sourceCount);
  let stampId = 0;
  for (const e of sortedEdges) {
    const i = pairs.i(e);
    const j = pairs.j(e);
    const s = pairs.score(e);
    const a = clusterOf[i]!;
    const b = clusterOf[j]!;
    if (a === b) continue;
    // Cluster ids stay below 2n, so this numeric key is exact and unique per unordered pair.
    const key = a < b ? a * 2 * n + b : b * 2 * n + a;
    if (refused.has(key)) continue;
    const ma = membersOf(a);
    const mb = membersOf(b);
    if (!canMerge(ma, mb, s, i, j) || hasForbidden(ma, mb)) {
      refused.add(key);
      continue;
    }
    merge(a, b);
  }

  function canMerge(ma: readonly number[], mb: readonly number[], s: number, i: number, j: number): boolean {
    // Source constraint, with the 1:n exception for a single split sentence.
    // Indexed loops and a clash count rather than for-of and filter: canMerge runs for every edge above the
    // threshold, and the iterators and clash arrays were ~1 MB per comparison on the 50 x 2k bench.
    stampId++;
    for (let x = 0; x < ma.length; x++) stamp[sourceOf[ma[x]!]!] = stampId;
    let clashes = 0;
    for (let y = 0; y < mb.length; y++) if (stamp[sourceOf[mb[y]!]!] === stampId) clashes++;
    if (clashes > 0) {
      const single = ma.length === 1 ? ma[0]! : mb.length === 1 ? mb[0]! : -1;
      if (single < 0 || clashes > 1) return false;
      const partner = single === i ? j : i;
      const split = input.isSplit ? input.isSplit(single, partner) : s >= threshold + ONE_TO_N_MARGIN;
      if (!split) return false;
      const other = ma.length === 1 ? mb : ma;
      // Exactly one sentence of the single's source may be there already: the clash count above only sees the
      // single when it is mb, so a cluster already holding a split (two units of that source) would otherwise
      // take a third.
      let sibling = -1;
      for (let x = 0; x < other.length; x++) {
        if (sourceOf[other[x]!] !== sourceOf[single]) continue;
        if (sibling >= 0) return false;
        sibling = other[x]!;
      }
      if (sibling < 0 || Math.abs(indexOf[sibling]! - indexOf[single]!) !== 1) return false;
    }
    // Average linkage over the pairs that were scored.
    let sum = 0;
    let count = 0;
    for (let p = 0; p < ma.length; p++) {
      const x = ma[p]!;
      for (let q = 0; q < mb.length; q++) {
        const y = mb[q]!;
        if (sourceOf[x] === sourceOf[y]) continue;
        // Members of a merged cluster are all eligible (edges and mustLink only join eligible units).
        // indexOf + score rather than get(): a `number | undefined` result is boxed when get is not inlined.
        const k = pairs.indexOf(x, y);
        if (k < 0) continue;
        sum += pairs.score(k);
        count++;
      }
    }
    return count > 0 && sum / count >= threshold;
  }

  // Every unit's final cluster, once: a never-merged unit is found by its own id, a merged cluster by its first
  // unit. Sorted by first member as before (first members differ, so the order is total).
  const clusters: number[][] = [];
  for (let u = 0; u < n; u++) {
    const c = clusterOf[u]!;
    if (c === u) clusters.push([u]);
    else {
      const list = memberLists[c];
      if (list !== undefined) {
        clusters.push(list.sort((x, y) => x - y));
        memberLists[c] = undefined;
      }
    }
  }
  clusters.sort((x, y) => x[0]! - y[0]!);
  return clusters;
}
