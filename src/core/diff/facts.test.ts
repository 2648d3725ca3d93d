import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractFacts, findDiscrepancies, sameSurname } from './facts.ts';
import type { Unit } from '../model.ts';

const unit = (text: string, start = 0): Unit => ({
  id: 's:u0',
  sourceId: 's',
  index: 0,
  kind: 'sentence',
  text,
  start,
  end: start + text.length,
  paragraph: 0,
  position: 'body',
});
const pairs = (a: string, b: string) =>
  findDiscrepancies(unit(a), unit(b)).map((d) => [d.kind, d.a.text, d.b.text]);

describe('extractFacts', () => {
  it('reads digits, number words, percentages, money, dates and years', () => {
    const facts = extractFacts(
      'On 12 March 2022, 2,000 troops, three hundred and fifty tanks, 40% and $5 million arrived in 2021.',
    );
    expect(facts.map((f) => [f.kind, f.text, f.value ?? f.year ?? null])).toEqual([
      ['date', '12 March 2022', 2022],
      ['number', '2,000', 2000],
      ['number', 'three hundred and fifty', 350],
      ['number', '40%', 40],
      ['number', '$5 million', 5e6],
      ['date', '2021', 2021],
    ]);
  });

  it('ignores names with digits and a bare "one"', () => {
    expect(extractFacts('One of the G7 states sent F-16 jets; COVID-19 spread.')).toEqual([]);
  });

  it('does not read the verb "may" as a month', () => {
    expect(extractFacts('Talks may resume, he said.')).toEqual([]);
    expect(extractFacts('Talks resume on May 5.')[0]).toMatchObject({ kind: 'date', month: 5, day: 5 });
  });

  it('finds a person named with a role', () => {
    expect(extractFacts('Russian President Vladimir Putin spoke.')[0]).toMatchObject({
      kind: 'name',
      text: 'Vladimir Putin',
      role: 'russian president',
      surname: 'Putin',
    });
  });
});

describe('findDiscrepancies', () => {
  it('flags different numbers and weekdays', () => {
    expect(pairs('26 countries met on Friday.', '35 leaders met on Monday.')).toEqual([
      ['number', '26', '35'],
      ['weekday', 'Friday', 'Monday'],
    ]);
  });

  it('flags different years, dates and percentages', () => {
    expect(pairs('The treaty of 2014 was cited.', 'The treaty of 2015 was cited.')).toEqual([
      ['date', '2014', '2015'],
    ]);
    expect(pairs('He spoke on Sept 5.', 'He spoke on September 6.')).toEqual([
      ['date', 'Sept 5', 'September 6'],
    ]);
    expect(pairs('Turnout was 45%.', 'Turnout was 54 percent.')).toEqual([['number', '45%', '54 percent']]);
  });

  it('flags a different person in the same role', () => {
    expect(pairs('Prime Minister Keir Starmer said so.', 'Prime Minister Rishi Sunak said so.')).toEqual([
      ['name', 'Keir Starmer', 'Rishi Sunak'],
    ]);
  });

  it('does not flag agreeing spellings', () => {
    expect(pairs('Twenty-six countries signed.', '26 countries signed.')).toEqual([]);
    expect(pairs('He spoke on Sept 5, 2025.', 'He spoke on September 5.')).toEqual([]);
    expect(
      pairs('Ukrainian President Volodymyr Zelenskiy', 'Ukrainian President Volodymyr Zelenskyy'),
    ).toEqual([]);
    expect(pairs('It cost $5 million.', 'It cost 5 million dollars.')).toEqual([]);
  });

  it('does not flag facts that are merely absent from one side', () => {
    expect(pairs('26 countries pledged troops on Friday.', 'Countries pledged troops.')).toEqual([]);
    expect(pairs('Five people died.', 'Five people died and 12 were hurt on Monday.')).toEqual([]);
  });

  it('gives offsets into each unit’s source text', () => {
    const a = unit('Troops: 26.', 100);
    const b = unit('Troops: 35.', 7);
    const [d] = findDiscrepancies(a, b);
    expect(d).toEqual({
      kind: 'number',
      a: { text: '26', start: 108, end: 110 },
      b: { text: '35', start: 15, end: 17 },
    });
  });

  it('never throws and keeps offsets inside the units on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (x, y) => {
        for (const d of findDiscrepancies(unit(x), unit(y))) {
          expect(x.slice(d.a.start, d.a.end)).toBe(d.a.text);
          expect(y.slice(d.b.start, d.b.end)).toBe(d.b.text);
        }
      }),
    );
  });
});

describe('sameSurname', () => {
  it('matches transliteration variants but not different people', () => {
    expect(sameSurname('Zelenskiy', 'Zelensky')).toBe(true);
    expect(sameSurname('Putin’s', 'Putin')).toBe(true);
    expect(sameSurname('Starmer', 'Sunak')).toBe(false);
  });
});
