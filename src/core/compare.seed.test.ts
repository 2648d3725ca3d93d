// The seed expectations of issue 3 on the two sample reports in public/sample/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.ts';
import type { Comparison } from './model.ts';

const read = (f: string) => readFileSync(new URL(`../../public/sample/${f}`, import.meta.url), 'utf8');
const c: Comparison = compare([
  { id: 'wire', outlet: 'Wire report', text: read('wire-report.txt') },
  { id: 'scopex', outlet: 'Scopex', text: read('scopex.txt') },
]);

const unitWith = (needle: string) => {
  const u = c.units.find((x) => x.text.includes(needle));
  if (!u) throw new Error(`no unit contains “${needle}”`);
  return u;
};
const groupWith = (needle: string) => c.groups.find((g) => g.unitIds.includes(unitWith(needle).id))!;
const quoteWith = (needle: string) => {
  const q = c.quotes.find((x) => x.text.includes(needle));
  if (!q) throw new Error(`no quote contains “${needle}”`);
  return q;
};
const speakerName = (id: string | null) => c.speakers.find((s) => s.id === id)?.name ?? '';

describe('seed reports (issue 3 acceptance)', () => {
  it('puts “legitimate targets for destruction” and “... for strikes” in one group and one quote group, by Putin', () => {
    expect(groupWith('targets for destruction').unitIds).toContain(unitWith('targets for strikes').id);
    const a = quoteWith('targets for destruction');
    const b = quoteWith('targets for strikes');
    expect(c.quoteGroups.find((g) => g.quoteIds.includes(a.id))!.quoteIds).toContain(b.id);
    expect(speakerName(a.speaker)).toMatch(/Putin/);
    expect(speakerName(b.speaker)).toMatch(/Putin/);
  });

  it('matches “practically impossible” with “almost impossible”', () => {
    expect(groupWith('practically impossible').unitIds).toContain(unitWith('almost impossible').id);
    const a = quoteWith('practically impossible');
    expect(c.quoteGroups.find((g) => g.quoteIds.includes(a.id))!.quoteIds).toContain(
      quoteWith('almost impossible').id,
    );
  });

  it('has the Alaska summit only in the wire report and the NATO “root causes” quote only in Scopex', () => {
    expect(groupWith('Alaska').sourceIds).toEqual(['wire']);
    expect(groupWith('root causes').sourceIds).toEqual(['scopex']);
    const q = quoteWith('root causes');
    expect(c.quoteGroups.find((g) => g.quoteIds.includes(q.id))!.quoteIds).toHaveLength(1);
  });

  it('attributes “nobody trusts his words” to Zelenskiy', () => {
    expect(speakerName(quoteWith('nobody trusts his words').speaker)).toMatch(/Zelensk/);
  });
});
