// Golden cases for stage 6: src/core/__fixtures__/diff/<case>/input.json ({ a, b, diff? }) against expected.json
// (parts, completeness, discrepancies, relation). Regenerate after an intended change with
// `UPDATE_GOLDEN=1 npx vitest run src/core/diff/golden.test.ts` and review the git diff of the fixtures.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffUnits } from './word-diff.ts';
import { findDiscrepancies } from './facts.ts';
import { classifyRelation } from './relation.ts';
import type { Unit } from '../model.ts';
import { DEFAULT_OPTIONS, type DiffOptions } from '../options.ts';

const root = join(import.meta.dirname, '../__fixtures__/diff');

function unit(sourceId: string, text: string): Unit {
  return {
    id: `${sourceId}:u0`,
    sourceId,
    index: 0,
    kind: 'sentence',
    text,
    start: 0,
    end: text.length,
    paragraph: 0,
    position: 'body',
  };
}

describe('diff golden fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(root, name, 'input.json'), 'utf8')) as {
        a: string;
        b: string;
        diff?: Partial<DiffOptions>;
      };
      const a = unit('a', input.a);
      const b = unit('b', input.b);
      const { parts, complete } = diffUnits(a.text, b.text, { ...DEFAULT_OPTIONS.diff, ...input.diff });
      const discrepancies = findDiscrepancies(a, b);
      const relation = classifyRelation({ a, b, parts, discrepancies });
      const actual = { relation, discrepancies, complete, parts };
      const file = join(root, name, 'expected.json');
      if (process.env.UPDATE_GOLDEN || !existsSync(file))
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
