// HTML -> an article's text and metadata (issue 3 stage 1, issue 6 "Security").
//
// Order matters: DOMPurify sanitises the raw HTML FIRST (scripts, event handlers, javascript: URLs, SVG/MathML
// tricks and mutation-XSS forms are gone before anything else parses it); Readability then finds the main text in
// the sanitised document; and what leaves this module is plain text only, which the UI renders as text. Metadata
// (<meta>, <link rel=canonical>, JSON-LD) is read as strings by a DOMPurify hook while it walks the raw document,
// so it is never parsed by anything else.
//
// DOM-implementation-agnostic: the caller passes a window (the browser's, or a jsdom window in the Node CLI).

import createDOMPurify from 'dompurify';
import { Readability } from '@mozilla/readability';

export interface HtmlArticle {
  readonly title?: string;
  readonly byline?: string;
  readonly publishedAt?: string;
  readonly siteName?: string;
  readonly url?: string;
  /** Paragraphs separated by a blank line; the title (when known) is the first paragraph, as in a pasted text. */
  readonly text: string;
}

/** Longest metadata value kept (a title, byline or site name longer than this is page junk, not metadata). */
const MAX_META_CHARS = 300;

// Elements that start a new paragraph in the extracted text.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TR', 'UL', 'CAPTION', 'TBODY', 'THEAD', 'TFOOT',
]); // prettier-ignore
// Never text of the story, even if sanitising left them (DOMPurify keeps <style> content out, but be explicit).
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'TITLE',
]);

function clip(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  // Collapse whitespace and drop control/bidi-override characters: metadata is a single line shown as a label.
  const v = value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!v) return undefined;
  return v.length > MAX_META_CHARS ? v.slice(0, MAX_META_CHARS).trimEnd() + '…' : v;
}

/** Only http(s) URLs are kept: a javascript: or data: "canonical URL" is someone's trick, not metadata. */
function safeUrl(value: string | undefined): string | undefined {
  const v = clip(value);
  if (!v) return undefined;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** ISO 8601 when the value is a date we can read; otherwise nothing (a wrong date is worse than none). */
export function normaliseDate(value: string | undefined): string | undefined {
  const v = clip(value);
  if (!v) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (iso) return v;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  const year = d.getUTCFullYear();
  if (year < 1800 || year > 2200) return undefined;
  return d.toISOString();
}

interface Meta {
  readonly props: Map<string, string>;
  canonical?: string;
  ld: { headline?: string; author?: string; datePublished?: string; publisher?: string; url?: string };
}

function readJsonLd(raw: string, meta: Meta): void {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return;
  }
  const stack: unknown[] = [data];
  let guard = 0;
  while (stack.length && guard++ < 200) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...item);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) stack.push(...(o['@graph'] as unknown[]));
    const type = String(o['@type'] ?? '');
    if (!/Article|Posting|Report/i.test(type)) continue;
    const name = (v: unknown): string | undefined =>
      typeof v === 'string'
        ? v
        : Array.isArray(v)
          ? v.map(name).filter(Boolean).join(', ') || undefined
          : v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
            ? (v as { name: string }).name
            : undefined;
    meta.ld.headline ??= name(o.headline);
    meta.ld.author ??= name(o.author);
    meta.ld.datePublished ??= name(o.datePublished);
    meta.ld.publisher ??= name(o.publisher);
    meta.ld.url ??= name(o.url);
  }
}

/** Plain text of a (sanitised, inert) node: paragraphs for block elements, a line break for <br>. */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/[ \t\f\v\u00A0\r\n]+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'TD' || tag === 'TH') current += ' ';
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Sanitise `html`, find the article in it and return its plain text and metadata, or an error in words a
 * journalist understands. `win` is any DOM window (browser or jsdom); nothing in it is modified.
 */
export function htmlToArticle(
  html: string,
  win: Window & typeof globalThis,
): HtmlArticle | { error: string } {
  const purify = createDOMPurify(win);
  if (!purify.isSupported) return { error: 'This browser cannot read web pages safely (no DOM parser).' };

  const meta: Meta = { props: new Map(), ld: {} };
  purify.addHook('uponSanitizeElement', (node, data) => {
    const tag = data.tagName;
    if (tag !== 'meta' && tag !== 'link' && tag !== 'script') return;
    const el = node as Element;
    if (tag === 'meta') {
      const key = (
        el.getAttribute('property') ??
        el.getAttribute('name') ??
        el.getAttribute('itemprop')
      )?.toLowerCase();
      const content = el.getAttribute('content');
      if (key && content != null && !meta.props.has(key)) meta.props.set(key, content);
    } else if (tag === 'link') {
      if (/\bcanonical\b/i.test(el.getAttribute('rel') ?? ''))
        meta.canonical ??= el.getAttribute('href') ?? undefined;
    } else if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') {
      // Read as a string and JSON.parse'd: never executed, and the element itself is removed by DOMPurify.
      readJsonLd(el.textContent ?? '', meta);
    }
  });

  const clean = purify.sanitize(html, {
    WHOLE_DOCUMENT: true,
    // Nothing visual is needed to find text; dropping these also drops their tricks (forms, CSS, embedded docs).
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'frame',
      'object',
      'embed',
    ],
    FORBID_ATTR: ['style', 'srcset'],
  });
  purify.removeAllHooks();

  const doc = new win.DOMParser().parseFromString(clean, 'text/html');
  const docTitle = clip(doc.title);
  const timeEl = doc.querySelector('time[datetime]');
  const firstH1 = clip(doc.querySelector('h1')?.textContent);

  let text = '';
  let readable: ReturnType<Readability['parse']> = null;
  try {
    readable = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  } catch {
    // Readability gave up on this page: `readable` stays null and the whole body is used below.
  }
  if (readable?.content) {
    const inner = new win.DOMParser().parseFromString(purify.sanitize(readable.content), 'text/html');
    text = blockText(inner.body);
  }
  // Readability needs a few hundred characters of prose; a short or unusual page falls back to all body text.
  if (text.length < 80 && doc.body) {
    const whole = blockText(doc.body);
    if (whole.length > text.length) text = whole;
  }

  const p = meta.props;
  const title = clip(p.get('og:title') ?? meta.ld.headline ?? firstH1 ?? readable?.title ?? docTitle);
  const byline = clip(readable?.byline ?? p.get('author') ?? meta.ld.author ?? p.get('article:author'));
  const publishedAt = normaliseDate(
    p.get('article:published_time') ??
      meta.ld.datePublished ??
      readable?.publishedTime ??
      p.get('date') ??
      p.get('datepublished') ??
      timeEl?.getAttribute('datetime') ??
      undefined,
  );
  const siteName = clip(p.get('og:site_name') ?? readable?.siteName ?? meta.ld.publisher);
  const url = safeUrl(meta.canonical ?? p.get('og:url') ?? meta.ld.url);

  if (!text.trim()) return { error: 'The web page has no readable text (only markup, scripts or images).' };
  // The headline opens the text, as in a pasted article, so the engine can place it as the headline.
  if (title && !text.slice(0, title.length + 20).includes(title)) text = `${title}\n\n${text}`;

  return {
    text,
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(siteName ? { siteName } : {}),
    ...(url ? { url } : {}),
  };
}
