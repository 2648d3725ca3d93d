import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyRelation, unmatched } from './relation.ts';
import { findDiscrepancies } from './facts.ts';
import { diffUnits } from './word-diff.ts';
import type { Unit } from '../model.ts';
import { DEFAULT_OPTIONS } from '../options.ts';

const unit = (text: string, id: string): Unit => ({
  id,
  sourceId: id,
  index: 0,
  kind: 'sentence',
  text,
  start: 0,
  end: text.length,
  paragraph: 0,
  position: 'body',
});
function label(a: string, b: string) {
  const ua = unit(a, 'a');
  const ub = unit(b, 'b');
  const { parts } = diffUnits(a, b, DEFAULT_OPTIONS.diff);
  return classifyRelation({ a: ua, b: ub, parts, discrepancies: findDiscrepancies(ua, ub) });
}

describe('classifyRelation', () => {
  it('identical modulo case, punctuation, quote marks and spacing', () => {
    expect(label('Putin said: “No.”', 'putin  said "no"')).toBe('identical');
  });
  it('minor: a word or two, spelling variants, number spellings', () => {
    expect(
      label(
        'Putin warned on Friday that troops would be targets.',
        'Putin said on Friday that troops would be targets.',
      ),
    ).toBe('minor');
    expect(label('Twenty-six countries pledged troops.', '26 countries pledged troops.')).toBe('minor');
    expect(
      label(
        'He met Volodymyr Zelenskiy and Donald Trump in Alaska.',
        'He met Volodymyr Zelensky and Donald Trump in Alaska.',
      ),
    ).toBe('minor');
  });
  it('adds-detail: one side contains the other plus more', () => {
    expect(
      label('The summit was held.', 'The summit, attended by 26 countries and the EU in Paris, was held.'),
    ).toBe('adds-detail');
  });
  it('paraphrase: same claim, different words', () => {
    expect(
      label(
        'Reaching agreement on core issues would be practically impossible, Putin said.',
        'Putin argued that it would be almost impossible to agree on the key questions.',
      ),
    ).toBe('paraphrase');
  });
  it('conflicting: any disagreeing fact wins', () => {
    expect(label('26 countries pledged troops on Friday.', '35 leaders pledged troops on Friday.')).toBe(
      'conflicting',
    );
    expect(label('The talks were held on Friday.', 'The talks were held on Monday.')).toBe('conflicting');
  });
});

describe('classifyRelation properties', () => {
  const sentence = fc
    .array(
      fc.constantFrom(
        'Putin',
        'said',
        'warned',
        'troops',
        'on',
        'Friday',
        'Monday',
        '26',
        'twenty-six',
        '35',
        'the',
        'Zelenskiy',
        'Zelenskyy',
        ',',
        'Sept',
        '5',
        'in',
        'Moscow',
        'Prime Minister Keir Starmer',
        'Prime Minister Rishi Sunak',
        '45%',
        '2014',
      ),
      { maxLength: 25 },
    )
    .map((ws) => ws.join(' '));
  it('does not depend on which unit is a and which is b (source order independence)', () => {
    fc.assert(
      fc.property(sentence, sentence, (x, y) => {
        expect(label(x, y)).toBe(label(y, x));
      }),
      { numRuns: 300 },
    );
  });
  it('labels a sentence identical to itself', () => {
    fc.assert(
      fc.property(sentence, (x) => {
        expect(label(x, x)).toBe('identical');
      }),
    );
  });
});

describe('unmatched (multiset difference size)', () => {
  /** The reference: counts of y in a Map, each word of x takes one. */
  const byMap = (x: readonly string[], y: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const w of y) counts.set(w, (counts.get(w) ?? 0) + 1);
    let n = 0;
    for (const w of x) {
      const c = counts.get(w) ?? 0;
      if (c > 0) counts.set(w, c - 1);
      else n++;
    }
    return n;
  };
  it('counts the words of x that y does not match, repeats included, short and long stretches alike', () => {
    const words = fc.array(fc.constantFrom('the', 'a', 'troops', '26', 'said'), { maxLength: 40 });
    fc.assert(
      fc.property(words, words, (x, y) => {
        expect(unmatched(x, y)).toBe(byMap(x, y));
      }),
      { numRuns: 500 },
    );
  });
});
