import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import {
  diffUnits,
  editOps,
  forEachDiffToken,
  forEachDiffTokenByRegex,
  tokenizeForDiff,
  type EditOp,
} from './word-diff.ts';
import type { DiffPart } from '../model.ts';
import { clearMemos } from '../memo.ts';
import { DEFAULT_OPTIONS, type DiffOptions } from '../options.ts';

const o = DEFAULT_OPTIONS.diff;
const side = (parts: readonly DiffPart[], skip: DiffPart['op']) =>
  parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');

describe('diffUnits', () => {
  it('marks replaced words and keeps the rest equal', () => {
    const { parts, complete } = diffUnits(
      'The 26 countries met on Friday.',
      'The 35 leaders met on Monday.',
      o,
    );
    expect(complete).toBe(true);
    expect(parts).toEqual([
      { op: 'equal', text: 'The' },
      { op: 'delete', text: ' 26 countries' },
      { op: 'insert', text: ' 35 leaders' },
      { op: 'equal', text: ' met on' },
      { op: 'delete', text: ' Friday' },
      { op: 'insert', text: ' Monday' },
      { op: 'equal', text: '.' },
    ]);
  });

  it('round-trips different spacing exactly (where jsdiff diffWords would not)', () => {
    const { parts } = diffUnits('a  b c', 'a b d', o);
    expect(side(parts, 'insert')).toBe('a  b c');
    expect(side(parts, 'delete')).toBe('a b d');
  });

  it('treats curly and straight apostrophes as the same word but still round-trips', () => {
    const { parts } = diffUnits('Moscow’s view', "Moscow's view", o);
    expect(side(parts, 'insert')).toBe('Moscow’s view');
    expect(side(parts, 'delete')).toBe("Moscow's view");
  });

  it('falls back to a coarse diff when the edit budget runs out, and says so', () => {
    const a = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const b = Array.from({ length: 60 }, (_, i) => `w${59 - i}`).join(' ');
    const r = diffUnits(`Start ${a} end`, `Start ${b} end`, { ...o, maxEditLength: 5 });
    expect(r.complete).toBe(false);
    expect(r.parts[0]).toEqual({ op: 'equal', text: 'Start' });
    expect(r.parts.at(-1)).toEqual({ op: 'equal', text: ' end' });
    expect(side(r.parts, 'insert')).toBe(`Start ${a} end`);
  });

  it('is deterministic without a clock', () => {
    const a = 'Putin said troops would be legitimate targets for destruction.';
    const b = 'Putin warned that troops would be legitimate targets for strikes.';
    expect(diffUnits(a, b, o)).toEqual(diffUnits(a, b, o));
  });

  it('handles empty strings', () => {
    expect(diffUnits('', '', o)).toEqual({ parts: [], complete: true });
    expect(diffUnits('', 'New text', o).parts).toEqual([{ op: 'insert', text: 'New text' }]);
    expect(diffUnits('Old', '', o).parts).toEqual([{ op: 'delete', text: 'Old' }]);
  });

  it('tokenises words with inner apostrophes, hyphens and digit separators as one token', () => {
    expect(tokenizeForDiff("don't twenty-six 26,000 3.5 U.S.").map((t) => t.text)).toEqual([
      "don't",
      'twenty-six',
      '26,000',
      '3.5',
      'U.S',
      '.',
    ]);
  });
});

describe('diffUnits properties', () => {
  const wordy = fc
    .array(fc.constantFrom('the', 'The', 'troops', ' ', '  ', ',', '.', '“', '’', 'said', '26', '\n', 'é'), {
      maxLength: 30,
    })
    .map((xs) => xs.join(''));
  it('equal+delete gives a back and equal+insert gives b (word-like and arbitrary Unicode input)', () => {
    fc.assert(
      fc.property(fc.oneof(wordy, fc.string({ unit: 'grapheme' })), fc.oneof(wordy, fc.string()), (a, b) => {
        for (const maxEditLength of [400, 2]) {
          const { parts } = diffUnits(a, b, { ...o, maxEditLength });
          expect(side(parts, 'insert')).toBe(a);
          expect(side(parts, 'delete')).toBe(b);
          for (const p of parts) expect(p.text.length).toBeGreaterThan(0);
          // No two neighbours with the same op: parts are maximal.
          for (let i = 1; i < parts.length; i++) expect(parts[i]!.op === parts[i - 1]!.op).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Length of a longest common subsequence, by the textbook table: the reference editOps must reach. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!));
    prev = row;
  }
  return prev[b.length]!;
}

/** Token keys as ids, as the diff's tokenizer gives them: equal strings, equal ids. */
const ids = new Map<string, number>();
const idsOf = (keys: readonly string[]) =>
  keys.map((k) => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  });

/**
 * The reference for editOps: the same trimming and discarding, then jsdiff on every middle, also those editOps
 * builds itself (no shared token, or the same shared tokens in the same order).
 */
function editOpsBySearch(ka: readonly number[], kb: readonly number[], o: DiffOptions): EditOp[] | undefined {
  let p = 0;
  const max = Math.min(ka.length, kb.length);
  while (p < max && ka[p] === kb[p]) p++;
  let q = 0;
  while (q < max - p && ka[ka.length - 1 - q] === kb[kb.length - 1 - q]) q++;
  const inB = new Set(kb.slice(p, kb.length - q));
  const posA: number[] = [];
  for (let k = p; k < ka.length - q; k++) if (inB.has(ka[k]!)) posA.push(k);
  const inA = new Set(posA.map((k) => ka[k]!));
  const posB: number[] = [];
  for (let k = p; k < kb.length - q; k++) if (inA.has(kb[k]!)) posB.push(k);
  const changes = diffArrays(
    posA.map((k) => ka[k]!),
    posB.map((k) => kb[k]!),
    { maxEditLength: o.maxEditLength },
  );
  if (!changes) return undefined;
  const ops: EditOp[] = [];
  const push = (op: EditOp['op'], count: number) => {
    const last = ops[ops.length - 1];
    if (count === 0) return;
    if (op === 'equal' && last?.op === 'equal') last.count += count;
    else ops.push({ op, count });
  };
  push('equal', p);
  let ca = p;
  let cb = p;
  const gapTo = (ia: number, ib: number) => {
    push('delete', ia - ca);
    push('insert', ib - cb);
    ca = ia;
    cb = ib;
  };
  let x = 0;
  let y = 0;
  for (const c of changes) {
    if (c.removed) x += c.count;
    else if (c.added) y += c.count;
    else
      for (let k = 0; k < c.count; k++) {
        gapTo(posA[x]!, posB[y]!);
        push('equal', 1);
        ca++;
        cb++;
        x++;
        y++;
      }
  }
  gapTo(ka.length - q, kb.length - q);
  push('equal', q);
  return ops;
}

describe('editOps', () => {
  // Few distinct words, so repeats and ties are common; some only on one side (the tokens the search skips).
  const keys = fc.array(fc.constantFrom('the', 'a', 'troops', 'said', ',', '26', 'x', 'y', 'z'), {
    maxLength: 40,
  });
  it('pairs identical tokens, covers both lists and holds a longest common subsequence', () => {
    fc.assert(
      fc.property(keys, keys, (ka, kb) => {
        const ops = editOps(idsOf(ka), idsOf(kb), { ...o, maxEditLength: 400 });
        expect(ops).toBeDefined();
        let i = 0;
        let j = 0;
        let equal = 0;
        for (const { op, count } of ops!) {
          expect(count).toBeGreaterThan(0);
          for (let k = 0; k < count; k++) {
            if (op === 'equal') expect(ka[i++]).toBe(kb[j++]);
            else if (op === 'delete') i++;
            else j++;
          }
          if (op === 'equal') equal += count;
        }
        expect([i, j]).toEqual([ka.length, kb.length]);
        expect(equal).toBe(lcsLength(ka, kb));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the ops of the jsdiff search on every middle, within the budget or not', () => {
    fc.assert(
      fc.property(keys, keys, fc.integer({ min: 0, max: 12 }), (ka, kb, maxEditLength) => {
        const [ia, ib] = [idsOf(ka), idsOf(kb)];
        expect(editOps(ia, ib, { ...o, maxEditLength })).toEqual(
          editOpsBySearch(ia, ib, { ...o, maxEditLength }),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('does not count words only one side has against the edit budget', () => {
    const only = (tag: string) => Array.from({ length: 30 }, (_, k) => `${tag}${k}`);
    const ops = editOps(idsOf(['Start', ...only('a'), 'end']), idsOf(['Start', ...only('b'), 'end']), {
      ...o,
      maxEditLength: 5,
    });
    expect(ops).toEqual([
      { op: 'equal', count: 1 },
      { op: 'delete', count: 30 },
      { op: 'insert', count: 30 },
      { op: 'equal', count: 1 },
    ]);
  });
});

describe('diffUnits across memo clears', () => {
  it('gives the same parts after clearMemos (token ids and token lists are emptied together)', () => {
    const a = 'Officials said 26 countries would send troops on Friday.';
    const b = 'Officials said that 35 leaders would send forces on Monday.';
    const before = diffUnits(a, b, o);
    clearMemos();
    diffUnits('An unrelated sentence to take the first ids.', 'Another one.', o);
    expect(diffUnits(a, b, o)).toEqual(before);
  });
});

describe('forEachDiffToken', () => {
  it('finds the tokens the TOKEN_RE regexes find: separators, marks, digits, spaces and astral letters included', () => {
    const spans = (f: typeof forEachDiffToken, t: string) => {
      const out: number[] = [];
      f(t, (s, e) => out.push(s, e));
      return out;
    };
    const check = (alphabet: fc.Arbitrary<string>) =>
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
          const t = parts.join('');
          expect(spans(forEachDiffToken, t)).toEqual(spans(forEachDiffTokenByRegex, t));
        }),
        { numRuns: 3000 },
      );
    const bmp = "ab9'’-‐.,é\u0301Ω\u00a0\u2003\n\t\u0663\u3042_\u0000\u007f\u2019“$%".split('');
    check(fc.constantFrom(...bmp, "''", "x'y", 'a.b', 'a-.b', '3,5'));
    check(fc.constantFrom(...bmp, '𝐀', '\ud835', 'x'));
    check(fc.string({ unit: 'grapheme', maxLength: 8 }));
  });
});
