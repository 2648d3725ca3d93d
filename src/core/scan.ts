// Left-to-right tokenising with two sticky regexes instead of a global search. matchAll and exec create a match
// object per token (and matchAll an iterator result and a regex clone per text); for the engine's per-word loops
// (aligner tokens, diff tokens, report words) those were several MB of garbage per comparison on the 50 x 2k bench.
// A sticky test() leaves the match end in lastIndex and allocates nothing.

/**
 * Calls visit(start, end) for each match of `token` in `text`, in order. `gap` must match exactly the runs of
 * characters that cannot start a `token` match, and every other character must start one: then these are the
 * matches a global search with `token` finds. Both regexes must be sticky ('y').
 */
export function forEachMatch(
  text: string,
  gap: RegExp,
  token: RegExp,
  visit: (start: number, end: number) => void,
): void {
  let pos = 0;
  while (pos < text.length) {
    gap.lastIndex = pos;
    if (gap.test(text)) pos = gap.lastIndex;
    if (pos >= text.length) break;
    token.lastIndex = pos;
    // Never false after a gap (see above); the check only keeps the loop finite whatever the regexes.
    if (!token.test(text)) break;
    const end = token.lastIndex;
    visit(pos, end);
    pos = end;
  }
}
