import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeMarkdown, markdownToText, readsAsHeadline, textToArticle } from './text.ts';

describe('textToArticle: header lines', () => {
  it('takes Outlet/Title/URL/Date/Byline lines at the start as metadata and out of the text', () => {
    const a = textToArticle(
      'Outlet: Daily Bugle\nTitle: Mayor resigns\nURL: https://bugle.example/mayor\nDate: 2025-09-05\nBy: J. Jonah Jameson\n\nThe mayor resigned on Friday.',
    );
    expect(a).toEqual({
      text: 'The mayor resigned on Friday.',
      outlet: 'Daily Bugle',
      title: 'Mayor resigns',
      url: 'https://bugle.example/mayor',
      publishedAt: '2025-09-05',
      byline: 'J. Jonah Jameson',
    });
  });

  it('ignores a javascript: URL in the header', () => {
    const a = textToArticle('URL: javascript:alert(1)\n\nBody text here.');
    expect(a.url).toBeUndefined();
    expect(a.text).toBe('Body text here.');
  });

  it('does not treat "Date:" inside the story as a header', () => {
    const text = 'Talks resume.\n\nDate: not yet set, officials said.';
    expect(textToArticle(text).text).toBe(text);
  });
});

describe('textToArticle: a first line that reads as a headline becomes the title, text unchanged', () => {
  it('on the Scopex seed', () => {
    const seed = readFileSync('public/sample/scopex.txt', 'utf8');
    const a = textToArticle(seed);
    expect(a.title).toBe(
      'Putin Warns West: Foreign Forces in Ukraine Will Be a Legitimate Target for Russia',
    );
    expect(a.text).toBe(seed.replace(/\r\n?/g, '\n'));
  });

  it('not for a first sentence, nor for a one-line text, nor for a hard-wrapped line', () => {
    expect(textToArticle('The mayor resigned on Friday.\n\nMore text.').title).toBeUndefined();
    expect(textToArticle('Mayor Resigns').title).toBeUndefined();
    expect(
      textToArticle('The mayor, who took office in 2019 and\npromised reform, resigned.\n\nSecond para.')
        .title,
    ).toBeUndefined();
  });

  it('for right-to-left and CJK headlines too', () => {
    expect(textToArticle('الرئيس يعلن خطة جديدة\n\nقال الرئيس يوم الجمعة إن الخطة ستبدأ.').title).toBe(
      'الرئيس يعلن خطة جديدة',
    );
    expect(textToArticle('東京で大規模な会議\n\n首相は金曜日に演説した。').title).toBe('東京で大規模な会議');
  });

  it('readsAsHeadline rules', () => {
    expect(readsAsHeadline('Putin Warns West')).toBe(true);
    expect(readsAsHeadline('Will the Talks Resume?')).toBe(true);
    expect(readsAsHeadline('He said it was over.')).toBe(false);
    expect(readsAsHeadline('lowercase start')).toBe(false);
    expect(readsAsHeadline('x'.repeat(201))).toBe(false);
  });
});

describe('Markdown', () => {
  const md = [
    '---',
    'title: "Summit ends without deal"',
    'date: 2025-09-05',
    'outlet: Wire',
    '---',
    '# Summit ends without deal',
    '',
    'Leaders **failed** to agree on a [ceasefire](https://example.com/c) plan, _officials_ said.',
    '',
    '## Reaction',
    '',
    '> “We are disappointed,” said the envoy.',
    '',
    '- First point',
    '- Second point with `code`',
    '',
    '![A photo of the leaders](photo.jpg)',
  ].join('\n');

  it('is recognised by two different signs, not one stray mark', () => {
    expect(looksLikeMarkdown(md)).toBe(true);
    expect(looksLikeMarkdown('He was ranked #1 in the poll, a * footnote.')).toBe(false);
  });

  it('is reduced to text with paragraphs, headings as their own paragraphs, and front matter as metadata', () => {
    const a = textToArticle(md, { markdown: true });
    expect(a.title).toBe('Summit ends without deal');
    expect(a.outlet).toBe('Wire');
    expect(a.publishedAt).toBe('2025-09-05');
    expect(a.text).toBe(
      [
        'Summit ends without deal',
        '',
        'Leaders failed to agree on a ceasefire plan, officials said.',
        '',
        'Reaction',
        '',
        '“We are disappointed,” said the envoy.',
        '',
        'First point',
        'Second point with code',
        '',
        'A photo of the leaders',
      ].join('\n'),
    );
  });

  it('keeps underscores inside words and asterisks in arithmetic', () => {
    expect(markdownToText('snake_case_name and 2 * 3 * 4').text).toBe('snake_case_name and 2 * 3 * 4');
  });

  it('drops inline HTML tags instead of keeping markup in the story', () => {
    expect(markdownToText('Hello <b>bold</b> <script>x</script> world').text).toBe('Hello bold x world');
  });
});

describe('line ends and odd input', () => {
  it('CRLF and CR text come out with \\n only', () => {
    expect(textToArticle('Headline Here\r\n\r\nBody one.\rBody two.').text).toBe(
      'Headline Here\n\nBody one.\nBody two.',
    );
  });

  it('a 50,000-character sentence without punctuation is kept whole', () => {
    const long = 'word '.repeat(10_000).trim();
    const a = textToArticle(long);
    expect(a.text).toBe(long);
    expect(a.title).toBeUndefined();
  });

  it('emoji and combining characters pass through untouched', () => {
    const s = 'Cafe\u0301 owners 👩🏽‍⚕️ protest\n\nThe protest by cafe\u0301 owners 🇺🇦 continued.';
    expect(textToArticle(s).text).toBe(s);
  });
});
