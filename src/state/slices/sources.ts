import type { SourcesSlice, SliceCreator } from './types.ts';

function without<T>(list: readonly T[], item: T): T[] {
  return list.filter((x) => x !== item);
}

export const createSourcesSlice: SliceCreator<SourcesSlice> = (set, get) => ({
  sources: [],
  lastRemoved: null,

  addSources(docs) {
    if (docs.length === 0) return;
    const taken = new Set(get().sources.map((s) => s.id));
    // Ids must stay unique: the engine keys every unit and correction by source id.
    const fresh = docs.filter((d) => !taken.has(d.id));
    set((s) => ({ sources: [...s.sources, ...fresh] }));
  },

  updateSource(id, patch) {
    set((s) => ({ sources: s.sources.map((d) => (d.id === id ? { ...d, ...patch } : d)) }));
  },

  removeSource(id) {
    const index = get().sources.findIndex((d) => d.id === id);
    const doc = get().sources[index];
    if (!doc) return;
    set((s) => ({
      sources: s.sources.filter((d) => d.id !== id),
      lastRemoved: { doc, index },
      options: s.options.referenceSourceId === id ? { ...s.options, referenceSourceId: null } : s.options,
      // Old undo notices refer to an earlier removal that can no longer be undone.
      ui: { ...s.ui, notices: s.ui.notices.filter((n) => n.action?.kind !== 'undo-remove-source') },
    }));
    get().notify('info', `Removed “${doc.outlet}”.`, { kind: 'undo-remove-source', label: 'Undo' });
  },

  undoRemoveSource() {
    const removed = get().lastRemoved;
    if (!removed) return;
    set((s) => {
      if (s.sources.some((d) => d.id === removed.doc.id)) return { lastRemoved: null };
      const sources = [...s.sources];
      sources.splice(Math.min(removed.index, sources.length), 0, removed.doc);
      return {
        sources,
        lastRemoved: null,
        ui: { ...s.ui, notices: s.ui.notices.filter((n) => n.action?.kind !== 'undo-remove-source') },
      };
    });
  },

  moveSource(id, delta) {
    set((s) => {
      const i = s.sources.findIndex((d) => d.id === id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= s.sources.length) return {};
      const sources = [...s.sources];
      const a = sources[i];
      const b = sources[j];
      if (!a || !b) return {};
      sources[i] = b;
      sources[j] = a;
      return { sources };
    });
  },

  restoreRemoval(sourceId, removalId) {
    set((s) => ({
      sources: s.sources.map((d) =>
        d.id === sourceId && !d.restored.includes(removalId)
          ? { ...d, restored: [...d.restored, removalId] }
          : d,
      ),
    }));
  },

  unrestoreRemoval(sourceId, removalId) {
    set((s) => ({
      sources: s.sources.map((d) =>
        d.id === sourceId && d.restored.includes(removalId)
          ? { ...d, restored: without(d.restored, removalId) }
          : d,
      ),
    }));
  },
});
