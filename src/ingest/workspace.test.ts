import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKSPACE_OPTIONS,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type SourceDoc,
  type Workspace,
} from '../lib/workspace-model.ts';
import {
  locateJsonError,
  looksLikeWorkspace,
  migrateWorkspace,
  parseWorkspace,
  serializeWorkspace,
} from './workspace.ts';

const doc = (id: string, outlet: string, text: string, extra: Partial<SourceDoc> = {}): SourceDoc => ({
  id,
  outlet,
  text,
  restored: [],
  origin: { kind: 'paste' },
  addedAt: '2025-09-05T10:00:00.000Z',
  ...extra,
});

const facts = {
  sources: [
    doc('a', 'Wire report', 'Putin said troops would be targets.', {
      title: 'Putin warns',
      publishedAt: '2025-09-05',
      origin: { kind: 'sample', fileName: 'wire-report.txt' },
      restored: ['a:rm:120'],
    }),
    doc('b', 'Scopex', 'Путин заявил… 東京 שלום 🙂 e\u0301', {
      origin: { kind: 'file', fileName: 'scopex.html' },
    }),
  ],
  options: { threshold: 0.62, referenceSourceId: 'b', cleaning: false },
  corrections: [
    { kind: 'link', a: 'a:u1', b: 'b:u3' },
    { kind: 'relation', a: 'a:u2', b: 'b:u4', relation: 'conflicting' },
  ],
} as const;

function failure(r: ReturnType<typeof parseWorkspace>): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
}

describe('serializeWorkspace / parseWorkspace', () => {
  it('round-trips every fact, including unusual unicode', () => {
    const json = serializeWorkspace(facts, new Date('2025-09-06T00:00:00Z'));
    const r = parseWorkspace(json, 'ws.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workspace).toEqual({
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      savedAt: '2025-09-06T00:00:00.000Z',
      ...facts,
    });
    expect(looksLikeWorkspace(json)).toBe(true);
  });

  it('ignores unknown fields and cannot be used to pollute prototypes', () => {
    const json = serializeWorkspace(facts).replace(
      '"sources": [',
      '"__proto__": {"polluted": true}, "extra": 1, "sources": [',
    );
    const r = parseWorkspace(json, 'ws.json');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok)
      expect(Object.keys(r.workspace)).toEqual([
        'format',
        'version',
        'savedAt',
        'sources',
        'options',
        'corrections',
      ]);
  });
});

describe('parseWorkspace refuses, saying why', () => {
  it('malformed JSON, with the line and column', () => {
    const json = '{\n  "format": "parallax-workspace",\n  "version": 1,\n  "sources": [,]\n}';
    expect(failure(parseWorkspace(json, 'broken.json'))).toMatch(
      /^“broken\.json” is not a valid workspace file: its JSON is broken at line 4, column \d+\.$/,
    );
  });

  it('a cut-off file', () => {
    expect(
      failure(parseWorkspace('{"format": "parallax-workspace", "version": 1, "sour', 'cut.json')),
    ).toMatch(
      /“cut\.json” is not a valid workspace file: its JSON is broken at (the end of the file|line 1)/,
    );
  });

  it('an empty file', () => {
    expect(failure(parseWorkspace('  \n', 'empty.json'))).toBe('“empty.json” is empty.');
  });

  it('another program’s JSON, naming its fields', () => {
    expect(
      failure(parseWorkspace('{"name":"my-app","version":"1.0.0","dependencies":{},"x":1}', 'package.json')),
    ).toBe(
      '“package.json” is not a Parallax workspace; it looks like JSON from another program (its fields are “name”, “version”, “dependencies”, …).',
    );
    expect(failure(parseWorkspace('[1,2,3]', 'list.json'))).toMatch(
      /not a Parallax workspace: it holds a list/,
    );
  });

  it('a comparison result instead of a workspace', () => {
    expect(failure(parseWorkspace('{"version":1,"sources":[],"units":[],"groups":[]}', 'out.json'))).toMatch(
      /comparison result .* not a workspace/,
    );
  });

  it('a newer version', () => {
    const json = JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION + 1, sources: [] });
    expect(failure(parseWorkspace(json, 'new.json'))).toBe(
      `“new.json” was made by a newer Parallax (version ${WORKSPACE_VERSION + 1}); this one reads up to version ${WORKSPACE_VERSION}. Update Parallax to open it.`,
    );
  });

  it('a missing or non-numeric version', () => {
    expect(
      failure(parseWorkspace(JSON.stringify({ format: WORKSPACE_FORMAT, version: '1' }), 'v.json')),
    ).toMatch(/no readable version number/);
  });

  const wrong: [string, (ws: Record<string, unknown>) => void, RegExp][] = [
    ['sources not a list', (w) => (w.sources = {}), /“sources” should be a list but is an object/],
    [
      'text a number',
      (w) => ((w.sources as Record<string, unknown>[])[1]!.text = 42),
      /source 2 \(“Scopex”\): “text” should be text but is a number/,
    ],
    [
      'missing outlet',
      (w) => delete (w.sources as Record<string, unknown>[])[0]!.outlet,
      /source 1: “outlet” should be text but is missing/,
    ],
    [
      'restored with a number',
      (w) => ((w.sources as Record<string, unknown>[])[0]!.restored = ['x', 3]),
      /source 1 \(“Wire report”\): item 2 of “restored” should be text but is a number/,
    ],
    [
      'unknown origin',
      (w) => ((w.sources as Record<string, unknown>[])[0]!.origin = { kind: 'ftp' }),
      /“origin.kind” should be one of sample, paste, paste-html, file; it is “ftp”/,
    ],
    [
      'duplicate ids',
      (w) => ((w.sources as Record<string, unknown>[])[1]!.id = 'a'),
      /source 2 \(“Scopex”\) has the same id as source 1/,
    ],
    [
      'threshold out of range',
      (w) => ((w.options as Record<string, unknown>).threshold = 7),
      /similarity threshold should be a number from 0 to 1 \(or null\) but is 7/,
    ],
    [
      'cleaning as text',
      (w) => ((w.options as Record<string, unknown>).cleaning = 'yes'),
      /“options.cleaning” should be true or false but is text/,
    ],
    [
      'bad correction',
      (w) => ((w.corrections as unknown[])[1] = { kind: 'relation', a: 'x', b: 'y', relation: 'enemies' }),
      /correction 2: “relation” should be one of identical/,
    ],
    [
      'too many sources',
      (w) =>
        (w.sources = Array.from({ length: 201 }, (_, i) => ({ ...(w.sources as object[])[0], id: `s${i}` }))),
      /it has 201 sources; Parallax compares up to 200/,
    ],
  ];
  for (const [what, mutate, reason] of wrong) {
    it(`fields of the wrong type: ${what}`, () => {
      const ws = JSON.parse(serializeWorkspace(facts)) as Record<string, unknown>;
      mutate(ws);
      const message = failure(parseWorkspace(JSON.stringify(ws), 'ws.json'));
      expect(message).toMatch(/^“ws\.json” cannot be used: /);
      expect(message).toMatch(reason);
    });
  }
});

describe('migrateWorkspace: from every earlier version', () => {
  const v0 = {
    app: 'parallax',
    version: 0,
    savedAt: '2025-01-02T03:04:05.000Z',
    sources: [
      { id: 's1', outlet: 'Wire', title: 'Talks', date: '2025-01-01', text: 'Talks resumed.' },
      { id: 's2', outlet: 'Daily', text: 'Talks resumed on Monday.' },
    ],
    threshold: 0.4,
    corrections: [{ kind: 'unlink', a: 's1:u0', b: 's2:u0' }],
  };

  it('version 0 (early draft) -> current, via parseWorkspace', () => {
    const r = parseWorkspace(JSON.stringify(v0), 'draft.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected: Workspace = {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      savedAt: '2025-01-02T03:04:05.000Z',
      sources: [
        {
          id: 's1',
          outlet: 'Wire',
          title: 'Talks',
          publishedAt: '2025-01-01',
          text: 'Talks resumed.',
          restored: [],
          origin: { kind: 'paste' },
          addedAt: '2025-01-02T03:04:05.000Z',
        },
        {
          id: 's2',
          outlet: 'Daily',
          text: 'Talks resumed on Monday.',
          restored: [],
          origin: { kind: 'paste' },
          addedAt: '2025-01-02T03:04:05.000Z',
        },
      ],
      options: { threshold: 0.4, referenceSourceId: null, cleaning: true },
      corrections: [{ kind: 'unlink', a: 's1:u0', b: 's2:u0' }],
    };
    expect(r.workspace).toEqual(expected);
  });

  it('version 0 as persisted (no header) migrates the same way', () => {
    const { app: _app, version: _v, ...body } = v0;
    const r = migrateWorkspace(body, 0);
    expect(r.ok && r.workspace.sources.map((s) => s.origin.kind)).toEqual(['paste', 'paste']);
  });

  it('version 0 with a bad field is refused with the reason', () => {
    const r = migrateWorkspace({ ...v0, sources: [{ id: 's1', outlet: 'Wire', text: null }] }, 0);
    expect(r).toEqual({
      ok: false,
      message: 'The workspace cannot be used: source 1 (“Wire”): “text” should be text but is empty (null).',
    });
  });

  it('the current version as the store persists it (facts without a header)', () => {
    const r = migrateWorkspace(JSON.parse(JSON.stringify(facts)), WORKSPACE_VERSION);
    expect(r.ok && r.workspace.sources).toEqual(facts.sources);
  });

  it('a reference source that is not in the workspace falls back to the first, with a note', () => {
    const r = migrateWorkspace({ ...facts, options: { ...facts.options, referenceSourceId: 'gone' } }, 1);
    expect(r.ok && r.workspace.options.referenceSourceId).toBeNull();
    expect(r.ok && r.notes[0]).toMatch(/reference source/);
  });

  it('missing options take the defaults', () => {
    const r = migrateWorkspace({ sources: [], corrections: [] }, 1);
    expect(r.ok && r.workspace.options).toEqual(DEFAULT_WORKSPACE_OPTIONS);
  });

  it('refuses future, negative and fractional versions and non-objects', () => {
    expect(migrateWorkspace({}, WORKSPACE_VERSION + 3)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer Parallax/),
    });
    expect(migrateWorkspace({}, -1).ok).toBe(false);
    expect(migrateWorkspace({}, 0.5).ok).toBe(false);
    expect(migrateWorkspace('text', 1)).toEqual({
      ok: false,
      message: 'The workspace should be an object but is text.',
    });
    expect(migrateWorkspace(null, 1).ok).toBe(false);
  });
});

describe('locateJsonError agrees with JSON.parse', () => {
  it('accepts what JSON.parse accepts and rejects what it rejects, on random mutations', async () => {
    const fc = await import('fast-check');
    const base = serializeWorkspace(facts);
    fc.assert(
      fc.property(
        fc.nat(base.length - 1),
        fc.constantFrom('', '"', '{', ',', ']', 'x', '\\', '\n', '1'),
        (at, ch) => {
          const text = base.slice(0, at) + ch + base.slice(at + 1);
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          const where = locateJsonError(text);
          if (parses) expect(where).toBe('end');
          else expect(where === 'end' || where.line >= 1).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
