import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions } from './options.ts';

describe('resolveOptions', () => {
  it('merges a partial section over the frozen defaults', () => {
    const o = resolveOptions({ align: { threshold: 0.7 } });
    expect(o.align.threshold).toBe(0.7);
    expect(o.align.candidatesPerUnit).toBe(DEFAULT_OPTIONS.align.candidatesPerUnit);
    expect(o.clean).toEqual(DEFAULT_OPTIONS.clean);
  });

  it('keeps the defaults frozen', () => {
    expect(Object.isFrozen(DEFAULT_OPTIONS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_OPTIONS.align)).toBe(true);
  });
});
