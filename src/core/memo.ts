// Bounded memos of pure functions of a string (a word, a sentence). A comparison meets the same words and sentences
// many times (one unit is diffed and fact-checked against each partner in its group; a long-lived worker compares
// again after every edit), so the engine memoises a few pure steps. Invariant: a memo never changes a result, only
// its cost; each empties itself when it reaches its bound, so a worker's memory stays bounded.
//
// All memos register here so that `clearMemos()` can start a run cold: the speed benchmark times a fresh worker.

const registry: { clear(): void }[] = [];

/** Register a memo that is not made by memoByText, so that clearMemos() empties it too. Returns it. */
export function registerMemo<T extends { clear(): void }>(memo: T): T {
  registry.push(memo);
  return memo;
}

/** `fn`, remembered for up to `max` distinct inputs. `fn` must be pure and its results never mutated. */
export function memoByText<T>(fn: (text: string) => T, max: number): (text: string) => T {
  const cache = new Map<string, T>();
  registry.push(cache);
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= max) cache.clear();
    cache.set(text, value);
    return value;
  };
}

/** Empty every memo (benchmarks: each timed run starts cold). Results never depend on it. */
export function clearMemos(): void {
  for (const cache of registry) cache.clear();
}
