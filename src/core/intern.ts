// Ids for substrings, looked up without making the substring. The engine maps every word of every source to an id or
// a memoised result (the aligner's tokens, the report's verbatim shingles); with a Map that costs one sliced string
// per word occurrence, ~100k per comparison on the 50 x 2k bench, although a story repeats most of its words. Here a
// word is hashed and compared in place, and only a word seen for the first time is sliced.
//
// Invariant: the same text always gets the same id, ids count up from 0 in order of first appearance (what a Map
// filled with `map.set(word, map.size)` gives), and a hit is confirmed character by character, so a hash collision
// never merges two words.

const EMPTY_SLOT = -1;

export class SubstringIds {
  private readonly words: string[] = [];
  /** Slot -> id, or EMPTY_SLOT. Power-of-two size, at most half full. */
  private slots = new Int32Array(1024).fill(EMPTY_SLOT);
  private slotHash = new Int32Array(1024);

  get size(): number {
    return this.words.length;
  }

  /** The text of id `id`. */
  word(id: number): string {
    return this.words[id]!;
  }

  /** Id of text.slice(start, end), added if new. */
  idOf(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id === EMPTY_SLOT) break;
      if (this.slotHash[s] === h && sameText(this.words[id]!, text, start, end)) return id;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    if (2 * this.words.length > this.slots.length) this.grow();
    this.place(h, id);
    return id;
  }

  clear(): void {
    this.words.length = 0;
    this.slots.fill(EMPTY_SLOT);
  }

  private place(h: number, id: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== EMPTY_SLOT) s = (s + 1) & mask;
    this.slots[s] = id;
    this.slotHash[s] = h;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHash = this.slotHash;
    this.slots = new Int32Array(2 * oldSlots.length).fill(EMPTY_SLOT);
    this.slotHash = new Int32Array(2 * oldSlots.length);
    for (let s = 0; s < oldSlots.length; s++)
      if (oldSlots[s] !== EMPTY_SLOT) this.place(oldHash[s]!, oldSlots[s]!);
  }
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
