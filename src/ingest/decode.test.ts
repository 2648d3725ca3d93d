import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, decodeBytes, normaliseLineEnds, sniffBinary } from './decode.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const withTail = (head: number[], tail = 'some more bytes here') => new Uint8Array([...head, ...enc(tail)]);

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (le) out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}

function refused(result: ReturnType<typeof decodeBytes>): string {
  if (result.ok) throw new Error(`expected a refusal, got text ${JSON.stringify(result.text.slice(0, 40))}`);
  return result.message;
}

describe('decodeBytes: binary files are refused by what they are, whatever their name', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['photo.txt', withTail([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG image/],
    ['scan.txt', withTail([0xff, 0xd8, 0xff, 0xe0]), /JPEG image/],
    ['anim.md', enc('GIF89a....'), /GIF image/],
    ['report.txt', enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF document.*Copy the article text/],
    [
      'story.txt',
      withTail([0x50, 0x4b, 0x03, 0x04], 'xxxx[Content_Types].xml word/document.xml'),
      /Word document/,
    ],
    ['archive.txt', withTail([0x50, 0x4b, 0x03, 0x04], 'data.csv'), /ZIP archive/],
    ['notes.txt', withTail([0x1f, 0x8b, 0x08, 0x00]), /gzip/],
    ['old.txt', withTail([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old Microsoft Office/],
    ['letter.txt', enc('{\\rtf1\\ansi hello}'), /Rich Text.*save it as plain text/],
    ['clip.txt', withTail([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), /MP4/],
  ];
  for (const [name, data, reason] of cases) {
    it(`${name}: ${reason.source}`, () => {
      const message = refused(decodeBytes(data, name));
      expect(message).toContain(`“${name}”`);
      expect(message).toMatch(reason);
    });
  }

  it('refuses data with zero bytes that is not UTF-16', () => {
    const data = new Uint8Array(400).map((_, i) => (i % 7 === 0 ? 0 : 65 + (i % 26)));
    expect(refused(decodeBytes(data, 'blob.txt'))).toMatch(/“blob\.txt” contains binary data/);
  });

  it('refuses data full of control characters', () => {
    const data = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(refused(decodeBytes(data, 'weird.txt'))).toMatch(/binary data/);
  });

  it('does not take text starting like "BM" or "MZ" for binary', () => {
    expect(sniffBinary(enc('BMW recalls 40,000 cars'))).toBeNull();
    expect(sniffBinary(enc('MZ Media reports'))).toBeNull();
  });
});

describe('decodeBytes: empty and too large', () => {
  it('refuses an empty file by name', () => {
    expect(refused(decodeBytes(new Uint8Array(0), 'empty.txt'))).toBe('“empty.txt” is empty.');
  });

  it('accepts 10 MB and refuses more than the limit, stating it', () => {
    const ten = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    for (let i = 80; i < ten.length; i += 81) ten[i] = 0x0a;
    const r = decodeBytes(ten, 'transcript.txt');
    expect(r.ok).toBe(true);
    const over = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(refused(decodeBytes(over, 'huge.txt'))).toMatch(
      /“huge\.txt” is 12\.0 MB; Parallax reads files up to 12\.0 MB/,
    );
  });
});

describe('decodeBytes: encodings', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Zürich — 東京 🙂')]), 'a.txt');
    expect(r).toMatchObject({ ok: true, text: 'Zürich — 東京 🙂', encoding: 'utf-8', notes: [] });
    expect(decodeBytes(enc('Москва'), 'b.txt')).toMatchObject({ ok: true, text: 'Москва' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const s = 'Reuters: «Путин» said 東京 \u05e9\u05dc\u05d5\u05dd';
    expect(decodeBytes(utf16(s, true, true), 'le.txt')).toMatchObject({
      ok: true,
      text: s,
      encoding: 'utf-16le',
    });
    expect(decodeBytes(utf16(s, false, true), 'be.txt')).toMatchObject({
      ok: true,
      text: s,
      encoding: 'utf-16be',
    });
  });

  it('recognises UTF-16 without a BOM by its zero bytes, and says so', () => {
    const s = 'The minister said on Friday that talks would resume.';
    const r = decodeBytes(utf16(s, true, false), 'nobom.txt');
    expect(r).toMatchObject({ ok: true, text: s, encoding: 'utf-16le' });
    if (r.ok) expect(r.notes[0]).toMatch(/no byte-order mark/);
  });

  it('refuses UTF-32 with a clear reason', () => {
    expect(refused(decodeBytes(bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0), 'u32.txt'))).toMatch(/UTF-32/);
  });

  it('reads a legacy Windows-1252 file (no valid UTF-8 sequences) as Windows-1252, with a note', () => {
    // “Café” said the mayor — in Windows-1252: 0x93 Caf 0xE9 0x94 said the mayor 0x97
    const data = bytes(0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x97);
    const r = decodeBytes(data, 'legacy.txt');
    expect(r).toMatchObject({ ok: true, text: '“Café” said —', encoding: 'windows-1252' });
    if (r.ok) expect(r.notes[0]).toMatch(/“legacy\.txt” is not UTF-8; it was read as Windows-1252/);
  });

  it('keeps UTF-8 with a few damaged bytes as UTF-8, marking them and warning', () => {
    const data = new Uint8Array([...enc('Zürich and '), 0xff, ...enc(' Genève')]);
    const r = decodeBytes(data, 'damaged.txt');
    expect(r).toMatchObject({ ok: true, text: 'Zürich and \uFFFD Genève', encoding: 'utf-8' });
    if (r.ok) expect(r.notes[0]).toMatch(/1 damaged character/);
  });
});

describe('line ends are normalised to \\n before any offset exists', () => {
  it.each([
    ['a\r\nb\r\n\r\nc', 'crlf'],
    ['a\rb\r\rc', 'cr'],
    ['a\nb\n\nc', 'lf'],
    ['a\r\nb\rc\nd', 'mixed'],
    ['abc', 'none'],
  ] as const)('%j -> %s', (input, kind) => {
    const r = normaliseLineEnds(input);
    expect(r.lineEnds).toBe(kind);
    expect(r.text).not.toMatch(/\r/);
  });

  it('decodeBytes reports the original line ends', () => {
    const r = decodeBytes(enc('Title\r\n\r\nBody one.\r\nBody two.'), 'win.txt');
    expect(r).toMatchObject({ ok: true, text: 'Title\n\nBody one.\nBody two.', lineEnds: 'crlf' });
  });
});

describe('stray control characters', () => {
  it('drops a stray NUL from a long text, with a note, instead of refusing the file', () => {
    const data = new Uint8Array([...enc('The minister '.repeat(200)), 0, ...enc('said so.')]);
    const r = decodeBytes(data, 'stray.txt');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.text).not.toContain('\u0000');
      expect(r.notes).toEqual(['1 invisible control character was removed from “stray.txt”.']);
    }
  });
});
