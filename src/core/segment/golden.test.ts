// Golden cases for segmentation (see __fixtures__/golden.ts): units with kind, position, paragraph and text.
import { describe, expect, it } from 'vitest';
import { cleanSource } from '../clean/clean.ts';
import { DEFAULT_OPTIONS } from '../options.ts';
import { segmentSource } from './segment.ts';
import { goldenCases, writeGolden } from '../../test/golden.ts';

describe('segment golden fixtures', () => {
  for (const c of goldenCases('segment')) {
    it(c.name, () => {
      const input = { id: 's', outlet: c.name, text: c.text };
      const r = segmentSource(input, cleanSource(input, DEFAULT_OPTIONS.clean), DEFAULT_OPTIONS.segment);
      const actual = {
        title: r.title ?? null,
        wordCount: r.wordCount,
        paragraphs: r.paragraphs.length,
        units: r.units.map((u) => `${u.kind}/${u.position}/p${u.paragraph}: ${u.text}`),
      };
      writeGolden(c, actual);
      expect(actual).toEqual(c.expected());
    });
  }
});
