// The acceptance checks of issue 3 on the two seed reports (public/sample), through the CLI's JSON.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './compare.ts';

const root = join(import.meta.dirname, '../..');
const wire = join(root, 'public/sample/wire-report.txt');
const scopex = join(root, 'public/sample/scopex.txt');

interface Out {
  sources: { id: string; text: string; removed: { text: string; reason: string }[] }[];
  units: { id: string; sourceId: string; text: string }[];
  groups: { id: string; unitIds: string[] }[];
  quotes: { id: string; sourceId: string; text: string; speaker: string | null; unitId: string }[];
  quoteGroups: { id: string; quoteIds: string[] }[];
}

async function compareSeeds(): Promise<Out> {
  let stdout = '';
  const code = await main([wire, scopex], {
    stdout: (s) => void (stdout += s),
    stderr: () => {},
    writeFile: async () => {},
  });
  expect(code).toBe(0);
  return JSON.parse(stdout) as Out;
}

describe('seed reports through the CLI', async () => {
  const out = await compareSeeds();
  const quote = (fragment: string) => {
    const q = out.quotes.find((x) => x.text.includes(fragment));
    if (!q) throw new Error(`no quote containing “${fragment}”`);
    return q;
  };
  const unitWith = (fragment: string) => {
    const u = out.units.find((x) => x.text.includes(fragment));
    if (!u) throw new Error(`no unit containing “${fragment}”`);
    return u;
  };
  const groupOfUnit = (id: string) => out.groups.find((g) => g.unitIds.includes(id))!;
  const groupOfQuote = (id: string) => out.quoteGroups.find((g) => g.quoteIds.includes(id))!;
  const sourcesOfGroup = (g: { unitIds: string[] }) =>
    new Set(g.unitIds.map((id) => out.units.find((u) => u.id === id)!.sourceId));

  it('removes the Scopex author bio and “Don’t Miss” block and keeps the story', () => {
    const s = out.sources.find((x) => x.id === 'scopex')!;
    const removed = s.removed.map((r) => r.text).join('\n');
    expect(removed).toContain('has been working at Scopex');
    expect(removed).toMatch(/Don.t Miss/);
    expect(s.text).not.toContain('has been working at Scopex');
    expect(s.text).toContain('legitimate targets for strikes');
    expect(s.text).toContain('Zelenskyy has already rejected the idea of meeting in Moscow.');
  });

  it('groups “targets for destruction” with “targets for strikes”, both spoken by Putin', () => {
    const a = quote('legitimate targets for destruction');
    const b = quote('legitimate targets for strikes');
    expect(groupOfQuote(a.id)).toBe(groupOfQuote(b.id));
    expect(a.speaker).toMatch(/Putin/);
    expect(b.speaker).toMatch(/Putin/);
    expect(groupOfUnit(a.unitId)).toBe(groupOfUnit(b.unitId));
  });

  it('groups “practically impossible” with “almost impossible”', () => {
    expect(groupOfQuote(quote('practically impossible').id)).toBe(
      groupOfQuote(quote('almost impossible').id),
    );
  });

  it('has the Alaska summit only in the wire report', () => {
    expect(sourcesOfGroup(groupOfUnit(unitWith('summit in Alaska').id))).toEqual(new Set(['wire-report']));
  });

  it('has the NATO “root causes” quote only in Scopex', () => {
    const q = quote('root causes');
    const g = groupOfQuote(q.id);
    expect(new Set(g.quoteIds.map((id) => out.quotes.find((x) => x.id === id)!.sourceId))).toEqual(
      new Set(['scopex']),
    );
  });

  it('attributes “nobody trusts his words” to Zelenskiy', () => {
    expect(quote('nobody trusts his words').speaker).toMatch(/Zelensk/);
  });
});
