import { describe, expect, it } from 'vitest';
import {
  buildLedger,
  normaliseQuote,
  quoteDiff,
  selectLedger,
  sharedWordsOf,
  type WordRun,
} from './quotes.ts';
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

  it('marks the words a different translation shares with the reference instead of diffing it', () => {
    const [scopex, wire] = ledger.speakers[0]?.entries[0]?.variants ?? [];
    expect(scopex?.sharedWords).toBeNull();
    // 5 shared words of 13 + 9: share 10/22 < 0.5.
    expect(wire?.sharedWords?.filter((r) => r.shared).map((r) => r.text)).toEqual([
      'We',
      'will',
      'legitimate targets for',
    ]);
    expect(wire?.sharedWords?.map((r) => r.text).join('')).toBe(wire?.text);
    // The cut "working conditions and security." inside a nine-word quote shares 8/13 and stays a diff.
    expect(ledger.speakers[0]?.entries[1]?.variants[1]?.sharedWords).toBeNull();
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

describe('shared words of two wordings of one utterance', () => {
  const shared = (from: string, to: string) => sharedWordsOf(quoteDiff(from, to));
  const marked = (runs: readonly WordRun[] | null) => runs?.filter((r) => r.shared).map((r) => r.text);

  it('keeps the word diff while the wordings share at least half of their words', () => {
    expect(shared('we will strike them', 'we will hit them')).toBeNull(); // 2·3/8
    expect(shared('one two three four', 'one two five six')).toBeNull(); // 2·2/8, exactly half
    expect(shared('the same words', 'The same words!')).toBeNull();
  });

  it('marks the shared words once the wordings share less than half of their words', () => {
    const runs = shared('one two three four', 'one five six seven'); // 2·1/8
    expect(runs).toEqual([
      { text: 'one', shared: true },
      { text: ' five six seven', shared: false },
    ]);
  });

  it('marks only the words of a shared run, not the spaces and punctuation around them', () => {
    const to = 'Therefore, we regard them as legitimate targets for strikes.';
    const runs = shared('These will be legitimate targets for destruction,', to);
    expect(marked(runs)).toEqual(['legitimate targets for']);
    expect(runs?.map((r) => r.text).join('')).toBe(to);
  });

  it('treats a short cut inside a much longer quote as a cut, and counts words, not punctuation', () => {
    expect(marked(shared('security.', 'We will provide all necessary conditions and security,'))).toEqual([
      'security',
    ]);
    expect(shared('“,”', '—')).toBeNull();
  });

  it('does not count a change of case as a change of wording, and keeps the variant’s own text', () => {
    const to = 'We will provide all necessary conditions';
    const diff = quoteDiff('we will provide all necessary conditions', to);
    expect(diff.map((p) => p.op)).toEqual(['equal']);
    expect(diff.map((p) => p.text).join('')).toBe(to);
  });

  it('does not count a curly apostrophe against a straight one as a change', () => {
    const to = 'we don’t trust his words';
    const diff = quoteDiff("We don't trust his words", to);
    expect(diff.map((p) => p.op)).toEqual(['equal']);
    expect(diff.map((p) => p.text).join('')).toBe(to);
    expect(quoteDiff("we don't", 'we won’t').map((p) => p.op)).toContain('insert');
  });

  it('takes its threshold from an options object', () => {
    expect(
      sharedWordsOf(quoteDiff('we will strike them', 'we will hit them'), { maxShare: 0.9 }),
    ).not.toBeNull();
  });
});
