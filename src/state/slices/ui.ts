import type { UiSlice, UiState, SliceCreator } from './types.ts';

export const INITIAL_UI: UiState = Object.freeze({
  tab: 'side-by-side',
  filter: 'all',
  focusedGroupId: null,
  hoveredUnitId: null,
  notices: [],
});

/** At most this many notices are kept: older ones scroll away so the top of the page stays usable. */
const MAX_NOTICES = 5;

let noticeCounter = 0;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  ui: INITIAL_UI,

  setTab(tab) {
    set((s) => (s.ui.tab === tab ? {} : { ui: { ...s.ui, tab } }));
  },
  setFilter(filter) {
    set((s) => (s.ui.filter === filter ? {} : { ui: { ...s.ui, filter } }));
  },
  focusGroup(focusedGroupId) {
    set((s) => (s.ui.focusedGroupId === focusedGroupId ? {} : { ui: { ...s.ui, focusedGroupId } }));
  },
  hoverUnit(hoveredUnitId) {
    set((s) => (s.ui.hoveredUnitId === hoveredUnitId ? {} : { ui: { ...s.ui, hoveredUnitId } }));
  },

  notify(tone, text, action) {
    const same = get().ui.notices.find(
      (n) => n.tone === tone && n.text === text && n.action?.kind === action?.kind,
    );
    if (same) return same.id;
    noticeCounter += 1;
    const id = `notice-${noticeCounter}`;
    set((s) => ({
      ui: {
        ...s.ui,
        notices: [...s.ui.notices, { id, tone, text, ...(action ? { action } : {}) }].slice(-MAX_NOTICES),
      },
    }));
    return id;
  },

  dismissNotice(id) {
    const notice = get().ui.notices.find((n) => n.id === id);
    set((s) => ({
      ui: { ...s.ui, notices: s.ui.notices.filter((n) => n.id !== id) },
      // Dismissing "Restore previous workspace" is the user's confirmation that the old workspace can go.
      ...(notice?.action?.kind === 'restore-previous-workspace' ? { previousWorkspace: null } : {}),
      ...(notice?.action?.kind === 'undo-remove-source' ? { lastRemoved: null } : {}),
    }));
  },
});
