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
/**
 * Integers of `records` per type the table holds: a record takes 6.9 on average in the bench texts, so
 * a full table's fit, and the records do not grow (nor drop the optimized code of `idOf` for it).
 */
const RECORD_SIZE = 8;
/** Slots per type the table holds (`slots`): at most half of them are filled. */
const SLOTS_PER_TYPE = 2;

// A type's record in `records`: its id, its hash, its text's length, then the text's UTF-16 code units
// two to an integer (the first in the low half).
const ID = 0;
const HASH = 1;
const LENGTH = 2;
const TEXT = 3;

export class WordTypes {
  /** Moves on each time the table is emptied: ids from an earlier epoch stand for other texts. */
  epoch = 0;
  /** How many ids there are (ids are `[0, count)`). */
  count = 0;
  /** How many ids the per-id arrays have room for; grows (ids kept) only for a document with more types. */
  capacity = CAPACITY;
  /** Per id, `hashText` of its text. */
  hashes = new Int32Array(CAPACITY);
  /**
   * Per id, where its record starts in `records` (`textOf`). The table keeps no token strings: a token's
   * text of 13 characters or more is a slice of its document's text in the engine, and would keep that
   * whole text alive as long as the type is in the table.
   */
  private recordStarts = new Int32Array(CAPACITY);
  /**
   * Each type's record (see `ID`), one after another: a slot leads to the one place in memory that
   * holds the id, the hash and the text to compare a token with (integers, not a string the engine
   * compares in a builtin).
   */
  private records = new Int32Array(CAPACITY * RECORD_SIZE);
  private recordsEnd = 0;
  /** Open addressing: each slot the start of a record + 1 (0: empty). */
  private slots = new Int32Array(CAPACITY * SLOTS_PER_TYPE);
  /** 32 minus the bits of a slot number. */
  private shift = Math.clz32(CAPACITY * SLOTS_PER_TYPE - 1);
  /** The text being looked up (`idOf`), packed as in a record. */
  private word = new Int32Array(64);

  /**
   * Ids + 1 (0: none yet) of the texts of one or two ASCII characters, by their codes (`c`, and `128 + c *
   * 128 + d`): punctuation and the shortest words (`,` `.` `of` `to` `a`), about a third of news tokens, found
   * by one read of a 64 KB table that stays in cache instead of a look-up in the slots and the records.
   */
  private readonly short = new Int32Array(128 * 129);

  /** The id of `text`, added if it is new. */
  idOf(text: string): number {
    const n = text.length;
    if (n === 1 || n === 2) {
      const c = text.charCodeAt(0);
      const d = n === 2 ? text.charCodeAt(1) : 0;
      if (c < 128 && d < 128) {
        const at = n === 1 ? c : 128 + c * 128 + d;
        const known = this.short[at] - 1;
        if (known >= 0) return known;
        const id = this.lookUp(text);
        this.short[at] = id + 1;
        return id;
      }
    }
    return this.lookUp(text);
  }

  /** `idOf` by the slots and the records (added if it is new). */
  private lookUp(text: string): number {
    // One pass over the text: its hash, and its code units packed into `word` for the comparisons.
    const n = text.length;
    if (n >= 2 * this.word.length) this.word = new Int32Array(n);
    const word = this.word;
    let hash = 0x811c9dc5 | 0;
    let k = 0;
    for (; k + 1 < n; k += 2) {
      const low = text.charCodeAt(k);
      const high = text.charCodeAt(k + 1);
      hash = Math.imul(Math.imul(hash ^ low, 0x01000193) ^ high, 0x01000193);
      word[k >> 1] = low | (high << 16);
    }
    if (k < n) {
      const low = text.charCodeAt(k);
      hash = Math.imul(hash ^ low, 0x01000193);
      word[k >> 1] = low;
    }
    const size = (n + 1) >> 1;
    const { slots, shift, records } = this;
    const mask = slots.length - 1;
    // (The step to the next slot comes first, from the one before the hash's: taken at every look-up, it
    // is in the engine's first optimized code, which does not have to be dropped at the first collision.)
    let slot = (Math.imul(hash, 0x9e3779b1) >>> shift) - 1;
    for (;;) {
      slot = (slot + 1) & mask;
      const r = slots[slot] - 1;
      if (r < 0) break;
      if (
        records[r + HASH] === hash &&
        records[r + LENGTH] === n &&
        samePacked(records, r + TEXT, word, size)
      )
        return records[r + ID];
    }
    if (this.count === this.capacity) {
      this.grow();
      return this.lookUp(text);
    }
    const id = this.count++;
    this.hashes[id] = hash;
    if (this.recordsEnd + TEXT + size > this.records.length) {
      const grown = new Int32Array(2 * this.records.length + TEXT + size);
      grown.set(this.records);
      this.records = grown;
    }
    const r = this.recordsEnd;
    this.recordStarts[id] = r;
    const into = this.records;
    into[r + ID] = id;
    into[r + HASH] = hash;
    into[r + LENGTH] = n;
    for (let j = 0; j < size; j++) into[r + TEXT + j] = word[j];
    this.recordsEnd = r + TEXT + size;
    slots[slot] = r + 1;
    return id;
  }

  /** The text of id `id` (made from its record: for tests and diagnostics, not for a stage's hot path). */
  textOf(id: number): string {
    const r = this.recordStarts[id];
    const n = this.records[r + LENGTH];
    let text = '';
    for (let k = 0; k < n; k++) {
      const packed = this.records[r + TEXT + (k >> 1)];
      text += String.fromCharCode((k & 1) === 0 ? packed & 0xffff : packed >>> 16);
    }
    return text;
  }

  /** Ids of the texts of `tokens` into `out` (as long at least); empties the table first if they may not fit. */
  idsOf(tokens: readonly { readonly text: string }[], out: Int32Array): void {
    if (this.count + tokens.length > this.capacity && this.count > 0) this.clear();
    for (let i = 0; i < tokens.length; i++) out[i] = this.idOf(tokens[i].text);
  }

  /** Empties the table; the epoch moves on. */
  clear(): void {
    this.slots.fill(0);
    this.short.fill(0);
    this.count = 0;
    this.recordsEnd = 0;
    this.epoch++;
  }

  /** Twice the room, ids kept (a document with more types than the table holds). */
  private grow(): void {
    const capacity = 2 * this.capacity;
    const hashes = new Int32Array(capacity);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const recordStarts = new Int32Array(capacity);
    recordStarts.set(this.recordStarts);
    this.recordStarts = recordStarts;
    this.capacity = capacity;
    this.slots = new Int32Array(capacity * SLOTS_PER_TYPE);
    this.shift--;
    const { slots, shift, records } = this;
    const mask = slots.length - 1;
    for (let r = 0; r < this.recordsEnd; r += TEXT + ((records[r + LENGTH] + 1) >> 1)) {
      let slot = Math.imul(records[r + HASH], 0x9e3779b1) >>> shift;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = r + 1;
    }
  }
}

/** Whether `ints[at, at + size)` holds `word[0, size)`. */
function samePacked(ints: Int32Array, at: number, word: Int32Array, size: number): boolean {
  for (let k = 0; k < size; k++) if (ints[at + k] !== word[k]) return false;
  return true;
}

/** `TypeEpoch.change`: the table is as it was. */
export const TYPES_SAME = 0;
/** `TypeEpoch.change`: the table grew, ids kept (values kept per id stand; arrays of them need room). */
export const TYPES_GREW = 1;
/** `TypeEpoch.change`: the table was emptied (ids stand for other texts: values kept per id are void). */
export const TYPES_EMPTIED = 2;

/**
 * The table a stage's values kept per word-type id were made for: its epoch and capacity. A stage keeps
 * one of these next to its per-id arrays and asks `change` before reading them (once a document or a
 * sentence), instead of keeping and comparing the epoch and the capacity itself.
 */
export class TypeEpoch {
  private epoch = -1;
  private capacity = -1;

  /**
   * How `types` changed since the last call (`TYPES_SAME`, `TYPES_GREW` or `TYPES_EMPTIED`; the first call
   * says emptied); the values are then taken to be made for the table as it is now.
   */
  change(types: WordTypes = wordTypes()): number {
    if (types.epoch === this.epoch && types.capacity === this.capacity) return TYPES_SAME;
    const grew = types.epoch === this.epoch;
    this.epoch = types.epoch;
    this.capacity = types.capacity;
    return grew ? TYPES_GREW : TYPES_EMPTIED;
  }

  /** Forgets the table: the next `change` says emptied. */
  reset(): void {
    this.epoch = -1;
    this.capacity = -1;
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

/**
 * Where `tokenTypes` keeps an array's ids: on the array itself, under this symbol (not enumerable), so
 * that finding them is one property load, and they go with the array. (A `WeakMap` from arrays to ids
 * hashed the array at every look-up and gave the collector an ephemeron per document to trace; a list of
 * the last documents kept them alive past their batch, into the old generation.)
 */
const IDS = Symbol('word-type ids');

type Typed = { [IDS]?: TypedTokens };

/**
 * The word-type id of each of `tokens` (a document's `tokens`), in the current epoch of `wordTypes()`:
 * worked out on the first call for the array, and again only if the table was emptied since.
 */
export function tokenTypes(tokens: readonly { readonly text: string }[]): Int32Array {
  const types = wordTypes();
  let known = (tokens as Typed)[IDS];
  if (known === undefined || known.ids.length !== tokens.length) {
    known = { ids: new Int32Array(tokens.length), epoch: -1 };
    Object.defineProperty(tokens, IDS, { value: known, writable: true, configurable: true });
  }
  if (known.epoch !== types.epoch) {
    types.idsOf(tokens, known.ids);
    known.epoch = types.epoch;
  }
  return known.ids;
}
