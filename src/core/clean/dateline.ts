// Datelines: "VLADIVOSTOK, Sept 5 (Reuters) -", "MOSCOW (AP) —", "KYIV, Ukraine —", "LONDON, March 3 (AFP) –".
// A dateline is metadata (where/when/who filed), not a claim: it is reported on the source and the first unit of
// the story starts after it. Only the start of one of the first few content lines is examined, and the place must
// be written in capitals or be followed by an agency, so "Putin said - …" is never taken for a dateline.

import type { Dateline } from '../model.ts';
import type { Line } from './lines.ts';

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+${MONTH}(?:\s+\d{4})?)`;
const PLACE_CAPS = String.raw`\p{Lu}[\p{L}\p{M} .'’/-]{1,40}?`;
const REGION = String.raw`(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?`;
const AGENCY = String.raw`\((?<agency>[\p{L}][\p{L} .&-]{0,30})\)`;
// Spaces, an optional agency with the spaces after it, the dash. Written as one `\s*` before the agency rather than
// `\s*(?:agency)?\s*[-–—]`: the two adjacent `\s*` gave the same matches but split every run of spaces both
// ways on failure, so a first line with 20,000 spaces took seconds per dateline attempt (quadratic backtracking).
const AGENCY_DASH = String.raw`\s*(?:${AGENCY}\s*)?[-–—]{1,2}\s*`;

const DATELINE = new RegExp(
  String.raw`^(?<place>${PLACE_CAPS})(?<region>${REGION})(?:,\s*(?<date>${DATE}))?${AGENCY_DASH}(?=["“‘«]?[\p{Lu}\p{N}])`,
  'u',
);

export function findDateline(
  text: string,
  lines: readonly Line[],
  isRemoved: (pos: number) => boolean,
): Dateline | undefined {
  let seen = 0;
  for (const line of lines) {
    if (line.blank || isRemoved(line.start)) continue;
    if (++seen > 4) break;
    const m = DATELINE.exec(line.text);
    if (!m || !m.groups) continue;
    const place = (m.groups.place ?? '').trim();
    const agency = m.groups.agency?.trim();
    // Capitals only ("MOSCOW"), at least 3 letters; or an agency in brackets after a place ("Kyiv (AP) —").
    const letters = place.replace(/[^\p{L}]/gu, '');
    if (letters.length < 3 || (letters !== letters.toUpperCase() && !agency)) continue;
    // A mixed-case place ("Kyiv (Reuters) -") is a short proper name, not the start of a sentence.
    if (letters !== letters.toUpperCase() && !place.split(/[\s/]+/u).every((w) => /^\p{Lu}/u.test(w)))
      continue;
    const raw = m[0].replace(/\s+$/u, '');
    const region = (m.groups.region ?? '').replace(/^,\s*/u, '');
    return {
      start: line.start,
      end: line.start + raw.length,
      text: text.slice(line.start, line.start + raw.length),
      place: region ? `${place}, ${region}` : place,
      ...(m.groups.date ? { date: m.groups.date } : {}),
      ...(agency ? { agency } : {}),
    };
  }
  return undefined;
}
