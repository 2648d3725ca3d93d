// Golden cases for quotes (see __fixtures__/golden.ts): every quote with kind, speaker, verb and nesting.
import { describe, expect, it } from 'vitest';
import { cleanSource } from '../clean/clean.ts';
import { DEFAULT_OPTIONS } from '../options.ts';
import { segmentSource } from '../segment/segment.ts';
import { extractQuotes } from './extract.ts';
import { resolveSpeakers } from './speakers.ts';
import { goldenCases, writeGolden } from '../../test/golden.ts';

describe('quotes golden fixtures', () => {
  for (const c of goldenCases('quotes')) {
    it(c.name, () => {
      const input = { id: 's', outlet: c.name, text: c.text };
      const seg = segmentSource(input, cleanSource(input, DEFAULT_OPTIONS.clean), DEFAULT_OPTIONS.segment);
      const { quotes, speakers } = resolveSpeakers(
        extractQuotes(input, seg.units, DEFAULT_OPTIONS.quotes),
        DEFAULT_OPTIONS.quotes,
      );
      const actual = {
        speakers: speakers.map((s) => `${s.id} = ${s.name}`),
        quotes: quotes.map((q) => ({
          text: q.text,
          kind: q.kind,
          speaker: q.speaker,
          verb: q.verb,
          ...(q.parentId ? { parentId: q.parentId } : {}),
        })),
      };
      writeGolden(c, actual);
      expect(actual).toEqual(c.expected());
    });
  }
});
