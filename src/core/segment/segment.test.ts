import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanSource } from '../clean/clean.ts';
import { DEFAULT_OPTIONS } from '../options.ts';
import { segmentSource } from './segment.ts';
import { splitSentences } from './sentences.ts';

const seed = (f: string): string =>
  readFileSync(new URL(`../../../public/sample/${f}`, import.meta.url), 'utf8');
const segment = (text: string, maxSentenceLength = DEFAULT_OPTIONS.segment.maxSentenceLength) => {
  const input = { id: 's', outlet: 'S', text };
  return segmentSource(input, cleanSource(input, DEFAULT_OPTIONS.clean), {
    ...DEFAULT_OPTIONS.segment,
    maxSentenceLength,
  });
};
const sentences = (text: string) =>
  splitSentences(text, 0, text.length, 'en', 1000).map((s) => text.slice(s.start, s.end));

describe('sentence repairs', () => {
  it('does not break after titles, initials, dotted acronyms, months, decimals or mid-sentence ellipses', () => {
    expect(
      sentences('U.S. President Donald Trump met Mr. Putin and Dr. Smith on Sept. 5. It went well.'),
    ).toEqual(['U.S. President Donald Trump met Mr. Putin and Dr. Smith on Sept. 5.', 'It went well.']);
    expect(
      sentences(
        'John F. Kennedy Jr. spoke for 3.5 hours... and then left. The U.S. Congressional panel met.',
      ),
    ).toEqual([
      'John F. Kennedy Jr. spoke for 3.5 hours... and then left.',
      'The U.S. Congressional panel met.',
    ]);
    expect(
      sentences('Gen. Lt. Col. Sen. Rep. Gov. Prof. St. James vs. Acme Inc. filed. No. 10 said nothing.'),
    ).toEqual(['Gen. Lt. Col. Sen. Rep. Gov. Prof. St. James vs. Acme Inc. filed.', 'No. 10 said nothing.']);
  });

  it('keeps a break after an abbreviation that ends the sentence', () => {
    expect(sentences('He moved to the U.S. The move was quick. Prices rose, etc. But not much.')).toEqual([
      'He moved to the U.S.',
      'The move was quick.',
      'Prices rose, etc.',
      'But not much.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentences('He said: “We will not give in.” Then he left. She said "No." It ended.')).toEqual([
      'He said: “We will not give in.”',
      'Then he left.',
      'She said "No."',
      'It ended.',
    ]);
  });

  it('splits non-Latin scripts sensibly', () => {
    expect(sentences('你好。我是记者！真的吗？')).toEqual(['你好。', '我是记者！', '真的吗？']);
    expect(sentences('Он сказал. Потом ушёл.')).toEqual(['Он сказал.', 'Потом ушёл.']);
  });
});

describe('segmentSource', () => {
  it('finds the Scopex headline, lede and body, and skips the removed bio and links', () => {
    const r = segment(seed('scopex.txt'));
    expect(r.title).toBe(
      'Putin Warns West: Foreign Forces in Ukraine Will Be a Legitimate Target for Russia',
    );
    expect(r.headlineUnitId).toBe('s:u0');
    expect(r.units[1]?.position).toBe('lede');
    expect(r.units.at(-1)?.text).toContain('White House continues efforts');
    expect(r.units.some((u) => u.text.includes('Marina'))).toBe(false);
  });

  it('reads the wire seed one paragraph per line, with two sub-headings and no headline', () => {
    const r = segment(seed('wire-report.txt'));
    expect(r.title).toBeUndefined();
    expect(r.units.filter((u) => u.kind === 'heading').map((u) => u.text)).toEqual([
      'Divide over Ukraine’s security',
      'Stalled diplomacy',
    ]);
    expect(r.paragraphs.length).toBe(11);
    expect(r.units[0]?.position).toBe('lede');
  });

  it('handles CRLF and CR line ends like LF', () => {
    const lf = segment('Title Line Here\n\nFirst para. Second sentence.\n\nLast para.');
    const crlf = segment('Title Line Here\r\n\r\nFirst para. Second sentence.\r\n\r\nLast para.');
    const cr = segment('Title Line Here\r\rFirst para. Second sentence.\r\rLast para.');
    const texts = (r: ReturnType<typeof segment>) => r.units.map((u) => `${u.position}:${u.text}`);
    expect(texts(crlf)).toEqual(texts(lf));
    expect(texts(cr)).toEqual(texts(lf));
  });

  it('starts the first unit after a dateline', () => {
    const r = segment('VLADIVOSTOK, Sept 5 (Reuters) - Putin warned the West on Friday. He said more.');
    expect(r.units[0]?.text).toBe('Putin warned the West on Friday.');
  });

  it('cuts a 50,000-character run without punctuation into units no longer than the limit', () => {
    const text = 'word '.repeat(10_000);
    const r = segment(text);
    expect(r.units.length).toBeGreaterThan(40);
    for (const u of r.units) expect(u.end - u.start).toBeLessThanOrEqual(1000);
  });

  it('keeps offsets right around emoji and combining characters', () => {
    const text = 'The flag 🇺🇦 flew. Cafe\u0301 owners 👍🏽 cheered. Done.';
    for (const u of segment(text).units) expect(text.slice(u.start, u.end)).toBe(u.text);
  });
});

describe('segmentSource properties', () => {
  it('never throws; units round-trip, are ordered, disjoint, trimmed and within the length cap, for arbitrary unicode', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 20, max: 200 }),
        (text, max) => {
          const r = segment(text, max);
          let pos = 0;
          r.units.forEach((u, i) => {
            expect(u.index).toBe(i);
            expect(u.start).toBeGreaterThanOrEqual(pos);
            expect(u.end).toBeGreaterThan(u.start);
            expect(text.slice(u.start, u.end)).toBe(u.text);
            expect(u.text.trim()).toBe(u.text);
            expect(u.end - u.start).toBeLessThanOrEqual(max);
            pos = u.end;
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
