/**
 * Word types: each distinct token text this thread has seen gets a small integer id, so that the stages
 * that keep something per word (part of speech, names, times, events) find it by the id, in an array,
 * instead of each hashing the token's text and comparing it with the texts of its own table.
 *
 * The ids belong to the thread's one table (`wordTypes`) and hold only while its `epoch` stays the same:
 * when the table is full it is emptied before the next document's tokens are added, and the epoch moves
 * on. A stage that keeps values per id checks the epoch (and `capacity`) before it reads them, and drops
 * them when either changed. `tokenTypes` gives a document's ids in the current epoch, adding its tokens
 * again if the table was emptied since it last did (a batch of documents can span an emptying).
 */

/** FNV-1a over the UTF-16 code units of `text`, as a signed 32-bit integer. */
export function hashText(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** How many types the table holds before it is emptied (it grows only for a document with more). */
const CAPACITY = 1 << 15;

export class WordTypes {
  /** Moves on each time the table is emptied: ids from an earlier epoch stand for other texts. */
  epoch = 0;
  /** How many ids there are (ids are `[0, count)`). */
  count = 0;
  /** How many ids the per-id arrays have room for; grows (ids kept) only for a document with more types. */
  capacity = CAPACITY;
  /** Per id, `hashText` of its text. */
  hashes = new Int32Array(CAPACITY);
  /** Per id, its text (the first token string seen with it). */
  texts: string[] = [];
  /**
   * Per id, where its text starts in `chars`, two UTF-16 code units to an integer, after one integer with
   * its length: comparing a token with it reads integers, not a string the engine compares in a builtin.
   */
  private starts = new Int32Array(CAPACITY);
  private chars = new Int32Array(CAPACITY * 6);
  private charsEnd = 0;
  /** Open addressing: each slot the hash and the id + 1 (0: empty), at most a quarter full. */
  private slots = new Int32Array(CAPACITY * 8);
  /** 32 minus the bits of a slot number. */
  private shift = Math.clz32(CAPACITY * 4 - 1);

  /** The id of `text`, added if it is new. */
  idOf(text: string): number {
    const hash = hashText(text);
    const { slots, shift } = this;
    const mask = (slots.length >> 1) - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
    for (;;) {
      const id = slots[2 * slot + 1] - 1;
      if (id < 0) break;
      if (slots[2 * slot] === hash && this.sameText(id, text)) return id;
      slot = (slot + 1) & mask;
    }
    if (this.count === this.capacity) {
      this.grow();
      return this.idOf(text);
    }
    const id = this.count++;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = id + 1;
    this.hashes[id] = hash;
    this.texts[id] = text;
    const n = text.length;
    if (this.charsEnd + 1 + (n >> 1) + 1 > this.chars.length) {
      const chars = new Int32Array(2 * this.chars.length + n);
      chars.set(this.chars);
      this.chars = chars;
    }
    const chars = this.chars;
    let at = this.charsEnd;
    this.starts[id] = at;
    chars[at++] = n;
    for (let k = 0; k < n; k += 2)
      chars[at++] = text.charCodeAt(k) | (k + 1 < n ? text.charCodeAt(k + 1) << 16 : 0);
    this.charsEnd = at;
    return id;
  }

  /** Ids of the texts of `tokens` into `out` (as long at least); empties the table first if they may not fit. */
  idsOf(tokens: readonly { readonly text: string }[], out: Int32Array): void {
    if (this.count + tokens.length > this.capacity && this.count > 0) this.clear();
    for (let i = 0; i < tokens.length; i++) out[i] = this.idOf(tokens[i].text);
  }

  /** Empties the table; the epoch moves on. */
  clear(): void {
    this.slots.fill(0);
    this.texts.length = 0;
    this.count = 0;
    this.charsEnd = 0;
    this.epoch++;
  }

  /** Whether id `id` has the text `text`. */
  private sameText(id: number, text: string): boolean {
    const chars = this.chars;
    let at = this.starts[id];
    const n = text.length;
    if (chars[at++] !== n) return false;
    for (let k = 0; k + 1 < n; k += 2, at++)
      if (chars[at] !== (text.charCodeAt(k) | (text.charCodeAt(k + 1) << 16))) return false;
    return (n & 1) === 0 || chars[at] === text.charCodeAt(n - 1);
  }

  /** Twice the room, ids kept (a document with more types than the table holds). */
  private grow(): void {
    const capacity = 2 * this.capacity;
    const hashes = new Int32Array(capacity);
    hashes.set(this.hashes);
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    this.hashes = hashes;
    this.starts = starts;
    this.capacity = capacity;
    this.slots = new Int32Array(capacity * 8);
    this.shift--;
    const { slots, shift } = this;
    const mask = (slots.length >> 1) - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = Math.imul(hashes[id], 0x9e3779b1) >>> shift;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hashes[id];
      slots[2 * slot + 1] = id + 1;
    }
  }
}

let shared: WordTypes | undefined;

/** This thread's table of word types. */
export function wordTypes(): WordTypes {
  return (shared ??= new WordTypes());
}

/** A document's token ids and the epoch they belong to. */
interface TypedTokens {
  ids: Int32Array;
  epoch: number;
}

const typed = new WeakMap<readonly { readonly text: string }[], TypedTokens>();

/**
 * The word-type id of each of `tokens` (a document's `tokens`), in the current epoch of `wordTypes()`:
 * worked out on the first call for the array, and again only if the table was emptied since.
 */
export function tokenTypes(tokens: readonly { readonly text: string }[]): Int32Array {
  const types = wordTypes();
  let known = typed.get(tokens);
  if (known === undefined || known.ids.length !== tokens.length) {
    known = { ids: new Int32Array(tokens.length), epoch: -1 };
    typed.set(tokens, known);
  }
  if (known.epoch !== types.epoch) {
    types.idsOf(tokens, known.ids);
    known.epoch = types.epoch;
  }
  return known.ids;
}
