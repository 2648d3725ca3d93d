import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markFinder, nextMarkByLoop } from './marks.ts';

describe('markFinder', () => {
  const pieces = ['a', ' ', '"', "'", '«', '»', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '\n', 'é', '👍'];
  it('answers every call as the character loop does, whatever the order of the calls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
        (parts, calls) => {
          const text = parts.join('');
          const next = markFinder(text);
          for (const [x, y] of calls) {
            const from = x % (text.length + 2);
            const end = y % (text.length + 2);
            expect(next(from, end)).toBe(nextMarkByLoop(text, from, end));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
