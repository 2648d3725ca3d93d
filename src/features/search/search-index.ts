// Full-text search over every sentence of every source (fuse.js: tolerant of typos and spelling variants such as
// Zelenskiy / Zelenskyy). Built once per comparison.

import Fuse from 'fuse.js';
import type { Comparison } from '../../core/model.ts';

export interface SearchEntry {
  readonly unitId: string;
  readonly groupId: string;
  readonly sourceId: string;
  readonly outlet: string;
  /** 1-based sentence number within its source, for "Scopex · sentence 4". */
  readonly position: number;
  readonly text: string;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchEntry[];
}

export function buildSearchIndex(c: Comparison, outletOf: (sourceId: string) => string): SearchIndex {
  const groupOf = new Map<string, string>();
  for (const g of c.groups) for (const u of g.unitIds) groupOf.set(u, g.id);
  const entries: SearchEntry[] = c.units.map((u) => ({
    unitId: u.id,
    groupId: groupOf.get(u.id) ?? '',
    sourceId: u.sourceId,
    outlet: outletOf(u.sourceId),
    position: u.index + 1,
    text: u.text,
  }));
  const fuse = new Fuse(entries, {
    keys: ['text'],
    // Whole-article search: a match anywhere in the sentence counts as much as at its start.
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 2,
  });
  return {
    search(query, limit = 20) {
      const q = query.trim();
      if (q.length < 2) return [];
      return fuse.search(q, { limit }).map((r) => r.item);
    },
  };
}
