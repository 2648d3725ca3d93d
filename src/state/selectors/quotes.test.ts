import { describe, expect, it } from 'vitest';
import { buildLedger, normaliseQuote, selectLedger } from './quotes.ts';
import {
  DAILY,
  SCOPEX,
  SUMMIT_ORDER,
  WIRE,
  summitComparison,
} from '../../test/fixtures/comparison-summit.ts';

const comparison = summitComparison();
const ledger = buildLedger(comparison, SUMMIT_ORDER);

describe('quote ledger', () => {
  it('groups quotes by speaker with the spellings each outlet used', () => {
    expect(ledger.speakers.map((s) => s.name)).toEqual(['Vladimir Putin']);
    expect(ledger.speakers[0]?.variants).toEqual(['Putin']);
    expect(ledger.speakers[0]?.title).toBe('Russian President');
    expect(ledger.speakers[0]?.entries).toHaveLength(2);
  });

  it('shows each wording variant with its outlet, verb and a word diff against the first', () => {
    const strikes = ledger.speakers[0]?.entries[0];
    expect(strikes?.variants.map((v) => [v.outlet, v.verb])).toEqual([
      ['Scopex', 'said'],
      ['Wire report', 'said'],
    ]);
    expect(strikes?.variants[0]?.diff).toBeNull();
    const diff = strikes?.variants[1]?.diff ?? [];
    expect(
      diff
        .filter((p) => p.op === 'insert')
        .map((p) => p.text)
        .join(' '),
    ).toContain('strikes');
    expect(
      diff
        .filter((p) => p.op === 'delete')
        .map((p) => p.text)
        .join(' '),
    ).toContain('destruction');
    expect(strikes?.sameWording).toBe(false);
  });

  it('names outlets that paraphrase the quoted claim instead of quoting it', () => {
    const strikes = ledger.speakers[0]?.entries[0];
    expect(strikes?.paraphrases).toEqual([
      expect.objectContaining({ sourceId: DAILY, outlet: 'Daily Courier', groupId: 'g2' }),
    ]);
    expect(strikes?.absentFrom).toEqual([]);
  });

  it('detects a quote cut down from a longer one in another outlet', () => {
    const provide = ledger.speakers[0]?.entries[1];
    const scopex = provide?.variants.find((v) => v.sourceId === SCOPEX);
    const wire = provide?.variants.find((v) => v.sourceId === WIRE);
    expect(scopex?.truncationOf).toBe('Wire report');
    expect(scopex?.verb).toBe('promised');
    expect(wire?.truncationOf).toBeNull();
    expect(provide?.absentFrom).toEqual(['Daily Courier']);
  });

  it('lists unattributed quotes separately and scare-quoted terms on their own', () => {
    expect(ledger.unattributed.map((e) => e.variants.map((v) => v.text))).toEqual([
      ['Nobody trusts his words,'],
    ]);
    expect(ledger.terms).toEqual([
      {
        text: 'coalition of the willing',
        uses: [expect.objectContaining({ outlet: 'Scopex', groupId: 'g3' })],
      },
    ]);
  });

  it('normalises punctuation, case and curly apostrophes', () => {
    expect(normaliseQuote('We don’t feel,')).toBe("we don't feel");
  });

  it('is memoised per comparison', () => {
    expect(selectLedger(comparison, SUMMIT_ORDER)).toBe(selectLedger(comparison, [...SUMMIT_ORDER]));
  });
});
