// Golden cases for cleaning: every folder under __fixtures__/clean/ holds input.txt (or input.ref naming a file
// relative to the repository, e.g. a seed in public/sample/) and expected.json. UPDATE_GOLDEN=1 rewrites the
// expected files; review the diff before committing.
import { describe, expect, it } from 'vitest';
import { cleanSource } from './clean.ts';
import { DEFAULT_OPTIONS } from '../options.ts';
import { goldenCases, writeGolden } from '../../test/golden.ts';

describe('clean golden fixtures', () => {
  for (const c of goldenCases('clean')) {
    it(c.name, () => {
      const r = cleanSource({ id: c.name, outlet: c.name, text: c.text }, DEFAULT_OPTIONS.clean);
      const actual = {
        removals: r.removals.map((x) => ({
          kind: x.kind,
          reason: x.reason,
          start: x.start,
          end: x.end,
          text: x.text,
        })),
        dateline: r.dateline ?? null,
        story: r.story.map((s) => c.text.slice(s.start, s.end)),
      };
      writeGolden(c, actual);
      expect(actual).toEqual(c.expected());
    });
  }
});
