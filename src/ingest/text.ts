// Plain text and Markdown -> an article's text and metadata (issue 3 stage 1).
//
// - Leading header lines "Outlet:", "Title:", "URL:", "Date:", "Byline:" (any case, any order, before the story)
//   are metadata: they are taken out of the text and returned as fields. The CLI uses the same rule.
// - Markdown is reduced to its text: headings become their own paragraphs, emphasis/links/images/code marks go,
//   paragraphs stay separated by a blank line. YAML front matter gives title/date/outlet/url.
// - A first line that reads as a headline becomes the title; the text itself is kept unchanged (the engine marks
//   that line as the headline unit).

import { normaliseLineEnds } from './decode.ts';
import { normaliseDate } from './html.ts';

export interface TextArticle {
  readonly text: string;
  readonly outlet?: string;
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly byline?: string;
}

export interface TextOptions {
  /** Treat the input as Markdown. Undefined = decide from the text itself (see `looksLikeMarkdown`). */
  readonly markdown?: boolean;
}

const HEADER =
  /^(outlet|source|publication|title|headline|url|link|date|published|byline|author|by)\s*:\s*(.*)$/i;
const MAX_HEADER_LINES = 8;
const MAX_HEADLINE_CHARS = 200;
const MAX_HEADLINE_WORDS = 30;

function oneLine(value: string): string | undefined {
  const v = value.replace(/\s+/g, ' ').trim();
  return v ? v.slice(0, 300) : undefined;
}

function httpUrl(value: string): string | undefined {
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Markdown shows itself by ATX headings, links/images, emphasis, fences or front matter. Two different kinds of
 * sign are needed, so a plain article that happens to contain "*" or "#1" is left alone.
 */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20_000);
  const signs = [
    /^#{1,6} \S/m,
    /!?\[[^\]\n]+\]\([^)\s]+\)/,
    /(\*\*|__)\S[^\n]*?\S\1/,
    /^```/m,
    /^---\n[\s\S]*?\n---\n/,
    /^\s{0,3}[-*+] \S/m,
    /^> \S/m,
  ];
  return signs.filter((re) => re.test(head)).length >= 2;
}

interface FrontMatter {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
  author?: string;
}

/** Markdown -> plain text, keeping paragraph breaks. Also returns what the YAML front matter said. */
export function markdownToText(md: string): { text: string; front: FrontMatter } {
  const front: FrontMatter = {};
  let body = md;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (fm) {
    for (const line of (fm[1] ?? '').split('\n')) {
      const m = /^(\w+)\s*:\s*["']?(.*?)["']?\s*$/.exec(line);
      if (!m) continue;
      const key = (m[1] ?? '').toLowerCase();
      const value = m[2] ?? '';
      if (key === 'title') front.title = value;
      else if (key === 'date' || key === 'published') front.date = value;
      else if (key === 'outlet' || key === 'source' || key === 'publication') front.outlet = value;
      else if (key === 'url' || key === 'link') front.url = value;
      else if (key === 'author' || key === 'byline') front.author = value;
    }
    body = body.slice(fm[0].length);
  }

  const out: string[] = [];
  for (const raw of body.split('\n')) {
    let line = raw;
    if (/^\s{0,3}(```|~~~)/.test(line)) continue; // code fence markers (the code itself is kept as text)
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push(''); // thematic break = paragraph break
      continue;
    }
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && out.length && out[out.length - 1] !== '') {
      out.push(''); // setext heading underline: the line above is a heading, make it its own paragraph
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // reference link definitions
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      out.push('', heading[1] ?? '', '');
      continue;
    }
    line = line
      .replace(/^\s{0,3}(>\s?)+/, '') // block quotes
      .replace(/^\s*([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?/, '') // list markers, task boxes
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images -> alt text
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links -> their text
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
      .replace(/<\/?[A-Za-z][^<>\n]*>/g, '') // inline HTML tags (never rendered as HTML anyway)
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/(\*\*|__)(\S(?:[^\n]*?\S)?)\1/g, '$2')
      .replace(/(^|[^\w*])\*(\S(?:[^*\n]*?\S)?)\*(?!\w)/g, '$1$2')
      .replace(/(^|[^\w])_(\S(?:[^_\n]*?\S)?)_(?![\w])/g, '$1$2')
      .replace(/~~(\S(?:[^\n]*?\S)?)~~/g, '$1')
      .replace(/\s+$/, '');
    out.push(line);
  }
  // Lines inside a paragraph stay on their own lines; runs of blank lines collapse to one.
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  return { text, front };
}

/** A line reads as a headline: short, not a full sentence ending in a full stop, starts with a capital or digit. */
export function readsAsHeadline(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > MAX_HEADLINE_CHARS) return false;
  if (t.split(/\s+/).length > MAX_HEADLINE_WORDS) return false;
  if (/[.,;:…]$/.test(t) && !/\b[A-Z]\.$/.test(t)) return false; // "… U.S." can end a headline
  if (/^["“'‘«„]?\p{Ll}/u.test(t)) return false;
  return true;
}

/**
 * Split a text into metadata and story. `text` may have any line ends; the returned text has "\n" only.
 * Nothing is invented: fields are present only when the text says them.
 */
export function textToArticle(input: string, options: TextOptions = {}): TextArticle {
  let text = normaliseLineEnds(input).text.replace(/^\uFEFF/, '');
  const meta: { outlet?: string; title?: string; url?: string; publishedAt?: string; byline?: string } = {};

  // Header lines: only at the very start, consecutive, blank lines allowed before the first.
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && !(lines[i] ?? '').trim()) i++;
  let consumed = 0;
  for (let n = 0; i < lines.length && n < MAX_HEADER_LINES; i++, n++) {
    const m = HEADER.exec((lines[i] ?? '').trim());
    if (!m) break;
    const key = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? '';
    if (key === 'outlet' || key === 'source' || key === 'publication') meta.outlet ??= oneLine(value);
    else if (key === 'title' || key === 'headline') meta.title ??= oneLine(value);
    else if (key === 'url' || key === 'link') meta.url ??= httpUrl(value);
    else if (key === 'date' || key === 'published')
      meta.publishedAt ??= normaliseDate(value) ?? oneLine(value);
    else meta.byline ??= oneLine(value);
    consumed = i + 1;
  }
  // "By: Jane Doe" alone at the top is a byline, but a lone "Date: ..." line followed by the story is still a
  // header: any recognised key counts. The story starts after the header and the blank lines that follow it.
  if (consumed > 0)
    text = lines
      .slice(consumed)
      .join('\n')
      .replace(/^\s*\n/, '');

  const markdown = options.markdown ?? looksLikeMarkdown(text);
  if (markdown) {
    const md = markdownToText(text);
    text = md.text;
    meta.title ??= md.front.title ? oneLine(md.front.title) : undefined;
    meta.outlet ??= md.front.outlet ? oneLine(md.front.outlet) : undefined;
    meta.url ??= md.front.url ? httpUrl(md.front.url) : undefined;
    meta.byline ??= md.front.author ? oneLine(md.front.author) : undefined;
    meta.publishedAt ??= md.front.date ? normaliseDate(md.front.date) : undefined;
  }

  if (!meta.title) {
    const trimmed = text.replace(/^\s+/, '');
    const nl = trimmed.indexOf('\n');
    const first = nl < 0 ? trimmed : trimmed.slice(0, nl);
    // Only a headline when more text follows it (a one-line paste is a sentence, not a title), and, in a text
    // whose paragraphs are separated by blank lines, when a blank line follows it (else it is a hard-wrapped line).
    const rest = nl < 0 ? '' : trimmed.slice(nl + 1);
    const blankLineParagraphs = /\n[ \t]*\n/.test(trimmed);
    const standsAlone = !blankLineParagraphs || /^[ \t]*\n/.test(rest);
    if (rest.trim() && standsAlone && readsAsHeadline(first)) meta.title = oneLine(first);
  }

  const result: TextArticle = { text };
  return Object.assign(
    result,
    Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)),
  ) as TextArticle;
}
