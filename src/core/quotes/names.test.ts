import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findNamePhrases,
  findNamePhrasesByTokenRegex,
  looksLikeOrganisation,
  normaliseName,
  stripTitles,
  surnameOf,
} from './names.ts';

const names = (text: string) => findNamePhrases(text).map((p) => p.name);

describe('names', () => {
  it('strips titles and descriptions down to the person', () => {
    expect(stripTitles('French President Emmanuel Macron')).toEqual({
      name: 'Emmanuel Macron',
      title: 'French President',
    });
    expect(
      names('Russian President Vladimir Putin met Kremlin spokesman Dmitry Peskov and Dr. Anna Berg.'),
    ).toEqual(['Vladimir Putin', 'Kremlin', 'Dmitry Peskov', 'Anna Berg']);
  });

  it('keeps particles inside names, marks possessives, skips sentence words and role-only phrases', () => {
    const p = findNamePhrases('But Ursula von der Leyen’s plan, said Kestrel Coach, failed on Monday.');
    expect(p.map((x) => [x.name, x.possessive])).toEqual([['Ursula von der Leyen', true]]);
    expect(names('Fourteen-year-old Mira Kovac won.')).toEqual(['Mira Kovac']);
  });

  it('tells organisations from people and compares spellings', () => {
    expect(looksLikeOrganisation('White House')).toBe(true);
    expect(looksLikeOrganisation('NATO')).toBe(true);
    expect(looksLikeOrganisation('Volodymyr Zelenskyy')).toBe(false);
    expect(normaliseName('Hélène  Rousseau')).toBe('helene rousseau');
    expect(surnameOf('Ursula von der Leyen')).toBe('leyen');
  });
});

describe('findNamePhrases fast scan', () => {
  const piece = fc.constantFrom(
    'de',
    'van',
    'von',
    'der',
    'la',
    'bin',
    'al',
    'das',
    'deux',
    'Anna',
    'Berg',
    'Dr.',
    'Mr.',
    'President',
    'The',
    'O’Neil',
    'Jean-Luc',
    'Smith’s',
    'Leyen’s',
    'Jr.',
    'X.',
    'Zoë',
    'said',
    'and',
    ' ',
    '  ',
    ',',
    '.',
    '\n',
    '-',
    '“',
    '”',
    'À',
    'Él',
    '’s',
    'é',
    'de-la',
    'Von',
  );
  const text = fc
    .array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 30 })
    .map((xs) => xs.join(''));
  const spaced = fc.array(piece, { maxLength: 20 }).map((xs) => xs.join(' '));

  it('finds what the token-regex reference finds', () => {
    fc.assert(
      fc.property(fc.oneof(text, spaced), (t) => {
        expect(findNamePhrases(t)).toEqual(findNamePhrasesByTokenRegex(t));
        const from = Math.floor(t.length / 3);
        expect(findNamePhrases(t, from)).toEqual(findNamePhrasesByTokenRegex(t, from));
      }),
      { numRuns: 3000 },
    );
  });
});
