import type { Correction } from '../../core/model.ts';
import type { CorrectionsSlice, SliceCreator } from './types.ts';

function samePair(x: Correction, y: Correction): boolean {
  return (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a);
}

/**
 * Adds a correction, keeping at most one link-or-unlink and one relation per pair of units: a later "unlink"
 * replaces an earlier "link" of the same two units (and vice versa), and a later relation label replaces an
 * earlier one. Unlinking a pair also drops its relation label, which no longer applies.
 */
export function withCorrection(list: readonly Correction[], c: Correction): Correction[] {
  const kept = list.filter((x) => {
    if (!samePair(x, c)) return true;
    if (c.kind === 'relation') return x.kind !== 'relation';
    return false;
  });
  return [...kept, c];
}

export const createCorrectionsSlice: SliceCreator<CorrectionsSlice> = (set) => ({
  corrections: [],

  addCorrection(c) {
    if (c.a === c.b) return;
    set((s) => ({ corrections: withCorrection(s.corrections, c) }));
  },

  removeCorrection(index) {
    set((s) =>
      index < 0 || index >= s.corrections.length
        ? {}
        : { corrections: s.corrections.filter((_, i) => i !== index) },
    );
  },
});
