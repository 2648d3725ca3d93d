import { DEFAULT_WORKSPACE_OPTIONS } from '../../lib/workspace-model.ts';
import type { OptionsSlice, SliceCreator } from './types.ts';

export const createOptionsSlice: SliceCreator<OptionsSlice> = (set) => ({
  options: DEFAULT_WORKSPACE_OPTIONS,

  setThreshold(v) {
    // Null means "the engine's default"; anything else is clamped into the score range [0, 1].
    const threshold = v == null || !Number.isFinite(v) ? null : Math.min(1, Math.max(0, v));
    set((s) => (s.options.threshold === threshold ? {} : { options: { ...s.options, threshold } }));
  },

  setReferenceSource(id) {
    set((s) =>
      s.options.referenceSourceId === id ? {} : { options: { ...s.options, referenceSourceId: id } },
    );
  },

  setCleaning(on) {
    set((s) => (s.options.cleaning === on ? {} : { options: { ...s.options, cleaning: on } }));
  },
});
