import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../compare.ts';
import { DEFAULT_OPTIONS } from '../options.ts';
import { sourceContext, withContext } from './context.ts';
import { prepare } from './features.ts';

const O = DEFAULT_OPTIONS.context;

describe('sourceContext', () => {
  // Three one-sentence sources: 0 and 1 name the same people and places, 2 names others.
  const texts = [
    'Officials said Maria Lopez met Tom Hale and Ana Ruiz in Dorset.',
    'Yesterday Maria Lopez met Tom Hale and Ana Ruiz in Dorset, officials said.',
    'Officials said Greta Vogel met Ivo Marek and Lena Stahl in Bremen.',
  ];
  const p = prepare(texts);
  const sourceOf = Int32Array.from([0, 1, 2]);

  it('is 1 for the same names, 0 for none shared, symmetric, with 1 on the diagonal', () => {
    const c = sourceContext(p, sourceOf, 3, 3);
    expect(c[0 * 3 + 1]).toBeCloseTo(1, 10);
    expect(c[0 * 3 + 2]).toBe(0);
    expect(c[2 * 3 + 0]).toBe(c[0 * 3 + 2]);
    expect([c[0], c[4], c[8]]).toEqual([1, 1, 1]);
  });

  it('gives no verdict (NaN) for a source that names too few', () => {
    const c = sourceContext(p, sourceOf, 3, 10);
    expect(Number.isNaN(c[1])).toBe(true);
  });
});

describe('withContext', () => {
  it('keeps the sentence score at or above the floor and when the overlap is unknown', () => {
    expect(withContext(0.4, O.floor, O)).toBe(0.4);
    expect(withContext(0.4, 1, O)).toBe(0.4);
    expect(withContext(0.4, Number.NaN, O)).toBe(0.4);
    expect(withContext(0.4, 0, { ...O, weight: 0 })).toBeCloseTo(0.4, 12);
  });

  it('lowers the score below the floor, more the less the sources share', () => {
    expect(withContext(0.4, 0.2, O)).toBeLessThan(0.4);
    expect(withContext(0.4, 0, O)).toBeLessThan(withContext(0.4, 0.2, O));
  });

  it('is monotone in both arguments, stays in [0, 1] and keeps 0 and 1', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, (s1, s2, c1, c2) => {
        const [sa, sb] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [ca, cb] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const v = withContext(sa, ca, O);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(v).toBeLessThanOrEqual(withContext(sb, ca, O));
        expect(v).toBeLessThanOrEqual(withContext(sa, cb, O));
      }),
    );
    expect(withContext(0, 0, O)).toBe(0);
    expect(withContext(1, 0, O)).toBe(1);
  });
});

describe('compare with source context', () => {
  // Two reports of a flood in Marlow and one of a flood in Kelby written to the same pattern (ECB+'s "sibling
  // events"): the sentences match, the people and places do not.
  const marlowA = `Heavy rain caused the River Tamsin to burst its banks on Sunday, flooding more than 300 homes in Marlow.

Emergency crews from Harwick and Stoke Vale evacuated residents of the Eastgate estate by boat, said Fire Chief Deborah Quill.

The Environment Agency issued a severe flood warning for the Tamsin until Tuesday.`;
  const marlowB = `Hundreds of people in Marlow were evacuated on Sunday after heavy rain made the River Tamsin burst its banks.

Fire Chief Deborah Quill said crews from Harwick and Stoke Vale had used boats to reach the Eastgate estate.

A severe flood warning remains in place for the Tamsin until Tuesday, the Environment Agency said.`;
  const kelby = `Heavy rain caused the River Orrin to burst its banks on Saturday, flooding about 40 homes in Kelby.

Crews from Ashby evacuated residents of the Millfield estate by boat, said Station Manager Paul Greer of Northfield Fire.

The Met Office issued a flood warning for the Orrin until Monday.`;
  const sources = [
    { id: 'a', outlet: 'Valley Courier', text: marlowA },
    { id: 'b', outlet: 'Tamsin Herald', text: marlowB },
    { id: 'k', outlet: 'Northern Post', text: kelby },
  ];
  const scoreOf = (c: ReturnType<typeof compare>, a: string, b: string) =>
    c.pairs.find((p) => p.a === a && p.b === b)?.score;

  it('scores a sibling event’s sentence lower than without context, and leaves one event’s pairs alone', () => {
    const on = compare(sources);
    const off = compare(sources, { context: { weight: 0 } });
    const kelbyGroups = (c: typeof on) =>
      c.groups.filter((g) => g.sourceIds.includes('k') && g.unitIds.length > 1).length;
    expect(kelbyGroups(on)).toBeLessThan(kelbyGroups(off));
    expect(scoreOf(on, 'a:u0', 'b:u0')).toBe(scoreOf(off, 'a:u0', 'b:u0'));
  });

  it('reports the name overlap of every pair of sources, as the aligner used it', () => {
    const { names } = compare(sources).report;
    expect(names.map((n) => `${n.a}-${n.b}`)).toEqual(['a-b', 'a-k', 'b-k']);
    const of = (a: string, b: string) => names.find((n) => n.a === a && n.b === b)!.overlap!;
    expect(of('a', 'b')).toBeGreaterThanOrEqual(O.floor);
    expect(of('a', 'k')).toBeLessThan(O.floor);
    const few = compare([
      sources[0]!,
      { id: 'z', outlet: 'Brief', text: 'Rain fell on the town. Roads flooded.' },
    ]);
    expect(few.report.names).toEqual([{ a: 'a', b: 'z', overlap: null, lowered: false }]);
    expect(names.map((n) => n.lowered)).toEqual([false, true, true]);
    const off = compare(sources, { context: { weight: 0 } }).report.names;
    expect(off.map((n) => n.lowered)).toEqual([false, false, false]);
  });
});
