import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countSpaced, splitBlocks, splitLines } from '../lines.ts';
import { authorBioRule } from './author-bio.ts';
import { photoCreditRule } from './photo-credit.ts';
import type { CleanRule, RemovalDraft, RuleContext } from './types.ts';

// The rules test cheap necessary conditions before their regexes (speed, issue 3). Each is checked against the
// rule as it was written before, which must give the same removals on any text.

const AGENCY = String.raw`(?:Reuters|REUTERS|AP|AFP|EPA|EPA-EFE|Getty Images|Bloomberg|Anadolu|TASS|Sputnik|Xinhua|Pool|Shutterstock|Alamy)`;
const CREDIT_TOKEN = new RegExp(
  String.raw`\((?:photo|image|picture)s?\s*(?:by|:)[^)]{1,80}\)|\(${AGENCY}\s*\/\s*[^)]{1,60}\)|\b(?:REUTERS|AP Photo|AFP|EPA|Pool)\s*\/\s*\p{Lu}[\p{L}.\-' ]{1,60}|\bvia Getty Images\b|\bGetty Images\b|\bPhoto(?:graph)?:\s*\p{Lu}`,
  'u',
);
const LINE_START =
  /^(?:photo|photos|image|images|picture|pictures|photograph|file photo|credit|caption|illustration)(?: credit)?s?\s*[:：|]/iu;
const INLINE = new RegExp(
  String.raw`\((?:photo|image|picture)s?\s*(?:by|:)[^)]{1,80}\)|\(${AGENCY}\s*\/\s*[^)]{1,60}\)`,
  'giu',
);

/** photoCreditRule before the pre-tests. */
const referencePhotoCredit: CleanRule = (ctx) => {
  const out: RemovalDraft[] = [];
  for (const l of ctx.lines) {
    if (l.blank) continue;
    const words = countSpaced(l.text, 40);
    if (
      LINE_START.test(l.text) ||
      (words <= 40 &&
        CREDIT_TOKEN.test(l.text) &&
        !/[.!?]["”’]?\s*$/u.test(l.text.replace(/\([^)]*\)\s*$/u, ''))) ||
      (words <= 40 && /\b(?:REUTERS|AP Photo|AFP|EPA)\s*\/\s*\p{Lu}[\p{L}.\-' ]+$/u.test(l.text))
    ) {
      out.push({ start: l.start, end: l.end, kind: 'photo-credit', reason: 'Photo caption or credit' });
      continue;
    }
    if (!l.text.includes('(')) continue;
    INLINE.lastIndex = 0;
    for (let m = INLINE.exec(l.text); m; m = INLINE.exec(l.text)) {
      out.push({
        start: l.start + m.index,
        end: l.start + m.index + m[0].length,
        kind: 'photo-credit',
        reason: 'Photo credit',
      });
    }
  }
  return out;
};

const BIO_CUE =
  /\b(?:has been (?:working|writing|reporting) (?:at|for|with)|(?:has|have) worked (?:at|for|as)|joined (?:the (?:newsroom|team|paper)|[\p{Lu}][\p{L}]+) (?:in|as) (?:\d{4}|a|an|the)|is an? (?:senior |chief |staff |freelance |foreign |political |award-winning |investigative )*(?:reporter|journalist|correspondent|editor|writer|columnist|contributor|analyst|producer) (?:at|for|with|based|covering|who)|(?:her|his|their) (?:expertise|work|reporting|writing) (?:lies|focuses|has appeared|covers|spans|includes)|covers? (?:politics|economics|business|technology|the war|foreign affairs|national security)[^.]{0,60}for|follow (?:her|him|them) on|about the author|prior to joining|before joining)/iu;

const context = (text: string): RuleContext => {
  const lines = splitLines(text);
  return { text, lines, blocks: splitBlocks(text, lines) };
};

/** Lines built from the pieces the rules look for, cut and joined at random. */
const piecesText = (pieces: readonly string[]) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join(''));

describe('rule pre-tests', () => {
  it('photoCreditRule removes what it removed without its pre-tests', () => {
    const text = piecesText([
      ...'aZ (:)/.!?"”’\n',
      '\n\n',
      'Photo',
      'Photograph',
      'photo',
      'Photo: ',
      '(Reuters/',
      '(photo by ',
      'REUTERS',
      'AP Photo',
      'AFP',
      'EPA',
      'Pool',
      'Getty Images',
      'via Getty Images',
      ' / ',
      'Jane Doe',
      ' words words words words words words words words words words',
      'Caption: ',
    ]);
    fc.assert(
      fc.property(text, (t) => {
        const ctx = context(t);
        expect(photoCreditRule(ctx)).toEqual(referencePhotoCredit(ctx));
      }),
      { numRuns: 3000 },
    );
  });

  it('authorBioRule finds a cue exactly where the word-bounded cue matches', () => {
    const cues = [
      'has been working at',
      'Has Been Reporting with',
      'have worked as',
      'joined the newsroom in 2020',
      'joined Reuters as a',
      'is a senior reporter at',
      'is an award-winning journalist covering',
      'Her expertise lies',
      'his work covers',
      'covers politics for',
      'follow her on',
      'About the author',
      'prior to joining',
      'before joining',
    ];
    const text = piecesText([...'aZ .\n', 'x', '1', 'ſ', 'K', '\u212a', ...cues]);
    fc.assert(
      fc.property(text, (t) => {
        // The rule reads the second half of the blocks; a long story opening keeps every generated block in it.
        const full = `${'Opening paragraph.\n\n'.repeat(40)}${t}`;
        const ctx = context(full);
        const reference = ctx.blocks
          .slice(Math.max(1, Math.floor(ctx.blocks.length / 2)))
          .some((b) => BIO_CUE.test(b.text) && countSpaced(b.text) <= 150);
        expect(authorBioRule(ctx).length > 0).toBe(reference);
      }),
      { numRuns: 2000 },
    );
  });
});
