// The workspace: what the user has put together and what Parallax saves (IndexedDB), exports and re-imports.
// Facts only: the Comparison is derived from it and never saved. Every change to this shape bumps
// WORKSPACE_VERSION and adds a migration in src/ingest/workspace.ts (tested from every earlier version).

import type { Correction, SourceInput } from '../core/model.ts';

export const WORKSPACE_FORMAT = 'parallax-workspace';
export const WORKSPACE_VERSION = 1;

export type SourceOrigin =
  | { readonly kind: 'sample'; readonly fileName: string }
  | { readonly kind: 'paste' }
  | { readonly kind: 'paste-html' }
  | { readonly kind: 'file'; readonly fileName: string };

/** A source as the user added it. `text` is never rewritten by cleaning: removals are offsets into it. */
export interface SourceDoc extends SourceInput {
  readonly restored: readonly string[];
  readonly origin: SourceOrigin;
  /** ISO date-time when it was added. */
  readonly addedAt: string;
}

export interface WorkspaceOptions {
  /** Similarity threshold for "same claim", in [0, 1]. Null = the engine's default. */
  readonly threshold: number | null;
  /** Source the word diffs are computed against in Side by side. Null = the first source. */
  readonly referenceSourceId: string | null;
  /** Boilerplate cleaning on or off. */
  readonly cleaning: boolean;
}

export interface Workspace {
  readonly format: typeof WORKSPACE_FORMAT;
  readonly version: typeof WORKSPACE_VERSION;
  readonly savedAt: string;
  readonly sources: readonly SourceDoc[];
  readonly options: WorkspaceOptions;
  readonly corrections: readonly Correction[];
}

export const DEFAULT_WORKSPACE_OPTIONS: WorkspaceOptions = Object.freeze({
  threshold: null,
  referenceSourceId: null,
  cleaning: true,
});
