import { describe, expect, it } from 'vitest';
import { SubstringIds } from './intern.ts';

describe('SubstringIds', () => {
  it('numbers substrings in order of first appearance, like a Map filled with map.size', () => {
    const ids = new SubstringIds();
    const text = 'the cat saw the dog and the cat';
    const got = text.split(' ').map((w, k, all) => {
      const start = all.slice(0, k).join(' ').length + (k > 0 ? 1 : 0);
      return ids.idOf(text, start, start + w.length);
    });
    expect(got).toEqual([0, 1, 2, 0, 3, 4, 0, 1]);
    expect(ids.word(3)).toBe('dog');
  });

  it('keeps every distinct word apart through growth, and forgets everything on clear', () => {
    const ids = new SubstringIds();
    const words = Array.from({ length: 5000 }, (_, k) => `w${k.toString(36)}`);
    const text = words.join(' ');
    let pos = 0;
    const first = words.map((w) => {
      const id = ids.idOf(text, pos, pos + w.length);
      pos += w.length + 1;
      return id;
    });
    expect(first).toEqual(words.map((_, k) => k));
    expect(words.every((w, k) => ids.idOf(w, 0, w.length) === k && ids.word(k) === w)).toBe(true);
    ids.clear();
    expect(ids.size).toBe(0);
    expect(ids.idOf('w1', 0, 2)).toBe(0);
  });
});
