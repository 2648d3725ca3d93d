import { beforeEach, describe, expect, it } from 'vitest';
import type { SourceDoc } from '../lib/workspace-model.ts';
import { DEFAULT_WORKSPACE_OPTIONS } from '../lib/workspace-model.ts';
import { toCompareRequest, toWorkspace } from './selectors/workspace.ts';
import { useParallax } from './store.ts';
import { INITIAL_UI } from './slices/ui.ts';

function doc(id: string, outlet = id): SourceDoc {
  return {
    id,
    outlet,
    text: `${outlet} reports the summit.`,
    restored: [],
    origin: { kind: 'paste' },
    addedAt: '2025-09-05T00:00:00Z',
  };
}

beforeEach(() => {
  useParallax.setState({
    sources: [],
    options: DEFAULT_WORKSPACE_OPTIONS,
    corrections: [],
    comparison: null,
    lastRemoved: null,
    previousWorkspace: null,
    ui: INITIAL_UI,
  });
});

describe('sources', () => {
  it('adds, reorders, and removes with undo back to the same place', () => {
    const s = useParallax.getState();
    s.addSources([doc('a'), doc('b'), doc('c')]);
    s.moveSource('c', -1);
    expect(useParallax.getState().sources.map((d) => d.id)).toEqual(['a', 'c', 'b']);
    s.moveSource('a', -1); // already first: no change
    expect(useParallax.getState().sources.map((d) => d.id)).toEqual(['a', 'c', 'b']);
    s.removeSource('c');
    expect(useParallax.getState().sources.map((d) => d.id)).toEqual(['a', 'b']);
    const notice = useParallax.getState().ui.notices.at(-1);
    expect(notice?.action?.label).toBe('Undo');
    s.undoRemoveSource();
    expect(useParallax.getState().sources.map((d) => d.id)).toEqual(['a', 'c', 'b']);
    expect(useParallax.getState().ui.notices).toHaveLength(0);
  });

  it('never adds a second source with an id already in use', () => {
    const s = useParallax.getState();
    s.addSources([doc('a')]);
    s.addSources([doc('a', 'Other')]);
    expect(useParallax.getState().sources).toHaveLength(1);
  });

  it('puts a removed passage back and takes it out again', () => {
    const s = useParallax.getState();
    s.addSources([doc('a')]);
    s.restoreRemoval('a', 'a:rm:10');
    s.restoreRemoval('a', 'a:rm:10');
    expect(useParallax.getState().sources[0]?.restored).toEqual(['a:rm:10']);
    s.unrestoreRemoval('a', 'a:rm:10');
    expect(useParallax.getState().sources[0]?.restored).toEqual([]);
  });

  it('forgets the reference source when it is removed', () => {
    const s = useParallax.getState();
    s.addSources([doc('a'), doc('b')]);
    s.setReferenceSource('b');
    s.removeSource('b');
    expect(useParallax.getState().options.referenceSourceId).toBeNull();
  });
});

describe('corrections', () => {
  it('keeps one link-or-unlink per pair, whichever came last, and one relation label', () => {
    const s = useParallax.getState();
    s.addCorrection({ kind: 'link', a: 'a:u1', b: 'b:u2' });
    s.addCorrection({ kind: 'relation', a: 'a:u1', b: 'b:u2', relation: 'paraphrase' });
    s.addCorrection({ kind: 'relation', a: 'b:u2', b: 'a:u1', relation: 'conflicting' });
    expect(useParallax.getState().corrections).toEqual([
      { kind: 'link', a: 'a:u1', b: 'b:u2' },
      { kind: 'relation', a: 'b:u2', b: 'a:u1', relation: 'conflicting' },
    ]);
    s.addCorrection({ kind: 'unlink', a: 'b:u2', b: 'a:u1' });
    expect(useParallax.getState().corrections).toEqual([{ kind: 'unlink', a: 'b:u2', b: 'a:u1' }]);
    s.removeCorrection(0);
    expect(useParallax.getState().corrections).toEqual([]);
  });
});

describe('workspace', () => {
  it('"New workspace" keeps the old one until it is restored', () => {
    const s = useParallax.getState();
    s.addSources([doc('a'), doc('b')]);
    s.setThreshold(0.7);
    s.newWorkspace();
    expect(useParallax.getState().sources).toEqual([]);
    expect(useParallax.getState().options.threshold).toBeNull();
    const notice = useParallax.getState().ui.notices.at(-1);
    expect(notice?.action?.label).toBe('Restore previous workspace');
    s.restorePreviousWorkspace();
    expect(useParallax.getState().sources.map((d) => d.id)).toEqual(['a', 'b']);
    expect(useParallax.getState().options.threshold).toBe(0.7);
    expect(useParallax.getState().previousWorkspace).toBeNull();
  });

  it('dismissing the restore notice lets the old workspace go', () => {
    const s = useParallax.getState();
    s.addSources([doc('a')]);
    s.newWorkspace();
    const id = useParallax.getState().ui.notices.at(-1)?.id ?? '';
    s.dismissNotice(id);
    expect(useParallax.getState().previousWorkspace).toBeNull();
  });

  it('maps the workspace to the engine input, leaving out corrections of removed sources', () => {
    const s = useParallax.getState();
    s.addSources([doc('a'), doc('b')]);
    s.setThreshold(0.62);
    s.setCleaning(false);
    s.addCorrection({ kind: 'link', a: 'a:u0', b: 'b:u3' });
    s.addCorrection({ kind: 'unlink', a: 'a:u1', b: 'gone:u3' });
    const req = toCompareRequest(useParallax.getState());
    expect(req.options).toEqual({
      clean: { enabled: false },
      align: { threshold: 0.62 },
      corrections: [{ kind: 'link', a: 'a:u0', b: 'b:u3' }],
    });
    expect(req.sources.map((x) => x.id)).toEqual(['a', 'b']);
    expect(toWorkspace(useParallax.getState()).corrections).toHaveLength(2);
  });
});
