// Pure derivations of the workspace facts: the saved/exported Workspace, and the engine's input.

import type { Correction, SourceInput } from '../../core/model.ts';
import type { CompareOptionsInput } from '../../core/options.ts';
import {
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type SourceDoc,
  type Workspace,
  type WorkspaceOptions,
} from '../../lib/workspace-model.ts';

/** The facts of a workspace: exactly what is saved, exported and compared. */
export interface WorkspaceFacts {
  readonly sources: readonly SourceDoc[];
  readonly options: WorkspaceOptions;
  readonly corrections: readonly Correction[];
}

export function toWorkspace(facts: WorkspaceFacts, now: Date = new Date()): Workspace {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    savedAt: now.toISOString(),
    sources: facts.sources,
    options: facts.options,
    corrections: facts.corrections,
  };
}

/** Source id of a unit id: unit ids are `${sourceId}:u${index}` (src/core/model.ts, Unit.id). */
export function sourceIdOfUnit(unitId: string): string {
  const i = unitId.lastIndexOf(':u');
  return i < 0 ? unitId : unitId.slice(0, i);
}

export function toSourceInput(doc: SourceDoc): SourceInput {
  return {
    id: doc.id,
    outlet: doc.outlet,
    text: doc.text,
    restored: doc.restored,
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    ...(doc.byline ? { byline: doc.byline } : {}),
  };
}

/** Options for the worker: plain data only (no functions cross the worker boundary). */
export type CompareRequestOptions = Omit<CompareOptionsInput, 'now' | 'onProgress' | 'isCancelled'>;

export interface CompareRequest {
  readonly sources: readonly SourceInput[];
  readonly options: CompareRequestOptions;
}

/**
 * Maps the workspace to the engine's input. Corrections that name a unit of a source no longer in the workspace
 * are left out (they are kept in the workspace, so undoing the removal brings them back).
 */
export function toCompareRequest(facts: WorkspaceFacts): CompareRequest {
  const ids = new Set(facts.sources.map((s) => s.id));
  const corrections = facts.corrections.filter(
    (c) => ids.has(sourceIdOfUnit(c.a)) && ids.has(sourceIdOfUnit(c.b)),
  );
  return {
    sources: facts.sources.map(toSourceInput),
    options: {
      clean: { enabled: facts.options.cleaning },
      ...(facts.options.threshold != null ? { align: { threshold: facts.options.threshold } } : {}),
      corrections,
    },
  };
}
