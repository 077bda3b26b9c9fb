/**
 * The name tagger's word types: every distinct token text gets a small integer id, and what the tagger
 * needs to know about a word (its hashes, shape, flags, gazetteer facts) is computed once per type and
 * kept, instead of once per token. News repeats its words, so a document's tokens are mostly types
 * already seen, and loading one costs a map lookup per token. The tagger keys its cached partial scores
 * by the same ids.
 *
 * The values are those `SentenceValues` computes (it computes them here too, one new word at a time), so
 * the features are exactly those of the per-token computation.
 *
 * The table grows with the vocabulary; past `MAX_TYPES` the shared table is replaced by a fresh one (an
 * input keeps the table it was loaded with, so its ids stay valid), which keeps memory flat on any number
 * of documents.
 */
import { SentenceValues } from '../../text/pos-features.js';
import { nerGazetteer, T_DEMONYM_PREFIX, T_GAZ_START } from './gazetteer.js';

/**
 * A `WordTypes.ner` bit beside the gazetteer's (`T_GAZ_START`, `T_DEMONYM_PREFIX`): `of`, `and`, `for`,
 * `&`, `de`, `on`, which bridge runs of capitalised words (`Bank of England`).
 */
export const T_CONNECTOR = 4;

const CONNECTORS = new Set(['of', 'and', 'for', '&', 'de', 'on']);

const MAX_TYPES = 1 << 17;

export class WordTypes {
  /** Number of types. */
  n = 0;
  /**
   * The ids by raw text: an open-addressing table of (hash, id) pairs, the hash being FNV-1a over the
   * text's UTF-16 units. (Cheaper than a `Map` keyed by the token's string, which is a new string in every
   * document, so the `Map` would hash it its own way and then compare it with its key anyway.)
   */
  private slots = new Int32Array(2 << 12).fill(-1);
  private slotMask = (1 << 12) - 1;
  private readonly raws: string[] = [];
  /** Normalised word and its lower-cased form (see `normaliseWord`). */
  readonly words: string[] = [];
  readonly lowers: string[] = [];
  cased = new Uint32Array(1024);
  lower = new Uint32Array(1024);
  pre3 = new Uint32Array(1024);
  suf2 = new Uint32Array(1024);
  suf3 = new Uint32Array(1024);
  suf4 = new Uint32Array(1024);
  shape = new Uint32Array(1024);
  flags = new Uint8Array(1024);
  hasUpper = new Uint8Array(1024);
  ner = new Uint8Array(1024);
  /**
   * Types that share a lower-cased hash share a class (`Bank`, `bank`, `BANK`): the document-wide casing
   * evidence is kept per class. `lowerClasses` counts them.
   */
  lowerClass = new Int32Array(1024);
  lowerClasses = 0;
  private readonly classOfLower = new Map<number, number>();
  private readonly scratch = new SentenceValues();
  private readonly one: string[] = [''];

  /** The id of a raw token text, adding the type if new. */
  idOf(raw: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < raw.length; i++) h = Math.imul(h ^ raw.charCodeAt(i), 0x01000193);
    const { slots, slotMask, raws } = this;
    for (let s = (h ^ (h >>> 15)) & slotMask; ; s = (s + 1) & slotMask) {
      const id = slots[2 * s + 1];
      if (id < 0) return this.add(raw, h, s);
      if (slots[2 * s] === h && raws[id] === raw) return id;
    }
  }

  /** Whether the table is big enough to be replaced by a fresh one (see the file comment). */
  get full(): boolean {
    return this.n >= MAX_TYPES;
  }

  /** Adds type `raw` of hash `h` in the free slot `slot`. */
  private add(raw: string, h: number, slot: number): number {
    const id = this.n++;
    if (id >= this.cased.length) this.grow();
    this.raws.push(raw);
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = id;
    if (2 * this.n > this.slotMask) this.rehash();
    this.one[0] = raw;
    const v = this.scratch.load(this.one);
    const lw = v.lowers[0];
    const word = v.words[0];
    this.words.push(word);
    this.lowers.push(lw);
    this.cased[id] = v.cased[0];
    this.lower[id] = v.lower[0];
    this.pre3[id] = v.pre3[0];
    this.suf2[id] = v.suf2[0];
    this.suf3[id] = v.suf3[0];
    this.suf4[id] = v.suf4[0];
    this.shape[id] = v.shape[0];
    this.flags[id] = v.flags[0];
    this.hasUpper[id] = v.hasUpper[0];
    let cls = this.classOfLower.get(v.lower[0]);
    if (cls === undefined) this.classOfLower.set(v.lower[0], (cls = this.lowerClasses++));
    this.lowerClass[id] = cls;
    const g = nerGazetteer();
    let ner = 0;
    if (g.mayStart(word, lw)) ner |= T_GAZ_START;
    if (g.hasDemonymPrefix(lw)) ner |= T_DEMONYM_PREFIX;
    if (CONNECTORS.has(lw)) ner |= T_CONNECTOR;
    this.ner[id] = ner;
    return id;
  }

  /** Doubles the id table. */
  private rehash(): void {
    const old = this.slots;
    this.slotMask = 2 * this.slotMask + 1;
    this.slots = new Int32Array(2 * (this.slotMask + 1)).fill(-1);
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] < 0) continue;
      const h = old[o];
      let s = (h ^ (h >>> 15)) & this.slotMask;
      while (this.slots[2 * s + 1] >= 0) s = (s + 1) & this.slotMask;
      this.slots[2 * s] = h;
      this.slots[2 * s + 1] = old[o + 1];
    }
  }

  private grow(): void {
    const size = this.cased.length * 2;
    const u32 = (a: Uint32Array) => {
      const b = new Uint32Array(size);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(size);
      b.set(a);
      return b;
    };
    this.cased = u32(this.cased);
    this.lower = u32(this.lower);
    this.pre3 = u32(this.pre3);
    this.suf2 = u32(this.suf2);
    this.suf3 = u32(this.suf3);
    this.suf4 = u32(this.suf4);
    this.shape = u32(this.shape);
    this.flags = u8(this.flags);
    this.hasUpper = u8(this.hasUpper);
    this.ner = u8(this.ner);
    const cls = new Int32Array(size);
    cls.set(this.lowerClass);
    this.lowerClass = cls;
  }
}

let shared: WordTypes | undefined;

/** The table new inputs load into; a fresh one once the current one is full. */
export function wordTypes(): WordTypes {
  if (!shared || shared.full) shared = new WordTypes();
  return shared;
}
