// A file on disk -> a SourceInput for the CLI, using the same adapters as the app (src/ingest): bytes are decoded
// by decodeBytes (binary formats, empty files and encodings are recognised there), .html/.htm goes through
// htmlToArticle with a jsdom window (DOMPurify + Readability, as in the browser), and .txt/.md through
// textToArticle (leading "Outlet:" / "Title:" header lines become metadata and leave the text).
// Every failure is one line naming the file and the reason, as a value: the caller decides the exit code.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { JSDOM } from 'jsdom';
import type { SourceInput } from '../core/model.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { htmlToArticle } from '../ingest/html.ts';
import { textToArticle } from '../ingest/text.ts';

export interface FileSource extends SourceInput {
  /** The path as given on the command line. */
  readonly file: string;
}

export type ReadResult =
  { readonly ok: true; readonly source: FileSource } | { readonly ok: false; readonly message: string };

const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const MARKDOWN_EXT = new Set(['.md', '.markdown']);
const TEXT_EXT = new Set(['.txt', '.text', '']);

function errnoReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission to read it was denied';
  return e instanceof Error ? e.message : String(e);
}

/** The file name without folders and extension: the outlet when the file does not name one. */
export function outletFromFileName(file: string): string {
  return basename(file, extname(file)) || basename(file);
}

/** Turn already-read bytes into a source. Separate from `readSource` so tests need no files. */
export function sourceFromBytes(file: string, bytes: Uint8Array, id: string): ReadResult {
  const decoded = decodeBytes(bytes, file);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const ext = extname(file).toLowerCase();

  let article: {
    text: string;
    outlet?: string;
    title?: string;
    url?: string;
    publishedAt?: string;
    byline?: string;
  };
  if (
    HTML_EXT.has(ext) ||
    (!TEXT_EXT.has(ext) && !MARKDOWN_EXT.has(ext) && /^\s*<(!doctype|html)/i.test(decoded.text))
  ) {
    const { window } = new JSDOM('');
    try {
      const html = htmlToArticle(decoded.text, window as unknown as Window & typeof globalThis);
      if ('error' in html) return { ok: false, message: `“${file}”: ${html.error}` };
      article = html;
    } finally {
      window.close();
    }
  } else {
    article = textToArticle(decoded.text, MARKDOWN_EXT.has(ext) ? { markdown: true } : {});
  }
  if (!article.text.trim())
    return { ok: false, message: `“${file}” has no article text (only header lines or blank space).` };

  return {
    ok: true,
    source: {
      id,
      file,
      outlet: article.outlet ?? outletFromFileName(file),
      text: article.text,
      ...(article.title ? { title: article.title } : {}),
      ...(article.url ? { url: article.url } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      ...(article.byline ? { byline: article.byline } : {}),
    },
  };
}

export async function readSource(file: string, id: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { ok: false, message: `“${file}” cannot be read: ${errnoReason(e)}.` };
  }
  return sourceFromBytes(file, bytes, id);
}

/** Ids from file names ("wire-report"), made unique in argument order ("wire-report-2"). */
export function idsForFiles(files: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const base =
      outletFromFileName(f)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '') || 'source';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
