import { describe, expect, it } from 'vitest';
import { generateCorpus } from './corpus.ts';

describe('bench corpus generator', () => {
  it('is deterministic and close to the requested size', () => {
    const a = generateCorpus({ sources: 3, wordsPerSource: 500 });
    expect(generateCorpus({ sources: 3, wordsPerSource: 500 })).toEqual(a);
    expect(a).toHaveLength(3);
    for (const s of a) {
      const n = s.text.split(/\s+/).length;
      expect(n).toBeGreaterThanOrEqual(500);
      expect(n).toBeLessThan(600);
    }
    expect(new Set(a.map((s) => s.text)).size).toBe(3);
  });
});
