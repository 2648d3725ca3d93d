import type { ComparisonSlice, SliceCreator } from './types.ts';

export const createComparisonSlice: SliceCreator<ComparisonSlice> = (set) => ({
  comparison: null,
  compareStatus: { phase: 'idle', stage: '', progress: 0 },
  setComparison(comparison) {
    set({ comparison });
  },
  setCompareStatus(compareStatus) {
    set({ compareStatus });
  },
});
