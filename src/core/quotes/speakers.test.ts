import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Quote } from '../model.ts';
import { DEFAULT_OPTIONS } from '../options.ts';
import { resolveSpeakers, sameSpeakerName, speakerIdForName } from './speakers.ts';

const q = (sourceId: string, n: number, speakerText?: string): Quote => ({
  id: `${sourceId}:q${n}`,
  sourceId,
  unitId: `${sourceId}:u0`,
  unitIds: [`${sourceId}:u0`],
  start: n * 10,
  end: n * 10 + 5,
  text: 'words',
  kind: 'speech',
  speaker: null,
  ...(speakerText ? { speakerText } : {}),
  verb: 'said',
});

describe('sameSpeakerName', () => {
  it('joins transliteration variants and surname-only mentions, not different people', () => {
    expect(sameSpeakerName('Zelenskiy', 'Volodymyr Zelenskyy')).toBe(true);
    expect(sameSpeakerName('Zelensky', 'Zelenskyy')).toBe(true);
    expect(sameSpeakerName('Putin', 'Vladimir Putin')).toBe(true);
    expect(sameSpeakerName('V. Putin', 'Vladimir Putin')).toBe(true);
    expect(sameSpeakerName('Putin', 'Putnam')).toBe(false);
    expect(sameSpeakerName('Donald Trump', 'Melania Trump')).toBe(false);
    expect(sameSpeakerName('Emmanuel Macron', 'Vladimir Putin')).toBe(false);
  });
});

describe('resolveSpeakers', () => {
  const quotes = [
    q('a', 0, 'Volodymyr Zelenskiy'),
    q('a', 1, 'Vladimir Putin'),
    q('b', 0, 'Volodymyr Zelenskyy'),
    q('b', 1, 'Zelensky'),
    q('c', 0, 'Putin'),
    q('c', 1),
  ];

  it('gives one speaker per person whatever the spelling', () => {
    const r = resolveSpeakers(quotes, DEFAULT_OPTIONS.quotes);
    expect(r.speakers.map((s) => s.id)).toEqual(['sp:putin', 'sp:zelenskiy']);
    expect(r.speakers[1]?.variants).toEqual(['Volodymyr Zelenskiy', 'Volodymyr Zelenskyy', 'Zelensky']);
    expect(r.speakers[0]?.name).toBe('Vladimir Putin');
    expect(r.quotes.map((x) => x.speaker)).toEqual([
      'sp:zelenskiy',
      'sp:putin',
      'sp:zelenskiy',
      'sp:zelenskiy',
      'sp:putin',
      null,
    ]);
    expect(speakerIdForName('Zelenskyy', r.speakers)).toBe('sp:zelenskiy');
  });

  it('keeps the role seen most often before the name', () => {
    const titled = (n: number, title: string): Quote => ({
      ...q('a', n, 'Vladimir Putin'),
      speakerTitle: title,
    });
    const r = resolveSpeakers(
      [titled(0, 'Russian President'), titled(1, 'Russian President'), titled(2, 'President')],
      DEFAULT_OPTIONS.quotes,
    );
    expect(r.speakers[0]?.title).toBe('Russian President');
  });

  it('disambiguates two people who share a surname', () => {
    const r = resolveSpeakers(
      [q('a', 0, 'Donald Trump'), q('a', 1, 'Melania Trump')],
      DEFAULT_OPTIONS.quotes,
    );
    expect(r.speakers.map((s) => s.id)).toEqual(['sp:trump-donald', 'sp:trump-melania']);
  });

  it('gives the same result whatever order the quotes come in', () => {
    const expected = resolveSpeakers(quotes, DEFAULT_OPTIONS.quotes);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(quotes, { minLength: quotes.length, maxLength: quotes.length }),
        (shuffled) => {
          expect(resolveSpeakers(shuffled, DEFAULT_OPTIONS.quotes)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
