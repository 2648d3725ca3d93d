import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CancelledError, compare } from './compare.ts';
import type { Comparison, SourceInput } from './model.ts';

// Two short reports of one invented event, written for these tests.
const HARBOUR: SourceInput = {
  id: 'harbour',
  outlet: 'Harbour Gazette',
  text: [
    'The city council voted 7-2 on Tuesday to close the old ferry terminal by March.',
    'Mayor Lena Ortiz said the building had become “unsafe for passengers and staff.”',
    'Repairs would have cost about $4 million, according to a council report.',
    'A new terminal is planned on the east pier.',
  ].join('\n\n'),
};
const COURIER: SourceInput = {
  id: 'courier',
  outlet: 'Evening Courier',
  text: [
    'Councillors voted on Tuesday to shut the ageing ferry terminal by March, by seven votes to two.',
    'The building is “unsafe for passengers and staff,” Mayor Lena Ortiz said.',
    'Fishermen on the quay said they had not been consulted.',
  ].join('\n\n'),
};

function groupOf(c: Comparison, needle: string): string[] {
  const unit = c.units.find((u) => u.text.includes(needle));
  if (!unit) throw new Error(`no unit contains ${needle}`);
  const g = c.groups.find((x) => x.unitIds.includes(unit.id))!;
  return g.unitIds.map((id) => c.units.find((u) => u.id === id)!.text);
}

function checkInvariants(c: Comparison): void {
  const seen = new Map<string, number>();
  for (const g of c.groups) for (const id of g.unitIds) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const u of c.units) expect(seen.get(u.id), `unit ${u.id} in exactly one group`).toBe(1);
  expect(seen.size).toBe(c.units.length);
  const unitById = new Map(c.units.map((u) => [u.id, u]));
  for (const g of c.groups) {
    expect(g.score).toBeGreaterThanOrEqual(0);
    expect(g.score).toBeLessThanOrEqual(1);
    // Two units of one source only as a 1:n split: adjacent sentences.
    const bySource = new Map<string, number[]>();
    for (const id of g.unitIds) {
      const u = unitById.get(id)!;
      bySource.set(u.sourceId, [...(bySource.get(u.sourceId) ?? []), u.index]);
    }
    for (const idx of bySource.values()) {
      expect(idx.length).toBeLessThanOrEqual(2);
      if (idx.length === 2) expect(Math.abs(idx[0]! - idx[1]!)).toBe(1);
    }
    if (g.unitIds.some((id) => unitById.get(id)!.kind === 'heading')) expect(g.unitIds).toHaveLength(1);
  }
  for (const p of c.pairs) {
    expect(p.score).toBeGreaterThanOrEqual(0);
    expect(p.score).toBeLessThanOrEqual(1);
    expect(unitById.get(p.a)!.sourceId).not.toBe(unitById.get(p.b)!.sourceId);
  }
}

describe('compare', () => {
  it('aligns the same claim across outlets and leaves the rest as only-here', () => {
    const c = compare([HARBOUR, COURIER]);
    expect(c.problems).toEqual([]);
    checkInvariants(c);
    expect(groupOf(c, 'voted 7-2')).toHaveLength(2);
    expect(groupOf(c, 'Mayor Lena Ortiz said')).toHaveLength(2);
    expect(groupOf(c, 'east pier')).toHaveLength(1);
    expect(groupOf(c, 'Fishermen')).toHaveLength(1);
    const g = c.groups.find((x) => x.unitIds.includes('harbour:u3'))!;
    expect(g.omittedBy).toEqual(['courier']);
  });

  it('groups the quote of the same utterance and gives it the speaker', () => {
    const c = compare([HARBOUR, COURIER]);
    const qg = c.quoteGroups.find((g) => g.quoteIds.length === 2);
    expect(qg).toBeDefined();
    expect(qg!.speaker).not.toBeNull();
  });

  it('does not depend on the order of the sources', () => {
    expect(JSON.stringify(compare([COURIER, HARBOUR]))).toBe(JSON.stringify(compare([HARBOUR, COURIER])));
  });

  it('returns problems as values: empty, duplicate id, too few, too long', () => {
    const c = compare([
      HARBOUR,
      { ...COURIER, id: 'harbour' },
      { id: 'blank', outlet: 'Blank', text: '  \n' },
    ]);
    const codes = c.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['duplicate-id', 'empty-source', 'too-few-sources']);
    expect(c.problems.find((p) => p.code === 'empty-source')!.message).toContain('Blank');
    checkInvariants(c);
    const long = compare([HARBOUR, COURIER], { budgets: { maxSourceChars: 200 } });
    expect(long.problems.map((p) => p.code)).toContain('source-too-long');
    const many = compare([HARBOUR, COURIER], { budgets: { maxSources: 1 } });
    expect(many.problems.map((p) => p.code)).toEqual(['too-many-sources', 'too-few-sources']);
  });

  it('applies link, unlink and relation corrections by unit id, and reports unknown ids', () => {
    const base = compare([HARBOUR, COURIER]);
    const fisher = base.units.find((u) => u.text.startsWith('Fishermen'))!.id;
    const pier = base.units.find((u) => u.text.includes('east pier'))!.id;
    const linked = compare([HARBOUR, COURIER], { corrections: [{ kind: 'link', a: fisher, b: pier }] });
    const g = linked.groups.find((x) => x.unitIds.includes(fisher))!;
    expect(g.unitIds).toContain(pier);
    expect(linked.pairs.find((p) => [p.a, p.b].includes(fisher))!.manual).toBe(true);

    const mayor = base.groups.find(
      (x) => x.unitIds.length === 2 && base.units.find((u) => u.id === x.unitIds[0])!.text.includes('Ortiz'),
    )!;
    const [a, b] = mayor.unitIds as [string, string];
    const unlinked = compare([HARBOUR, COURIER], { corrections: [{ kind: 'unlink', a, b }] });
    expect(unlinked.groups.find((x) => x.unitIds.includes(a))!.unitIds).not.toContain(b);

    const relabelled = compare([HARBOUR, COURIER], {
      corrections: [{ kind: 'relation', a, b, relation: 'conflicting' }],
    });
    expect(relabelled.pairs.find((p) => p.a === a && p.b === b)!.relation).toBe('conflicting');

    const bad = compare([HARBOUR, COURIER], { corrections: [{ kind: 'link', a: 'harbour:u99', b: fisher }] });
    expect(bad.problems.map((p) => p.code)).toEqual(['invalid-correction']);
    expect(bad.problems[0]!.message).toContain('harbour:u99');
  });

  it('reports progress in [0, 1] and stops with CancelledError when asked', () => {
    const seen: [string, number][] = [];
    compare([HARBOUR, COURIER], { onProgress: (s, f) => seen.push([s, f]) });
    expect(seen.length).toBeGreaterThan(3);
    for (const [, f] of seen) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
    let calls = 0;
    expect(() => compare([HARBOUR, COURIER], { isCancelled: () => ++calls > 3 })).toThrow(CancelledError);
  });

  it('fills timings only when a clock is given', () => {
    expect(compare([HARBOUR, COURIER]).stats.timings).toEqual({});
    let t = 0;
    const timed = compare([HARBOUR, COURIER], { now: () => (t += 1) });
    expect(Object.keys(timed.stats.timings).length).toBeGreaterThan(0);
  });
});

const SENTENCES = [
  'The minister resigned on Friday after the report was published.',
  'Officials said 12 people were injured in the blast near the station.',
  'The company will cut 300 jobs, its chief executive said.',
  '“We will not give up,” the coach told reporters after the match.',
  'Police said the suspect was arrested in Lyon on Monday.',
  'The storm left 40,000 homes without power across the region.',
  'Heavy rain is expected to continue until the weekend.',
];

const sentenceArb = fc.oneof(
  fc.constantFrom(...SENTENCES),
  fc.constantFrom(...SENTENCES).map((s) => s.replace(/\bthe\b/, 'a').replace('said', 'stated')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);
const sourceArb = (id: string) =>
  fc
    .array(sentenceArb, { minLength: 1, maxLength: 6 })
    .map((ss) => ({ id, outlet: id.toUpperCase(), text: ss.join('\n\n') }));

describe('compare properties', () => {
  it('keeps its invariants and ignores source order on random and hostile input', () => {
    fc.assert(
      fc.property(fc.tuple(sourceArb('a'), sourceArb('b'), sourceArb('c')), ([a, b, c]) => {
        const one = compare([a, b, c]);
        checkInvariants(one);
        expect(JSON.stringify(compare([c, a, b]))).toBe(JSON.stringify(one));
      }),
      { numRuns: 30 },
    );
  });
});

// Golden cases: src/core/__fixtures__/compare/<behaviour>/ holds one .txt per source (id = file name) and
// expected.json with the groups as unit texts, in group order.
describe('compare golden fixtures', () => {
  const root = new URL('./__fixtures__/compare/', import.meta.url);
  for (const name of readdirSync(root).sort()) {
    it(name.replace(/-/g, ' '), () => {
      const dir = new URL(`${name}/`, root);
      const sources = readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({
          id: f.slice(0, -4),
          outlet: f.slice(0, -4),
          text: readFileSync(new URL(f, dir), 'utf8'),
        }));
      const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
        groups: string[][];
      };
      const c = compare(sources);
      checkInvariants(c);
      const text = new Map(c.units.map((u) => [u.id, u.text]));
      expect(c.groups.map((g) => g.unitIds.map((id) => text.get(id)))).toEqual(expected.groups);
    });
  }
});
