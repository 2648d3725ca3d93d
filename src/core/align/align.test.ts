import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates } from './candidates.ts';
import {
  FEATURE_COUNT,
  FEATURE_NAMES,
  fuzzyTokenMatch,
  lcsLengthBits,
  lcsLengthTable,
  pairFeatures,
  prepare,
  ALL,
  CONTENT,
  bagSize,
  fieldOf,
} from './features.ts';
import { groupUnits } from './group.ts';
import { sortStrongestFirst } from './order.ts';
import { PairTable } from './pair-table.ts';
import { fitLogistic, predict } from './logistic.ts';
import { scorePair, scoreTextPairs } from './scorer.ts';
import { stem } from './stem.ts';
import { tokenize } from './tokens.ts';
import { WEIGHTS } from './weights.ts';

describe('stem (Porter 1980)', () => {
  it('reduces inflections to one stem', () => {
    expect(stem('warned')).toBe(stem('warning'));
    expect(stem('strikes')).toBe(stem('strike'));
    expect(stem('ponies')).toBe('poni');
    expect(stem('caresses')).toBe('caress');
    expect(stem('relational')).toBe('relat');
    expect(stem('hopping')).toBe('hop');
    expect(stem('generalization')).toBe('gener');
  });
  it('leaves non-English-letter words alone', () => {
    expect(stem('zelenskyy’s')).toBe('zelenskyy’s');
    expect(stem('2025')).toBe('2025');
  });
});

describe('tokenize', () => {
  it('types numbers, names, stop words and quoted words, and flags negation', () => {
    const t = tokenize('Putin said “we will not strike” 1,000 targets in Ukraine.');
    const byKey = new Map(t.map((x) => [x.key, x]));
    expect(byKey.get('1000')!.type).toBe('number');
    expect(byKey.get('ukrain')!.type).toBe('name');
    expect(byKey.get('will')!.type).toBe('stop');
    expect(byKey.get('strike')!.quoted).toBe(true);
    expect(byKey.get('target')!.quoted).toBe(false);
    expect(t.some((x) => x.negation)).toBe(true);
  });
  it('reads number words as numbers', () => {
    expect(tokenize('twelve people').map((x) => x.key)).toEqual(['12', 'peopl']);
  });
});

describe('prepare', () => {
  it('gives verbatim copies one text index (one set of fields) and counts every copy in the IDF', () => {
    const p = prepare(['Ferry fares rise', 'Council votes', 'Ferry fares rise', 'Ferry strike']);
    expect([...p.textOf]).toEqual([0, 1, 0, 2]);
    const ferry = p.keys.indexOf(tokenize('ferry')[0]!.key);
    expect(p.df[ferry]).toBe(3);
    // The same IDF as four separate texts would give: a copy is a unit like any other.
    const q = prepare(['Ferry fares rise', 'Council votes', 'Ferry fares rise ', 'Ferry strike']);
    expect([...p.idf]).toEqual([...q.idf]);
  });
});

describe('prepare fields', () => {
  it('holds texts denser than its first size guess (many short words) intact', () => {
    // Two-letter words: ~3 field entries per character, past the 2 per character prepare sizes for at first.
    const words = Array.from({ length: 676 }, (_, k) =>
      String.fromCharCode(97 + Math.floor(k / 26), 97 + (k % 26)),
    );
    const texts = [words.join(' '), 'Ferry fares rise', words.slice(0, 50).join(' ')];
    const p = prepare(texts);
    texts.forEach((t, u) => {
      const ids = fieldOf(p, u, ALL);
      expect([...ids].map((id) => p.keys[id])).toEqual(tokenize(t).map((x) => x.key));
      expect(bagSize(p, u)).toBe(new Set(fieldOf(p, u, CONTENT)).size);
    });
  });
});

describe('features and score', () => {
  it('matches spelling variants of a name but not short look-alikes', () => {
    expect(fuzzyTokenMatch('zelenskiy', 'zelenskyy')).toBe(true);
    expect(fuzzyTokenMatch('war', 'was')).toBe(false);
    expect(fuzzyTokenMatch('strike', 'destruct')).toBe(false);
  });
  it('has one weight per model input and symmetric features in [0, 1] for the ratios', () => {
    expect(WEIGHTS).toHaveLength(FEATURE_COUNT + (FEATURE_COUNT * (FEATURE_COUNT + 1)) / 2);
    const p = prepare([
      'The council voted to close the terminal.',
      'Councillors voted to shut the terminal.',
    ]);
    const ab = new Float64Array(FEATURE_COUNT);
    const ba = new Float64Array(FEATURE_COUNT);
    pairFeatures(p, 0, 1, ab);
    pairFeatures(p, 1, 0, ba);
    expect([...ab]).toEqual([...ba]);
    for (const name of ['cosine', 'jaccard', 'containMin', 'bigramDice', 'lengthRatio'] as const) {
      const v = ab[FEATURE_NAMES.indexOf(name)]!;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
  it('sharedTopIdf sums the IDF weights of the two rarest exactly shared content words', () => {
    const p = prepare([
      'The quake struck Qeshm island on Sunday.',
      'A quake hit Qeshm island, officials said.',
      'The quake struck on Sunday.',
      'Officials said the quake was strong.',
    ]);
    const f = new Float64Array(FEATURE_COUNT);
    pairFeatures(p, 0, 1, f);
    const idfOf = (word: string) => p.idf[p.keys.indexOf(stem(word))]!;
    // Shared content stems: "quake", "qeshm", "island"; "quake" is in every unit, so it is the commonest and drops out.
    expect(f[FEATURE_NAMES.indexOf('sharedTopIdf')]).toBeCloseTo(idfOf('qeshm') + idfOf('island'), 12);
    pairFeatures(p, 1, 3, f);
    expect(f[FEATURE_NAMES.indexOf('sharedTopIdf')]).toBeGreaterThan(0);
    pairFeatures(p, 0, 3, f);
    // Only "quake" is shared: the second-largest weight is 0.
    expect(f[FEATURE_NAMES.indexOf('sharedTopIdf')]).toBeCloseTo(idfOf('quake'), 12);
  });
  it('unmatchedRunMax and unmatchedStopMax see an extra clause, wherever it sits', () => {
    const p = prepare([
      'The council voted to close the terminal.',
      'The council voted to close the terminal after storms flooded the old port.',
      'After storms flooded the old port, the council voted to close the terminal.',
      'The council, which met on Monday, voted to close the terminal.',
    ]);
    const f = new Float64Array(FEATURE_COUNT);
    const count = (name: (typeof FEATURE_NAMES)[number]) =>
      Math.round(Math.expm1(f[FEATURE_NAMES.indexOf(name)]!));
    for (const other of [1, 2]) {
      pairFeatures(p, 0, other, f);
      expect(count('unmatchedRunMax')).toBe(4); // storms flooded old port
      expect(count('unmatchedStopMax')).toBe(1); // after
    }
    pairFeatures(p, 0, 3, f);
    expect(count('unmatchedRunMax')).toBe(2); // met Monday
    expect(count('unmatchedStopMax')).toBe(2); // which, on
    pairFeatures(p, 1, 2, f);
    expect(count('unmatchedRunMax')).toBe(0);
    expect(count('unmatchedStopMax')).toBe(0);
  });
  it('scores a paraphrase and a number conflict (the same claim, conflicting) above an unrelated sentence', () => {
    const [para, other, conflict] = scoreTextPairs([
      [
        'Police arrested the suspect in Lyon on Monday.',
        'The suspect was arrested by police in Lyon on Monday.',
      ],
      ['Police arrested the suspect in Lyon on Monday.', 'Heavy rain is expected until the weekend.'],
      [
        'Officials said 12 people were injured in the blast.',
        'Officials said 45 people were killed in the blast.',
      ],
    ]);
    expect(para).toBeGreaterThan(other!);
    // A conflicting number is still the same claim: alignment must pair it so the diff can show the conflict.
    expect(conflict).toBeGreaterThan(other!);
    for (const s of [para, other, conflict]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    const p = prepare(['', '']);
    expect(scorePair(p, 0, 1)).toBeGreaterThanOrEqual(0);
  });
});

describe('findCandidates', () => {
  it('proposes pairs from other sources only, sharing content words', () => {
    const p = prepare([
      'ferry terminal closes',
      'ferry terminal shut',
      'terminal ferry vote',
      'rain tomorrow',
    ]);
    const c = findCandidates({
      prepared: p,
      sourceOf: Int32Array.from([0, 0, 1, 1]),
      eligible: Uint8Array.from([1, 1, 1, 1]),
      perUnit: 5,
    });
    expect([c.count, [...c.a], [...c.b]]).toEqual([2, [0, 1], [2, 2]]);
  });

  it('lists each pair once, sorted by (a, b), also for a unit that many others chose', () => {
    // Unit 0 and 60 units of other sources share one word; ties go to the lower unit, so every one of them
    // picks unit 0, and its row (60 partners) takes the long-row sort.
    const texts = [
      'quokka ferry',
      ...Array.from(
        { length: 60 },
        (_, k) => `quokka ${String.fromCharCode(97 + (k % 26), 97 + Math.floor(k / 26))}zz`,
      ),
    ];
    const sourceOf = Int32Array.from(texts, (_, k) => (k === 0 ? 0 : 1 + (k % 30)));
    const c = findCandidates({
      prepared: prepare(texts),
      sourceOf,
      eligible: new Uint8Array(texts.length).fill(1),
      perUnit: 4,
    });
    const pairs = Array.from({ length: c.count }, (_, k) => [c.a[k]!, c.b[k]!] as const);
    const sorted = [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(pairs).toEqual(sorted);
    expect(new Set(pairs.map(([i, j]) => `${i}:${j}`)).size).toBe(pairs.length);
    for (const [i, j] of pairs) expect(i < j && sourceOf[i] !== sourceOf[j]).toBe(true);
    expect(pairs.filter(([i]) => i === 0).length).toBeGreaterThan(32);
  });
});

describe('groupUnits', () => {
  const base = { sourceOf: Int32Array.from([0, 1, 2]), indexOf: Int32Array.from([0, 0, 0]), threshold: 0.5 };
  it('does not chain A~B, B~C into one group when A and C were scored as different', () => {
    const g = groupUnits({
      ...base,
      n: 3,
      pairs: PairTable.from([
        [0, 1, 0.9],
        [1, 2, 0.8],
        [0, 2, 0.05],
      ]),
    });
    expect(g).toEqual([[0, 1], [2]]);
  });
  it('merges a consistent triple', () => {
    const g = groupUnits({
      ...base,
      n: 3,
      pairs: PairTable.from([
        [0, 1, 0.9],
        [1, 2, 0.8],
        [0, 2, 0.7],
      ]),
    });
    expect(g).toEqual([[0, 1, 2]]);
  });
  it('allows 1:n only for adjacent sentences of one source and honours must/cannot links', () => {
    const oneToTwo = {
      n: 3,
      sourceOf: Int32Array.from([0, 1, 1]),
      indexOf: Int32Array.from([0, 4, 5]),
      threshold: 0.5,
      pairs: PairTable.from([
        [0, 1, 0.9],
        [0, 2, 0.8],
      ]),
    };
    expect(groupUnits(oneToTwo)).toEqual([[0, 1, 2]]);
    expect(groupUnits({ ...oneToTwo, indexOf: Int32Array.from([0, 4, 9]) })).toEqual([[0, 1], [2]]);
    expect(groupUnits({ ...oneToTwo, cannotLink: [[0, 1]] })).toEqual([[0, 2], [1]]);
    expect(groupUnits({ ...oneToTwo, pairs: new PairTable(), mustLink: [[0, 2]] })).toEqual([[0, 2], [1]]);
  });
  it('never puts a third sentence of one source into a split, even one adjacent to the second', () => {
    // Source 1 has three consecutive sentences (4, 5, 6), each close to unit 0: 5 joins, then 4 (a split), and 6,
    // adjacent to 5, must stay out. The cluster then lists 5 before 4, which once let 6 find 5 as "the" sibling.
    const g = groupUnits({
      n: 4,
      sourceOf: Int32Array.from([0, 1, 1, 1]),
      indexOf: Int32Array.from([0, 4, 5, 6]),
      threshold: 0.5,
      pairs: PairTable.from([
        [0, 2, 0.9],
        [0, 1, 0.85],
        [0, 3, 0.8],
      ]),
    });
    expect(g).toEqual([[0, 1, 2], [3]]);
  });
});

describe('fitLogistic', () => {
  it('separates a separable toy set', () => {
    const xs = [[0], [0.1], [0.2], [0.8], [0.9], [1]];
    const m = fitLogistic(xs, [0, 0, 0, 1, 1, 1], 0.1);
    expect(predict(m, [0.05])).toBeLessThan(0.5);
    expect(predict(m, [0.95])).toBeGreaterThan(0.5);
  });
});

describe('PairTable', () => {
  it('finds every pair whichever way round it is asked, keeps the first score, and grows', () => {
    const t = new PairTable(2);
    const n = 300;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j += 7) expect(t.add(j, i, i + j / 1000)).toBe(t.size - 1);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const expected = (j - i - 1) % 7 === 0 ? i + j / 1000 : undefined;
        expect(t.get(i, j)).toBe(expected);
        expect(t.get(j, i)).toBe(expected);
      }
    }
    const k = t.add(0, 1, 99);
    expect(t.score(k)).toBe(0.001);
    t.raise(k, 99);
    expect([t.i(k), t.j(k), t.score(k)]).toEqual([0, 1, 99]);
  });
});

describe('lcsLength', () => {
  it('is the LCS table length, on small alphabets (many repeats) and sequences around the 30/60-token limits', () => {
    const seq = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 75 }).map((xs) => Int32Array.from(xs));
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        expect(lcsLengthBits(a, b)).toBe(lcsLengthTable(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a full match of 60 tokens and ignores what lies past the limit', () => {
    const a = Int32Array.from({ length: 70 }, (_, i) => i);
    expect(lcsLengthBits(a, a)).toBe(60);
    expect(lcsLengthBits(a.subarray(0, 31), a.subarray(0, 30))).toBe(30);
    expect(lcsLengthBits(a.subarray(29, 61), a)).toBe(31);
  });
});

describe('sortStrongestFirst', () => {
  it('gives the order of the comparator sort it replaced (score down, then i, then j), ties included', () => {
    const pair = fc.record({
      s: fc.integer({ min: 0, max: 8 }).map((x) => x / 8),
      i: fc.integer({ min: 0, max: 5 }),
      j: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 120 }), (ps) => {
        const s = Float64Array.from(ps, (p) => p.s);
        const i = Int32Array.from(ps, (p) => p.i);
        const j = Int32Array.from(ps, (p) => p.j);
        const expected = Int32Array.from(ps, (_, k) => k).sort(
          (x, y) => (s[y]! > s[x]! ? 1 : s[y]! < s[x]! ? -1 : i[x]! - i[y]! || j[x]! - j[y]!) || x - y,
        );
        const got = Int32Array.from(ps, (_, k) => k);
        sortStrongestFirst(got, got.length, s, i, j);
        // Equal (s, i, j) keys may come in either order; compare the keys.
        expect(Array.from(got, (k) => [s[k], i[k], j[k]])).toEqual(
          Array.from(expected, (k) => [s[k], i[k], j[k]]),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('charDice (feature charDice)', () => {
  /** The reference: Dice over the sets of FNV-1a hashes of the lower-cased, space-folded text's 4-grams. */
  const gramSet = (text: string): Set<number> => {
    const t = ` ${text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;
    const out = new Set<number>();
    for (let i = 0; i + 4 <= t.length; i++) {
      let h = 0x811c9dc5;
      for (let k = i; k < i + 4; k++) h = Math.imul(h ^ t.charCodeAt(k), 16777619);
      out.add(h | 0);
    }
    return out;
  };
  const dice = (x: Set<number>, y: Set<number>) => {
    let shared = 0;
    for (const h of x) if (y.has(h)) shared++;
    return x.size + y.size > 0 ? (2 * shared) / (x.size + y.size) : 0;
  };
  const CHAR_DICE = FEATURE_NAMES.indexOf('charDice');

  it('is the Dice of the 4-gram hash sets, whatever the order of pairs and Prepared batches', () => {
    const word = fc.constantFrom(
      'Kyiv',
      'kiev',
      'the',
      'strike',
      'strikes',
      'Zelenskiy',
      'Zelenskyy',
      '26',
      'ÉTÉ',
      'a',
    );
    const text = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' '));
    const out = new Float64Array(FEATURE_COUNT);
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 2, maxLength: 6 }),
        fc.array(text, { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.nat()), { maxLength: 30 }),
        (t1, t2, calls) => {
          const batches = [
            { texts: t1, p: prepare(t1) },
            { texts: t2, p: prepare(t2) },
          ];
          for (const [which, x, y] of calls) {
            const { texts, p } = batches[which ? 1 : 0]!;
            const i = x % texts.length;
            const j = y % texts.length;
            pairFeatures(p, i, j, out);
            expect(out[CHAR_DICE]).toBe(dice(gramSet(texts[i]!), gramSet(texts[j]!)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
