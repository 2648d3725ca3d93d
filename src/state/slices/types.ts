// The shape of the one Parallax store (UI contract, "Store"). Facts (sources, options, corrections) are saved and
// exported; everything else is derived (comparison) or transient (ui) and never saved.

import type { StateCreator } from 'zustand';
import type { Comparison, Correction } from '../../core/model.ts';
import type { SourceDoc, Workspace, WorkspaceOptions } from '../../lib/workspace-model.ts';

export type ViewTab = 'side-by-side' | 'coverage' | 'quotes' | 'discrepancies' | 'sources';
export type RowFilter = 'all' | 'differences' | 'omissions' | 'quotes' | 'conflicts';

/** What a notice's button does. Plain data, so notices stay serialisable; the app maps kinds to handlers. */
export type NoticeActionKind =
  | 'undo-remove-source'
  | 'restore-previous-workspace'
  | 'export-workspace'
  | 'export-unreadable-workspace'
  | 'reload';

export interface Notice {
  readonly id: string;
  readonly tone: 'error' | 'info';
  readonly text: string;
  readonly action?: { readonly kind: NoticeActionKind; readonly label: string };
}

export interface CompareStatus {
  readonly phase: 'idle' | 'running' | 'done' | 'error';
  readonly stage: string;
  readonly progress: number;
  readonly message?: string;
}

export interface UiState {
  readonly tab: ViewTab;
  readonly filter: RowFilter;
  /** Row to scroll to / highlight (set by Coverage cells, search, change list). */
  readonly focusedGroupId: string | null;
  /** Highlights the unit's partners. */
  readonly hoveredUnitId: string | null;
  readonly notices: readonly Notice[];
}

/** Patchable metadata of a source (the text itself is never edited in place). */
export type SourcePatch = Partial<Pick<SourceDoc, 'outlet' | 'title' | 'publishedAt' | 'url' | 'byline'>>;

export interface SourcesSlice {
  readonly sources: readonly SourceDoc[];
  /** The last removed source and where it was, for "Undo". Transient. */
  readonly lastRemoved: { readonly doc: SourceDoc; readonly index: number } | null;
  addSources(docs: readonly SourceDoc[]): void;
  updateSource(id: string, patch: SourcePatch): void;
  removeSource(id: string): void;
  undoRemoveSource(): void;
  moveSource(id: string, delta: -1 | 1): void;
  restoreRemoval(sourceId: string, removalId: string): void;
  unrestoreRemoval(sourceId: string, removalId: string): void;
}

export interface OptionsSlice {
  readonly options: WorkspaceOptions;
  setThreshold(v: number | null): void;
  setReferenceSource(id: string | null): void;
  setCleaning(on: boolean): void;
}

export interface CorrectionsSlice {
  readonly corrections: readonly Correction[];
  addCorrection(c: Correction): void;
  removeCorrection(index: number): void;
}

export interface ComparisonSlice {
  readonly comparison: Comparison | null;
  readonly compareStatus: CompareStatus;
  setComparison(c: Comparison | null): void;
  setCompareStatus(s: CompareStatus): void;
}

export interface WorkspaceSlice {
  /** The workspace put aside by "New workspace", until the user restores or dismisses it. Transient here; the
   * app also keeps it in IndexedDB under a second key so a reload does not lose it. */
  readonly previousWorkspace: Workspace | null;
  /** True once the saved workspace has been read (or found absent): before that, nothing may be saved. */
  readonly hydrated: boolean;
  /** True when nothing was saved in this browser before (the sample is then loaded for the user). */
  readonly firstVisit: boolean;
  replaceWorkspace(ws: Workspace): void;
  /** Opens an imported workspace in place of the current one, keeping the current one recoverable. */
  openWorkspace(ws: Workspace, fileName: string): void;
  newWorkspace(): void;
  restorePreviousWorkspace(): void;
  setPreviousWorkspace(ws: Workspace | null): void;
  setHydrated(firstVisit: boolean): void;
}

export interface UiSlice {
  readonly ui: UiState;
  setTab(tab: ViewTab): void;
  setFilter(f: RowFilter): void;
  focusGroup(id: string | null): void;
  hoverUnit(id: string | null): void;
  /** Shows a notice and returns its id. Identical notices are not stacked. */
  notify(tone: Notice['tone'], text: string, action?: Notice['action']): string;
  dismissNotice(id: string): void;
}

export type ParallaxState = SourcesSlice &
  OptionsSlice &
  CorrectionsSlice &
  ComparisonSlice &
  WorkspaceSlice &
  UiSlice;

/** A slice creator inside the persisted store. */
export type SliceCreator<T> = StateCreator<ParallaxState, [['zustand/persist', unknown]], [], T>;
