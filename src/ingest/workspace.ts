// The workspace JSON format: what "Export → Workspace (JSON)" writes, "Import workspace" reads, and what the store
// persists (without the format/version/savedAt header, which zustand's persist wrapper keeps itself).
//
// Validation is by hand, field by field, so every refusal says exactly what is wrong and where, in words a
// journalist understands. Values are copied into fresh objects with known fields only: a hostile file cannot smuggle
// extra properties (or "__proto__") into the store.
//
// Versions (bump WORKSPACE_VERSION in src/lib/workspace-model.ts and add a step to MIGRATIONS on every change):
//   0  early draft: { app: "parallax", version: 0, savedAt?, sources: [{ id, outlet, title?, url?, date?, byline?,
//      text }], threshold?: number | null, cleaning?: boolean, corrections?: Correction[] }
//      (no per-source `restored`/`origin`/`addedAt`, flat options, date under `date`)
//   1  { format: "parallax-workspace", version: 1, savedAt, sources: SourceDoc[], options: WorkspaceOptions,
//      corrections: Correction[] }

import type { Correction, Relation } from '../core/model.ts';
import {
  DEFAULT_WORKSPACE_OPTIONS,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type SourceDoc,
  type SourceOrigin,
  type Workspace,
  type WorkspaceOptions,
} from '../lib/workspace-model.ts';
import { MAX_SOURCES } from './limits.ts';

export type WorkspaceResult =
  | { readonly ok: true; readonly workspace: Workspace; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** The facts a workspace is made of: what the store persists. */
export interface WorkspaceFacts {
  readonly sources: readonly SourceDoc[];
  readonly options: WorkspaceOptions;
  readonly corrections: readonly Correction[];
}

const RELATIONS: readonly Relation[] = ['identical', 'minor', 'paraphrase', 'adds-detail', 'conflicting'];

/** Workspace JSON as written to a file: indented so it diffs and reads well. */
export function serializeWorkspace(state: WorkspaceFacts, savedAt: Date = new Date()): string {
  const ws: Workspace = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    savedAt: savedAt.toISOString(),
    sources: state.sources,
    options: state.options,
    corrections: state.corrections,
  };
  return JSON.stringify(ws, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

class Invalid extends Error {}

function kindOf(v: unknown): string {
  if (v === null) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function quoteName(v: unknown): string {
  if (typeof v !== 'string' || !v.trim()) return '';
  const t = v.replace(/\s+/g, ' ').trim();
  return ` (“${t.length > 40 ? t.slice(0, 40) + '…' : t}”)`;
}

function str(o: Record<string, unknown>, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string')
    throw new Invalid(`${where}: “${key}” should be text but is ${v === undefined ? 'missing' : kindOf(v)}.`);
  return v;
}

function optStr(o: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Invalid(`${where}: “${key}” should be text but is ${kindOf(v)}.`);
  return v;
}

function strList(o: Record<string, unknown>, key: string, where: string): string[] {
  const v = o[key];
  if (!Array.isArray(v))
    throw new Invalid(
      `${where}: “${key}” should be a list but is ${v === undefined ? 'missing' : kindOf(v)}.`,
    );
  return v.map((x, i) => {
    if (typeof x !== 'string')
      throw new Invalid(`${where}: item ${i + 1} of “${key}” should be text but is ${kindOf(x)}.`);
    return x;
  });
}

function readOrigin(v: unknown, where: string): SourceOrigin {
  if (!isObject(v))
    throw new Invalid(
      `${where}: “origin” should be an object but is ${v === undefined ? 'missing' : kindOf(v)}.`,
    );
  const kind = v.kind;
  if (kind === 'paste') return { kind: 'paste' };
  if (kind === 'paste-html') return { kind: 'paste-html' };
  if (kind === 'sample' || kind === 'file') return { kind, fileName: str(v, 'fileName', `${where}, origin`) };
  throw new Invalid(
    `${where}: “origin.kind” should be one of sample, paste, paste-html, file; it is ${typeof kind === 'string' ? `“${kind.slice(0, 40)}”` : kindOf(kind)}.`,
  );
}

function readSources(
  raw: unknown,
  read: (o: Record<string, unknown>, where: string) => SourceDoc,
): SourceDoc[] {
  if (!Array.isArray(raw))
    throw new Invalid(`“sources” should be a list but is ${raw === undefined ? 'missing' : kindOf(raw)}.`);
  if (raw.length > MAX_SOURCES)
    throw new Invalid(`it has ${raw.length} sources; Parallax compares up to ${MAX_SOURCES}.`);
  const seen = new Map<string, string>();
  return raw.map((s, i) => {
    const where = `source ${i + 1}${isObject(s) ? quoteName(s.outlet) : ''}`;
    if (!isObject(s)) throw new Invalid(`${where} should be an object but is ${kindOf(s)}.`);
    const doc = read(s, where);
    if (!doc.id.trim()) throw new Invalid(`${where}: “id” is empty.`);
    const other = seen.get(doc.id);
    if (other !== undefined)
      throw new Invalid(`${where} has the same id as ${other}; each source needs its own id.`);
    seen.set(doc.id, where);
    return doc;
  });
}

/** The fields every version stores the same way; `dateKey` names the publication date ("date" in version 0). */
function readSourceCore(
  s: Record<string, unknown>,
  where: string,
  dateKey: string,
): Pick<SourceDoc, 'id' | 'outlet' | 'title' | 'url' | 'publishedAt' | 'byline' | 'text'> {
  const title = optStr(s, 'title', where);
  const url = optStr(s, 'url', where);
  const publishedAt = optStr(s, dateKey, where);
  const byline = optStr(s, 'byline', where);
  return {
    id: str(s, 'id', where),
    outlet: str(s, 'outlet', where),
    ...(title !== undefined ? { title } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    ...(byline !== undefined ? { byline } : {}),
    text: str(s, 'text', where),
  };
}

function readSourceV1(s: Record<string, unknown>, where: string): SourceDoc {
  return {
    ...readSourceCore(s, where, 'publishedAt'),
    restored: strList(s, 'restored', where),
    origin: readOrigin(s.origin, where),
    addedAt: str(s, 'addedAt', where),
  };
}

function readOptions(
  v: unknown,
  sources: readonly SourceDoc[],
): { options: WorkspaceOptions; notes: string[] } {
  if (!isObject(v))
    throw new Invalid(`“options” should be an object but is ${v === undefined ? 'missing' : kindOf(v)}.`);
  const notes: string[] = [];
  const t = v.threshold;
  if (t !== null && t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 1))
    throw new Invalid(
      `the similarity threshold should be a number from 0 to 1 (or null) but is ${typeof t === 'number' ? t : kindOf(t)}.`,
    );
  const ref = v.referenceSourceId;
  if (ref !== null && ref !== undefined && typeof ref !== 'string')
    throw new Invalid(`“options.referenceSourceId” should be text or null but is ${kindOf(ref)}.`);
  let referenceSourceId = typeof ref === 'string' ? ref : null;
  if (referenceSourceId !== null && !sources.some((s) => s.id === referenceSourceId)) {
    notes.push('The reference source named in the file is not among its sources; the first source is used.');
    referenceSourceId = null;
  }
  const cleaning = v.cleaning;
  if (cleaning !== undefined && typeof cleaning !== 'boolean')
    throw new Invalid(`“options.cleaning” should be true or false but is ${kindOf(cleaning)}.`);
  return {
    options: {
      threshold: typeof t === 'number' ? t : null,
      referenceSourceId,
      cleaning: cleaning ?? DEFAULT_WORKSPACE_OPTIONS.cleaning,
    },
    notes,
  };
}

function readCorrections(v: unknown): Correction[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Invalid(`“corrections” should be a list but is ${kindOf(v)}.`);
  return v.map((c, i): Correction => {
    const where = `correction ${i + 1}`;
    if (!isObject(c)) throw new Invalid(`${where} should be an object but is ${kindOf(c)}.`);
    const a = str(c, 'a', where);
    const b = str(c, 'b', where);
    if (c.kind === 'link' || c.kind === 'unlink') return { kind: c.kind, a, b };
    if (c.kind === 'relation') {
      const r = c.relation;
      if (typeof r !== 'string' || !(RELATIONS as readonly string[]).includes(r))
        throw new Invalid(`${where}: “relation” should be one of ${RELATIONS.join(', ')}.`);
      return { kind: 'relation', a, b, relation: r as Relation };
    }
    throw new Invalid(`${where}: “kind” should be link, unlink or relation.`);
  });
}

/** Version 0 -> the current shape. Exported for tests only through migrateWorkspace. */
function fromV0(data: Record<string, unknown>): { workspace: Workspace; notes: string[] } {
  const savedAt = typeof data.savedAt === 'string' ? data.savedAt : new Date(0).toISOString();
  const sources = readSources(data.sources, (s, where) => {
    return {
      ...readSourceCore(s, where, 'date'),
      // Version 0 could not put removals back, and did not record where a source came from.
      restored: [],
      origin: { kind: 'paste' },
      addedAt: savedAt,
    };
  });
  const { options, notes } = readOptions(
    { threshold: data.threshold ?? null, referenceSourceId: null, cleaning: data.cleaning },
    sources,
  );
  return {
    workspace: {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      savedAt,
      sources,
      options,
      corrections: readCorrections(data.corrections),
    },
    notes,
  };
}

function fromV1(data: Record<string, unknown>): { workspace: Workspace; notes: string[] } {
  const sources = readSources(data.sources, readSourceV1);
  const { options, notes } = readOptions(data.options ?? DEFAULT_WORKSPACE_OPTIONS, sources);
  return {
    workspace: {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      savedAt: typeof data.savedAt === 'string' ? data.savedAt : new Date().toISOString(),
      sources,
      options,
      corrections: readCorrections(data.corrections),
    },
    notes,
  };
}

/** One reader per version, each producing the current shape (a reader per version keeps each step testable). */
const READERS: Readonly<
  Record<number, (data: Record<string, unknown>) => { workspace: Workspace; notes: string[] }>
> = {
  0: fromV0,
  1: fromV1,
};

/**
 * Bring workspace data saved by any earlier Parallax (or by the store's persist wrapper, which saves the facts
 * without the header) to the current shape, validating every field. Never throws.
 */
export function migrateWorkspace(data: unknown, fromVersion: number): WorkspaceResult {
  if (!Number.isInteger(fromVersion) || fromVersion < 0)
    return { ok: false, message: `The workspace has an unreadable version number (${String(fromVersion)}).` };
  if (fromVersion > WORKSPACE_VERSION)
    return {
      ok: false,
      message: `The workspace was made by a newer Parallax (version ${fromVersion}); this one reads up to version ${WORKSPACE_VERSION}. Update Parallax to open it.`,
    };
  if (!isObject(data))
    return { ok: false, message: `The workspace should be an object but is ${kindOf(data)}.` };
  const read = READERS[fromVersion];
  if (!read) return { ok: false, message: `Parallax has no reader for workspace version ${fromVersion}.` };
  try {
    const { workspace, notes } = read(data);
    return { ok: true, workspace, notes };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: `The workspace cannot be used: ${e.message}` };
    return {
      ok: false,
      message: `The workspace cannot be used: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * Where JSON.parse failed, as "line 3, column 7". Engines word (and locate) the error differently, and V8 often
 * gives no position at all, so on failure a small strict scanner finds the first offending character itself.
 */
export function locateJsonError(text: string): { line: number; column: number } | 'end' {
  let i = 0;
  const n = text.length;
  class Stop extends Error {
    constructor(readonly at: number) {
      super('');
    }
  }
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
      }
      i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || !m[0] || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail();
  };
  let at = n;
  try {
    value(0);
    ws();
    if (i < n) fail();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    at = e.at;
  }
  if (at >= n) return 'end';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

function jsonErrorWhere(text: string): string {
  const where = locateJsonError(text);
  return where === 'end'
    ? 'the end of the file (it looks cut off)'
    : `line ${where.line}, column ${where.column}`;
}

/** Quick check used to route a dropped .json (or mis-named) file to the workspace reader. */
export function looksLikeWorkspace(text: string): boolean {
  const head = text.slice(0, 2000);
  return /^\s*\{/.test(head) && /"(format|app)"\s*:\s*"parallax/.test(head);
}

/** Read a workspace file. Refuses malformed JSON, other programs' JSON and newer versions, saying why. */
export function parseWorkspace(text: string, fileName: string): WorkspaceResult {
  const name = `“${fileName}”`;
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, message: `${name} is empty.` };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return {
      ok: false,
      message: `${name} is not a valid workspace file: its JSON is broken at ${jsonErrorWhere(body)}.`,
    };
  }
  if (!isObject(data))
    return {
      ok: false,
      message: `${name} is not a Parallax workspace: it holds ${kindOf(data)}, not a workspace.`,
    };

  let version: unknown;
  if (data.format === WORKSPACE_FORMAT) version = data.version;
  else if (data.app === 'parallax' && data.version === 0) version = 0;
  else {
    if (Array.isArray(data.units) && Array.isArray(data.groups))
      return {
        ok: false,
        message: `${name} is a comparison result (from the Parallax command line or an export), not a workspace. Add the articles themselves instead.`,
      };
    const keys = Object.keys(data).slice(0, 3);
    return {
      ok: false,
      message: `${name} is not a Parallax workspace; it looks like JSON from another program${keys.length ? ` (its fields are ${keys.map((k) => `“${k.slice(0, 30)}”`).join(', ')}${Object.keys(data).length > 3 ? ', …' : ''})` : ''}.`,
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return {
      ok: false,
      message: `${name} has no readable version number, so Parallax cannot tell how to read it.`,
    };
  if (version > WORKSPACE_VERSION)
    return {
      ok: false,
      message: `${name} was made by a newer Parallax (version ${version}); this one reads up to version ${WORKSPACE_VERSION}. Update Parallax to open it.`,
    };
  const result = migrateWorkspace(data, version);
  if (!result.ok) return { ok: false, message: result.message.replace(/^The workspace/, name) };
  return result;
}
