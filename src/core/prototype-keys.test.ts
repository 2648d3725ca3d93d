import { describe, expect, it } from 'vitest';
import { compare } from './compare.ts';
import { tokenize } from './align/tokens.ts';

// Word tables are plain objects: a lookup by an article's word must only find the table's own keys, never
// Object.prototype members such as "constructor" or "toString" (found by the performance pass, issue 3).
describe('words that name Object.prototype members', () => {
  const words = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

  it('are ordinary words to the tokenizer', () => {
    for (const w of words) {
      for (const t of tokenize(`The ${w} was named on Monday.`)) {
        expect(typeof t.key === 'function').toBe(false);
        expect(JSON.stringify(t)).not.toContain('function');
      }
      expect(tokenize(w).every((t) => t.type !== 'number')).toBe(true);
    }
  });

  it('compare treats them as text and finds no number or date conflict', () => {
    const a = 'The constructor said the valueOf the toString contract was high on Monday.';
    const b = 'The constructor said the valueOf the toString contract was high on Monday, officials said.';
    const c = compare([
      { id: 'a', outlet: 'A', text: a },
      { id: 'b', outlet: 'B', text: b },
    ]);
    expect(c.problems).toEqual([]);
    expect(c.report.discrepancies).toEqual([]);
    expect(c.groups.some((g) => g.sourceIds.length === 2)).toBe(true);
  });
});
