// The app-facing adapters (UI contract, "Ingest"): files, pasted text and pasted HTML -> SourceDocs, with every
// problem named by file (or "Pasted text") and explained. Nothing here throws for bad input; nothing is silently
// dropped: every input either becomes a source or yields a problem that says why not.
//
// Rules (documented in docs/privacy-and-safety.md):
// - at most MAX_SOURCES sources in a workspace, files up to MAX_FILE_BYTES (12 MB), workspace files up to
//   MAX_WORKSPACE_BYTES;
// - binary, empty and whitespace-only input is refused with the reason;
// - the same article twice (same text once case, spacing and quote marks are normalised) is not added again and
//   the user is told "already added as “X”"; an article with >= 95% the same words is added with that warning
//   (two outlets running the same wire copy is worth comparing, but the user should know);
// - line ends are normalised to "\n" before any offset exists.

import type { SourceDoc, SourceOrigin, Workspace } from '../lib/workspace-model.ts';
import { MAX_FILE_BYTES, decodeBytes, normaliseLineEnds, sniffBinary, tooLargeMessage } from './decode.ts';
import { htmlToArticle } from './html.ts';
import { MAX_FIELD_CHARS, MAX_SOURCES, MAX_WORKSPACE_BYTES } from './limits.ts';
import { textToArticle } from './text.ts';
import { looksLikeWorkspace, parseWorkspace } from './workspace.ts';

export interface IngestProblem {
  /** The file name, or "Pasted text". */
  readonly input: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface PasteMeta {
  readonly outlet?: string;
  readonly title?: string;
}

/** Injectable for tests and for the Node CLI; the browser defaults are used when omitted. */
export interface IngestEnv {
  readonly win?: Window & typeof globalThis;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export const PASTED = 'Pasted text';

/** Share of identical words above which a new article is flagged as a near-duplicate of one already added. */
export const NEAR_DUPLICATE_SHARE = 0.95;

/** crypto.randomUUID needs a secure context; a page served over plain http on a LAN address lacks it. */
export function newSourceId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A one-line field value (outlet, title, …): control and bidi-override characters out, spaces collapsed, clipped. */
export function cleanField(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const v = value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!v) return undefined;
  return v.length > MAX_FIELD_CHARS ? v.slice(0, MAX_FIELD_CHARS).trimEnd() + '…' : v;
}

// --- duplicates -------------------------------------------------------------------------------------------------

function normaliseForDuplicate(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„‟«»"]/g, '"')
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Characters of a source looked at for the near-duplicate test. Normalising and counting words costs about half a
 * second per megabyte in a browser, so a 10 MB transcript is judged on its first 300,000 characters (plus its
 * length); exact copies of any size are still caught by comparing the whole texts.
 */
const DUPLICATE_SAMPLE_CHARS = 300_000;

interface Fingerprint {
  readonly trimmed: string;
  /** Normalised sample (the whole text when it is no longer than the sample). */
  readonly normal: string;
  readonly complete: boolean;
  readonly words: Map<string, number>;
  readonly total: number;
}

const fingerprints = new WeakMap<object, Fingerprint>();

function fingerprint(text: string): Fingerprint {
  const complete = text.length <= DUPLICATE_SAMPLE_CHARS;
  const normal = normaliseForDuplicate(complete ? text : text.slice(0, DUPLICATE_SAMPLE_CHARS));
  const words = new Map<string, number>();
  let total = 0;
  for (const w of normal.split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    words.set(w, (words.get(w) ?? 0) + 1);
    total++;
  }
  return { trimmed: text.trim(), normal, complete, words, total };
}

function fingerprintOf(doc: SourceDoc): Fingerprint {
  let f = fingerprints.get(doc);
  if (!f) {
    f = fingerprint(doc.text);
    fingerprints.set(doc, f);
  }
  return f;
}

/** Share of words two samples have in common (multiset overlap over the longer one), in [0, 1]. */
function sharedWords(a: Fingerprint, b: Fingerprint): number {
  const longer = Math.max(a.total, b.total);
  if (longer === 0) return 0;
  if (Math.min(a.total, b.total) / longer < NEAR_DUPLICATE_SHARE) return 0; // cannot reach the bar
  if (
    Math.min(a.trimmed.length, b.trimmed.length) / Math.max(a.trimmed.length, b.trimmed.length) <
    NEAR_DUPLICATE_SHARE
  )
    return 0;
  const [small, big] = a.words.size <= b.words.size ? [a, b] : [b, a];
  let common = 0;
  for (const [w, k] of small.words) common += Math.min(k, big.words.get(w) ?? 0);
  return common / longer;
}

type DuplicateVerdict =
  { kind: 'same'; of: SourceDoc } | { kind: 'near'; of: SourceDoc; share: number } | null;

export function findDuplicate(text: string, existing: readonly SourceDoc[]): DuplicateVerdict {
  if (existing.length === 0) return null;
  const f = fingerprint(text);
  let near: DuplicateVerdict = null;
  for (const doc of existing) {
    const g = fingerprintOf(doc);
    if (g.trimmed === f.trimmed || (f.complete && g.complete && g.normal === f.normal))
      return { kind: 'same', of: doc };
    if (near) continue;
    const share = sharedWords(f, g);
    if (share >= NEAR_DUPLICATE_SHARE) near = { kind: 'near', of: doc, share };
  }
  return near;
}

// --- building sources -------------------------------------------------------------------------------------------

interface Draft {
  readonly text: string;
  readonly outlet?: string;
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly byline?: string;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const base = fileName.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * Turn a draft into a SourceDoc, or explain why not. `pool` holds the existing sources plus those added earlier
 * in the same batch, so two copies dropped together are caught too.
 */
function admit(
  draft: Draft,
  origin: SourceOrigin,
  input: string,
  fallbackOutlet: string,
  pool: SourceDoc[],
  env: IngestEnv,
): { doc?: SourceDoc; problems: IngestProblem[] } {
  const problems: IngestProblem[] = [];
  const text = normaliseLineEnds(draft.text).text;
  if (!text.trim()) {
    problems.push({
      input,
      severity: 'error',
      message: text.length
        ? `${label(input)} has only spaces and blank lines, no text.`
        : `${label(input)} is empty.`,
    });
    return { problems };
  }
  if (text.length > MAX_FILE_BYTES) {
    problems.push({
      input,
      severity: 'error',
      message: `${label(input)} has ${text.length.toLocaleString('en')} characters; Parallax reads up to ${MAX_FILE_BYTES.toLocaleString('en')} per source.`,
    });
    return { problems };
  }
  if (pool.length >= MAX_SOURCES) {
    problems.push({
      input,
      severity: 'error',
      message: `${label(input)} was not added: a workspace holds up to ${MAX_SOURCES} sources. Remove some first.`,
    });
    return { problems };
  }
  const dup = findDuplicate(text, pool);
  if (dup?.kind === 'same') {
    problems.push({
      input,
      severity: 'warning',
      message: `${label(input)} is already added as “${dup.of.outlet}”; it was not added again.`,
    });
    return { problems };
  }
  const outlet = cleanField(draft.outlet) ?? hostOf(draft.url) ?? fallbackOutlet;
  const title = cleanField(draft.title);
  const url = cleanField(draft.url);
  const publishedAt = cleanField(draft.publishedAt);
  const byline = cleanField(draft.byline);
  const doc: SourceDoc = {
    id: (env.newId ?? newSourceId)(),
    outlet,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(byline ? { byline } : {}),
    text,
    restored: [],
    origin,
    addedAt: (env.now?.() ?? new Date()).toISOString(),
  };
  if (dup?.kind === 'near')
    problems.push({
      input,
      severity: 'warning',
      message: `${label(input)} looks like an article already added as “${dup.of.outlet}” (${Math.floor(dup.share * 100)}% the same words). It was added; remove one if it is a duplicate.`,
    });
  pool.push(doc);
  return { doc, problems };
}

function label(input: string): string {
  return input === PASTED ? 'The pasted text' : `“${input}”`;
}

function defaultWindow(env: IngestEnv): (Window & typeof globalThis) | undefined {
  if (env.win) return env.win;
  return typeof window !== 'undefined' ? window : undefined;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  // A fragment: several paragraph/div tags make it markup rather than an article that mentions a tag.
  return (text.slice(0, 20_000).match(/<(p|div|br|article|section|span|h[1-6])[\s>/]/gi) ?? []).length >= 3;
}

function fromHtml(html: string, env: IngestEnv): Draft | { error: string } {
  const win = defaultWindow(env);
  if (!win) return { error: 'web pages can only be read in the browser.' };
  const article = htmlToArticle(html, win);
  if ('error' in article) return article;
  return {
    text: article.text,
    outlet: article.siteName,
    title: article.title,
    url: article.url,
    publishedAt: article.publishedAt,
    byline: article.byline,
  };
}

function fromText(text: string, markdown: boolean | undefined): Draft {
  const a = textToArticle(text, markdown === undefined ? {} : { markdown });
  return a;
}

// --- the contract's functions -----------------------------------------------------------------------------------

/** File -> bytes. Blob.arrayBuffer where it exists; FileReader otherwise (older browsers, jsdom). */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the browser could not read it'));
    reader.readAsArrayBuffer(file);
  });
}

export interface IngestFilesResult {
  readonly added: SourceDoc[];
  readonly problems: IngestProblem[];
  /** Set when one of the files is a workspace: the app offers to open it (replacing the current one). */
  readonly workspace?: Workspace;
}

/** Files chosen or dropped by the user -> new sources, at most one workspace, and a problem per refused file. */
export async function ingestFiles(
  files: readonly File[],
  existing: readonly SourceDoc[],
  env: IngestEnv = {},
): Promise<IngestFilesResult> {
  const added: SourceDoc[] = [];
  const problems: IngestProblem[] = [];
  const pool = [...existing];
  let workspace: Workspace | undefined;

  for (const file of files) {
    const name = file.name || 'Unnamed file';
    const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
    const isJson = ext === 'json';
    const limit = isJson ? MAX_WORKSPACE_BYTES : MAX_FILE_BYTES;
    if (file.size > limit) {
      problems.push({ input: name, severity: 'error', message: tooLargeMessage(name, file.size, limit) });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(file);
    } catch (e) {
      problems.push({
        input: name,
        severity: 'error',
        message: `“${name}” could not be read (${e instanceof Error ? e.message : 'the browser refused'}). Is it still there?`,
      });
      continue;
    }

    let text: string;
    if (isJson && bytes.length > MAX_FILE_BYTES) {
      // Workspace files may exceed the per-article limit (they hold every source's text); still refuse binary.
      const binary = sniffBinary(bytes);
      if (binary) {
        problems.push({
          input: name,
          severity: 'error',
          message: `“${name}” is ${binary}, not a workspace file.`,
        });
        continue;
      }
      text = new TextDecoder('utf-8').decode(bytes);
    } else {
      const decoded = decodeBytes(bytes, name);
      if (!decoded.ok) {
        problems.push({ input: name, severity: 'error', message: decoded.message });
        continue;
      }
      for (const note of decoded.notes) problems.push({ input: name, severity: 'warning', message: note });
      text = decoded.text;
    }

    if (isJson || looksLikeWorkspace(text)) {
      const parsed = parseWorkspace(text, name);
      if (!parsed.ok) {
        problems.push({ input: name, severity: 'error', message: parsed.message });
        continue;
      }
      if (workspace) {
        problems.push({
          input: name,
          severity: 'error',
          message: `Only one workspace can be opened at a time; “${name}” was not opened.`,
        });
        continue;
      }
      workspace = parsed.workspace;
      for (const note of parsed.notes) problems.push({ input: name, severity: 'warning', message: note });
      continue;
    }

    const isHtml =
      ext === 'html' || ext === 'htm' || ext === 'xhtml' || (ext !== 'md' && looksLikeHtml(text));
    let draft: Draft;
    if (isHtml) {
      const d = fromHtml(text, env);
      if ('error' in d) {
        problems.push({ input: name, severity: 'error', message: `“${name}”: ${d.error}` });
        continue;
      }
      draft = d;
    } else {
      draft = fromText(text, ext === 'md' || ext === 'markdown' ? true : undefined);
    }
    const result = admit(draft, { kind: 'file', fileName: name }, name, baseName(name) || name, pool, env);
    if (result.doc) added.push(result.doc);
    problems.push(...result.problems);
  }
  return workspace ? { added, problems, workspace } : { added, problems };
}

function fallbackOutlet(existing: readonly SourceDoc[]): string {
  return `Source ${existing.length + 1}`;
}

/**
 * Text typed or pasted into "Article text". Header lines and a headline are read as in files; the Outlet/Title
 * fields, when filled, win over what the text says.
 */
export function ingestPastedText(
  text: string,
  meta: PasteMeta,
  existing: readonly SourceDoc[],
  env: IngestEnv = {},
): { added?: SourceDoc; problems: IngestProblem[] } {
  if (looksLikeHtml(text) && defaultWindow(env)) return ingestPastedHtml(text, meta, existing, env);
  const draft = fromText(text, undefined);
  const merged: Draft = {
    ...draft,
    ...(cleanField(meta.outlet) ? { outlet: meta.outlet } : {}),
    ...(cleanField(meta.title) ? { title: meta.title } : {}),
  };
  const r = admit(merged, { kind: 'paste' }, PASTED, fallbackOutlet(existing), [...existing], env);
  return r.doc ? { added: r.doc, problems: r.problems } : { problems: r.problems };
}

/** HTML from the clipboard (a copied web page): sanitised, main text extracted, metadata read. */
export function ingestPastedHtml(
  html: string,
  meta: PasteMeta,
  existing: readonly SourceDoc[],
  env: IngestEnv = {},
): { added?: SourceDoc; problems: IngestProblem[] } {
  if (!html.trim())
    return { problems: [{ input: PASTED, severity: 'error', message: 'The pasted text is empty.' }] };
  if (html.length > MAX_FILE_BYTES)
    return {
      problems: [
        {
          input: PASTED,
          severity: 'error',
          message: `The pasted web page has ${html.length.toLocaleString('en')} characters; Parallax reads up to ${MAX_FILE_BYTES.toLocaleString('en')} per source.`,
        },
      ],
    };
  const d = fromHtml(html, env);
  if ('error' in d)
    return { problems: [{ input: PASTED, severity: 'error', message: `The pasted web page: ${d.error}` }] };
  const merged: Draft = {
    ...d,
    ...(cleanField(meta.outlet) ? { outlet: meta.outlet } : {}),
    ...(cleanField(meta.title) ? { title: meta.title } : {}),
  };
  const r = admit(merged, { kind: 'paste-html' }, PASTED, fallbackOutlet(existing), [...existing], env);
  return r.doc ? { added: r.doc, problems: r.problems } : { problems: r.problems };
}
