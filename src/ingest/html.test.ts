// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlToArticle, normaliseDate, type HtmlArticle } from './html.ts';

const PARAS = [
  'Russian President Vladimir Putin warned on Friday that any Western troops deployed to Ukraine would be legitimate targets.',
  'Speaking at the Eastern Economic Forum in Vladivostok, he said a lasting peace deal would make such forces unnecessary.',
  'European leaders meeting in Paris a day earlier had discussed security guarantees for Kyiv after any ceasefire.',
];

const page = (extraHead = '', extraBody = '') => `<!doctype html><html><head>
  <title>Putin warns West | Example News</title>
  <meta property="og:title" content="Putin warns West over troops">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2025-09-05T09:30:00Z">
  <link rel="canonical" href="https://news.example/world/putin-warns">
  ${extraHead}
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Putin warns West over troops</h1>
    <p class="byline">By Anna Reporter</p>
    ${PARAS.map((p) => `<p>${p}</p>`).join('\n')}
    ${extraBody}
  </article>
  <footer>© Example News. Subscribe to our newsletter.</footer>
</body></html>`;

function article(html: string): HtmlArticle {
  const r = htmlToArticle(html, window);
  if ('error' in r) throw new Error(r.error);
  return r;
}

afterEach(() => {
  delete (window as unknown as Record<string, unknown>).__xss;
});

describe('htmlToArticle', () => {
  it('finds the story, keeps paragraphs, and reads title, site, date, URL and byline', () => {
    const a = article(page());
    expect(a.title).toBe('Putin warns West over troops');
    expect(a.siteName).toBe('Example News');
    expect(a.publishedAt).toBe('2025-09-05T09:30:00Z');
    expect(a.url).toBe('https://news.example/world/putin-warns');
    expect(a.byline).toMatch(/Anna Reporter/);
    expect(a.text.startsWith('Putin warns West over troops\n\n')).toBe(true);
    for (const p of PARAS) expect(a.text).toContain(`\n\n${p}`);
    expect(a.text).not.toMatch(/Home|Subscribe/);
  });

  it('reads JSON-LD metadata without running it', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'From JSON-LD',
      datePublished: '2025-09-06',
      author: [{ '@type': 'Person', name: 'Ivan Writer' }],
      publisher: { '@type': 'Organization', name: 'LD Times' },
    })}</script>`;
    const a = article(
      `<html><head>${ld}</head><body><article>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    );
    expect(a.title).toBe('From JSON-LD');
    expect(a.publishedAt).toBe('2025-09-06');
    expect(a.siteName).toBe('LD Times');
  });

  it('sanitises before anything else: scripts, handlers and javascript: URLs never run or survive as text', () => {
    const hostile = `
      <script>window.__xss = 1</script>
      <p><img src="x" onerror="window.__xss = 2">An image with a handler.</p>
      <p><a href="javascript:window.__xss=3">A link</a> in the story.</p>
      <svg><script>window.__xss = 4</script></svg>
      <math><mtext><table><mglyph><style><img src=x onerror="window.__xss=5"></style></mglyph></table></mtext></math>
      <iframe srcdoc="<script>parent.__xss=6</script>"></iframe>
      <noscript><p title="</noscript><img src=x onerror=window.__xss=7>"></p></noscript>`;
    const a = article(page('<meta http-equiv="refresh" content="0;url=javascript:window.__xss=8">', hostile));
    expect((window as unknown as Record<string, unknown>).__xss).toBeUndefined();
    expect(a.text).not.toMatch(/__xss|<script|onerror|javascript:/);
    expect(a.text).toContain('An image with a handler.');
    expect(a.text).toContain('A link in the story.');
  });

  it('drops a javascript: or data: canonical URL', () => {
    const a = article(page().replace('https://news.example/world/putin-warns', 'javascript:alert(1)'));
    expect(a.url).toBeUndefined();
  });

  it('falls back to the body text for a short fragment', () => {
    const a = article('<b>Breaking:</b> talks resume in Geneva.');
    expect(a.text).toBe('Breaking: talks resume in Geneva.');
  });

  it('reports a page with no readable text', () => {
    expect(htmlToArticle('<script>x()</script><img src=a.png>', window)).toEqual({
      error: 'The web page has no readable text (only markup, scripts or images).',
    });
  });

  it('works with a jsdom window in Node (the CLI)', () => {
    const { window: win } = new JSDOM('');
    const r = htmlToArticle(page(), win as unknown as Window & typeof globalThis);
    expect('error' in r ? r.error : r.title).toBe('Putin warns West over troops');
  });

  it('keeps right-to-left and CJK text', () => {
    const a = article(`<p dir="rtl">שלום עולם. זה מאמר.</p><p>東京で会議が開かれた。</p>`);
    expect(a.text).toBe('שלום עולם. זה מאמר.\n\n東京で会議が開かれた。');
  });
});

describe('normaliseDate', () => {
  it('keeps ISO dates, converts readable ones, drops nonsense', () => {
    expect(normaliseDate('2025-09-05')).toBe('2025-09-05');
    expect(normaliseDate('Fri, 05 Sep 2025 10:00:00 GMT')).toBe('2025-09-05T10:00:00.000Z');
    expect(normaliseDate('yesterday')).toBeUndefined();
  });
});
