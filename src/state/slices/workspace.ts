import { DEFAULT_WORKSPACE_OPTIONS } from '../../lib/workspace-model.ts';
import { toWorkspace } from '../selectors/workspace.ts';
import type { WorkspaceSlice, SliceCreator } from './types.ts';

export const RESTORE_PREVIOUS_LABEL = 'Restore previous workspace';

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => ({
  previousWorkspace: null,
  hydrated: false,
  firstVisit: false,

  replaceWorkspace(ws) {
    set((s) => ({
      sources: ws.sources,
      options: ws.options,
      corrections: ws.corrections,
      comparison: null,
      lastRemoved: null,
      ui: { ...s.ui, focusedGroupId: null, hoveredUnitId: null },
    }));
  },

  openWorkspace(ws, fileName) {
    const s = get();
    const previous = s.sources.length > 0 ? toWorkspace(s) : s.previousWorkspace;
    get().replaceWorkspace(ws);
    set((st) => ({
      previousWorkspace: previous,
      lastRemoved: null,
      ui: {
        ...st.ui,
        notices: st.ui.notices.filter(
          (n) => n.action?.kind !== 'undo-remove-source' && n.action?.kind !== 'restore-previous-workspace',
        ),
      },
    }));
    const count = ws.sources.length;
    const text = `Opened “${fileName}” (${count} ${count === 1 ? 'source' : 'sources'}).`;
    if (previous) {
      get().notify('info', `${text} The previous workspace is kept until you dismiss this notice.`, {
        kind: 'restore-previous-workspace',
        label: RESTORE_PREVIOUS_LABEL,
      });
    } else {
      get().notify('info', text);
    }
  },

  newWorkspace() {
    const s = get();
    // An empty workspace is not worth keeping, and must not replace a previous one still waiting to be restored.
    const previous = s.sources.length > 0 ? toWorkspace(s) : s.previousWorkspace;
    set((st) => ({
      sources: [],
      options: DEFAULT_WORKSPACE_OPTIONS,
      corrections: [],
      comparison: null,
      lastRemoved: null,
      previousWorkspace: previous,
      ui: {
        ...st.ui,
        focusedGroupId: null,
        hoveredUnitId: null,
        notices: st.ui.notices.filter(
          (n) => n.action?.kind !== 'undo-remove-source' && n.action?.kind !== 'restore-previous-workspace',
        ),
      },
    }));
    if (previous) {
      get().notify(
        'info',
        'Started a new workspace. The previous one is kept until you dismiss this notice.',
        {
          kind: 'restore-previous-workspace',
          label: RESTORE_PREVIOUS_LABEL,
        },
      );
    }
  },

  restorePreviousWorkspace() {
    const previous = get().previousWorkspace;
    if (!previous) return;
    get().replaceWorkspace(previous);
    set((s) => ({
      previousWorkspace: null,
      ui: { ...s.ui, notices: s.ui.notices.filter((n) => n.action?.kind !== 'restore-previous-workspace') },
    }));
  },

  setPreviousWorkspace(previousWorkspace) {
    set({ previousWorkspace });
  },

  setHydrated(firstVisit) {
    set({ hydrated: true, firstVisit });
  },
});
