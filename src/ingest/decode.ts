// Bytes -> text for every file the user gives Parallax (issue 6, "Bad input").
//
// Decisions, in order:
// 1. Known binary formats are refused by their magic number, whatever the file is called (a PDF renamed .txt is
//    still a PDF), with a reason that names the format and says what to do instead.
// 2. A byte-order mark decides the encoding (UTF-8, UTF-16 LE/BE). UTF-16 without a BOM is recognised by its
//    pattern of zero bytes (every other byte is 0 in Latin-script text).
// 3. More than a stray NUL byte (over 1 in 1,000), or many control characters, means "binary": refused. A few
//    stray control characters in a text are removed, with a note.
// 4. Valid UTF-8 is read as UTF-8. Invalid UTF-8 is read one of two ways:
//    - if the file also holds well-formed multi-byte UTF-8 sequences, it is UTF-8 with a few damaged bytes: those
//      become U+FFFD and the user is warned (reading it as Windows-1252 would garble every accented letter);
//    - otherwise it is a legacy single-byte file (Word's "Save as text" on Windows): read as Windows-1252, noted.
// 5. Line ends are normalised to "\n" here, before any offset exists, so every later offset is into the text the
//    app keeps (CRLF and lone CR files show and segment like any other).

/**
 * Largest file Parallax reads: 12 MB. A 10 MB transcript is accepted; beyond 12 MB the browser tab's memory for
 * the comparison (several copies of the text, units, index) becomes the risk, so the file is refused with the limit.
 */
export const MAX_FILE_BYTES = 12 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type LineEnds = 'none' | 'lf' | 'crlf' | 'cr' | 'mixed';

export type DecodeResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncodingName;
      /** Things the user should know about how the file was read (encoding fallback, damaged bytes). */
      readonly notes: string[];
      /** Which line ends the file had before they were normalised to "\n". */
      readonly lineEnds: LineEnds;
    }
  | { readonly ok: false; readonly message: string };

interface Magic {
  readonly bytes: readonly (number | null)[];
  readonly offset?: number;
  readonly what: string;
}

// null = any byte. Only signatures that cannot start a real text file (a text file may well begin with "BM" or
// "MZ", so those are left to the NUL/control-character test).
const MAGICS: readonly Magic[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38, null, 0x61], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: 'a WebP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old Microsoft Office document (.doc/.xls)',
  },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'a Rich Text (RTF) document' },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a compressed (bzip2) file' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'a compressed (xz) file' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly program' },
  { bytes: [0x49, 0x44, 0x33], what: 'an MP3 audio file' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], what: 'an Ogg audio/video file' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, what: 'an MP4/MOV video or audio file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a Matroska/WebM video' },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00],
    what: 'an SQLite database',
  },
];

function matches(bytes: Uint8Array, m: Magic): boolean {
  const at = m.offset ?? 0;
  if (bytes.length < at + m.bytes.length) return false;
  return m.bytes.every((b, i) => b === null || bytes[at + i] === b);
}

/** ZIP containers: say which kind, because "a ZIP archive" puzzles someone who chose a .docx. */
function describeZip(bytes: Uint8Array): string {
  // The first entry's name sits at offset 30 of the local file header; Office/ODF/EPUB put telltale names early.
  const head = latin1(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (head.includes('word/')) return 'a Word document (.docx)';
  if (head.includes('xl/')) return 'an Excel workbook (.xlsx)';
  if (head.includes('ppt/')) return 'a PowerPoint presentation (.pptx)';
  if (head.includes('application/vnd.oasis.opendocument.text')) return 'an OpenDocument text (.odt)';
  if (head.includes('application/vnd.oasis.opendocument')) return 'an OpenDocument file';
  if (head.includes('application/epub+zip')) return 'an e-book (.epub)';
  if (head.includes('[Content_Types].xml')) return 'a Microsoft Office document';
  return 'a ZIP archive';
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

function adviceFor(what: string): string {
  if (/Word|OpenDocument text|Rich Text|Office document|\.doc/.test(what))
    return 'Open it in your word processor, save it as plain text (.txt) or a web page (.html), and add that file.';
  if (/PDF/.test(what)) return 'Copy the article text out of the PDF and paste it with “Add source”.';
  if (/image/.test(what)) return 'Parallax reads text, not pictures of text.';
  return 'Parallax reads plain text (.txt), Markdown (.md) and web pages (.html).';
}

/** What a binary file was taken for, or null when it may be text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07)
  )
    return describeZip(bytes);
  for (const m of MAGICS) if (matches(bytes, m)) return m.what;
  return null;
}

/**
 * UTF-16 without a BOM: in text that is mostly ASCII, one byte of every pair is zero. Returns the byte order when
 * at least 40% of the sampled pairs show the pattern on one side and (almost) none on the other.
 */
function sniffBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs >= 0.4 && evenZero / pairs < 0.02) return 'utf-16le';
  if (evenZero / pairs >= 0.4 && oddZero / pairs < 0.02) return 'utf-16be';
  return null;
}

function countZeros(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) n++;
  return n;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (a quick pass, no decoding). */
function utf8Shape(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      multi++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, €). Decoded by hand because Node's
// TextDecoder without full ICU treats "windows-1252" as Latin-1 and would turn “quotes” into control characters.
const CP1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    let s = '';
    for (const b of chunk) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    parts.push(s);
  }
  return parts.join('');
}

/** Line ends -> "\n". Returns what the text had, for the record. */
export function normaliseLineEnds(text: string): { text: string; lineEnds: LineEnds } {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  const lineEnds: LineEnds =
    kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
  return { text: crlf + cr > 0 ? text.replace(/\r\n?/g, '\n') : text, lineEnds };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** “name” is 13.0 MB; Parallax reads files up to 12 MB. */
export function tooLargeMessage(name: string, size: number, limit = MAX_FILE_BYTES): string {
  return `“${name}” is ${formatBytes(size)}; Parallax reads files up to ${formatBytes(limit)}. Split it or paste the part you need.`;
}

/** Decode a file's bytes to text, or say in plain words why it is not text Parallax can read. */
export function decodeBytes(bytes: Uint8Array, name: string): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: tooLargeMessage(name, bytes.length) };
  if (bytes.length === 0) return { ok: false, message: `“${name}” is empty.` };

  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, message: `“${name}” is ${binary}, not text. ${adviceFor(binary)}` };

  const notes: string[] = [];
  let encoding: TextEncodingName;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0)
      return {
        ok: false,
        message: `“${name}” is in UTF-32, which Parallax does not read. Save it as UTF-8.`,
      };
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    const utf16 = sniffBomlessUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      notes.push(
        `“${name}” has no byte-order mark; it was read as ${utf16 === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'}.`,
      );
    } else if (countZeros(bytes) > Math.max(2, bytes.length / 1000)) {
      // A stray NUL in a long text (a copy-paste accident) is dropped below; many of them mean binary data.
      return {
        ok: false,
        message: `“${name}” contains binary data (zero bytes), so it is not a text file. ${adviceFor('')}`,
      };
    } else {
      encoding = 'utf-8';
    }
  }

  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      const shape = utf8Shape(body);
      if (shape.multi > 0) {
        text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
        notes.push(
          `“${name}” has ${shape.invalid} damaged character${shape.invalid === 1 ? '' : 's'} that could not be read as UTF-8; ${shape.invalid === 1 ? 'it is' : 'they are'} shown as “�”.`,
        );
      } else {
        encoding = 'windows-1252';
        text = decodeWindows1252(body);
        notes.push(
          `“${name}” is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters.`,
        );
      }
    }
  } else {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    if (text.includes('\uFFFD'))
      notes.push(
        `Some characters in “${name}” could not be read as ${encoding.toUpperCase()}; they are shown as “�”.`,
      );
  }

  // Control characters other than tab, line feed, form feed and carriage return: a few are tolerated (stray bytes
  // in old files), many mean the file is binary data that happens to decode.
  // Control characters are exactly what this test looks for.
  /* eslint-disable no-control-regex */
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const controls = (sample.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g) ?? []).length;
  if (controls > 0 && controls / sample.length > 0.01)
    return { ok: false, message: `“${name}” looks like binary data, not text. ${adviceFor('')}` };
  if (controls > 0 || sample.length < text.length) {
    let removed = 0;
    text = text.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, () => {
      removed++;
      return '';
    });
    if (removed > 0)
      notes.push(
        `${removed} invisible control character${removed === 1 ? ' was' : 's were'} removed from “${name}”.`,
      );
  }
  /* eslint-enable no-control-regex */

  const normalised = normaliseLineEnds(text);
  return { ok: true, text: normalised.text, encoding, notes, lineEnds: normalised.lineEnds };
}
