/**
 * The speech-cue lexicon (data/quotes/cues.tsv), loaded once into a map keyed by the first word, so a
 * cue is found with one lookup per token.
 */
import { readDataRows } from '../data.js';
import type { Token } from '../doc.js';
import { TypeEpoch, TYPES_SAME, wordTypes } from '../text/word-types.js';

export type CueUse = 'verb' | 'participle' | 'prep' | 'noun';

export interface CueEntry {
  /** The words of the cue, lower-case. */
  words: string[];
  lemma: string;
  use: CueUse;
  /** `trailing`: only a cue after its content (`"...?" he asked.`). */
  trailingOnly: boolean;
}

/** A cue found in the tokens: `[start, end)` token indexes. */
export interface CueMatch {
  entry: CueEntry;
  start: number;
  end: number;
}

export class CueLexicon {
  private readonly byFirst = new Map<string, CueEntry[]>();
  /**
   * A bit per hash of a first word's first, second and last characters and its length (see `sketch`): a
   * token whose hash has no bit set is no first word, with no map look-up (nearly every token).
   */
  private readonly sketches = new Int32Array(SKETCH_SIZE >> 5);
  /**
   * Per word type (the ids of `tokenTypes`, in the table `typesFor` of `wordTypes()`): 0 not looked at
   * yet, `NO_CUE` no first word, `FIRST_WORD` a first word whose entries are looked up by its text, or
   * `LISTED` plus k for a first word whose entries are `lists[k]`. See `matchType`.
   */
  private typeBits = new Uint8Array(0);
  private readonly typesFor = new TypeEpoch();
  /** The entry lists of `byFirst`, those a type's bits can name (up to `MAX_LISTED`). */
  private readonly lists: CueEntry[][] = [];

  constructor(entries: readonly CueEntry[]) {
    for (const e of entries) {
      const list = this.byFirst.get(e.words[0]) ?? [];
      list.push(e);
      // Longest first, so `pointed out` wins over a shorter entry on the same word.
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(e.words[0], list);
    }
    for (const word of this.byFirst.keys()) {
      const h = sketch(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(word.length - 1), word.length);
      this.sketches[h >> 5] |= 1 << (h & 31);
    }
    for (const list of this.byFirst.values()) if (this.lists.length < MAX_LISTED) this.lists.push(list);
  }

  /** Could a word with these first, second and last characters and length be a first word? */
  private mayBeFirst(c0: number, c1: number, last: number, n: number): boolean {
    const h = sketch(c0, c1, last, n);
    return (this.sketches[h >> 5] & (1 << (h & 31))) !== 0;
  }

  /**
   * Makes the per-type bits of `matchType` those of the current epoch of `wordTypes()` (emptied when it
   * moved on or the table grew): called once a document, after `tokenTypes` gave its ids.
   */
  typesReady(): void {
    const types = wordTypes();
    if (this.typesFor.change(types) !== TYPES_SAME) this.typeBits = new Uint8Array(types.capacity);
  }

  /** The `typeBits` of a type with this text. */
  private bitsOf(text: string): number {
    const list = this.firstEntries(text);
    if (list === undefined) return NO_CUE;
    const k = this.lists.indexOf(list);
    return k < 0 ? FIRST_WORD : LISTED + k;
  }

  /**
   * `match` at token `i`, whose word type is `id` (`typesReady` called for its document): a type seen
   * before in the epoch is told to be no first word (nearly every token) by one byte, and finds its
   * entries by it, with no text read, hashed or looked up.
   */
  matchType(tokens: readonly Token[], i: number, end: number, id: number): CueMatch | null {
    let bits = this.typeBits[id];
    if (bits === 0) bits = this.typeBits[id] = this.bitsOf(tokens[i].text);
    if (bits === NO_CUE) return null;
    const list = bits >= LISTED ? this.lists[bits - LISTED] : this.firstEntries(tokens[i].text);
    return list === undefined ? null : this.matchEntries(list, tokens, i, end);
  }

  /** The cue starting at token `i`, if any; `end` bounds the tokens it may span (the sentence end). */
  match(tokens: readonly Token[], i: number, end: number): CueMatch | null {
    const list = this.firstEntries(tokens[i].text);
    return list === undefined ? null : this.matchEntries(list, tokens, i, end);
  }

  /** The first of `list` (the entries of token `i`'s text, longest first) that the tokens from `i` spell. */
  private matchEntries(list: CueEntry[], tokens: readonly Token[], i: number, end: number): CueMatch | null {
    for (const entry of list) {
      const n = entry.words.length;
      if (i + n > end) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = lower(tokens[i + k].text) === entry.words[k];
      if (ok) return { entry, start: i, end: i + n };
    }
    return null;
  }

  /** The entries whose first word is `text` (in any case), longest first, or undefined. */
  private firstEntries(text: string): CueEntry[] | undefined {
    // Most tokens are lower-case non-cues: look the text up as it is, lower-casing only capitalised words.
    const c = text.charCodeAt(0);
    let list: CueEntry[] | undefined;
    if (c > 127) list = this.byFirst.get(text) ?? this.byFirst.get(lower(text));
    else {
      // The same look-ups, skipped where the sketch shows they would find nothing.
      const n = text.length;
      const c1 = text.charCodeAt(1);
      const last = text.charCodeAt(n - 1);
      if (this.mayBeFirst(c, c1, last, n)) list = this.byFirst.get(text);
      // An ASCII word lower-cases character by character; any other word is looked up as before.
      if (
        !list &&
        c >= 65 &&
        c <= 90 &&
        (this.mayBeFirst(c + 32, lowerAscii(c1), lowerAscii(last), n) || !isAscii(text))
      )
        list = this.byFirst.get(lower(text));
    }
    return list;
  }
}

/** `typeBits`: the type's text is the first word of no entry. */
const NO_CUE = 1;
/** `typeBits`: the type's text is a first word, its entries found by the text (a list past `MAX_LISTED`). */
const FIRST_WORD = 2;
/** `typeBits`: the type's entries are `lists[bits - LISTED]`. */
const LISTED = 3;
/** How many entry lists the bytes of `typeBits` can name. */
const MAX_LISTED = 256 - LISTED;

function lower(s: string): string {
  return s.toLowerCase();
}

const SKETCH_SIZE = 4096;

/** A hash of a word's first, second and last characters and its length, below `SKETCH_SIZE`. */
function sketch(c0: number, c1: number, last: number, n: number): number {
  return Math.imul((c0 << 16) ^ (c1 << 8) ^ last ^ (n << 24), 0x9e3779b1) >>> 20;
}

/** Lower-case of an ASCII character code (others unchanged). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

export function parseCueRows(rows: readonly string[][]): CueEntry[] {
  return rows.map((r, line) => {
    const [form, lemma, use, where] = r;
    if (
      !form ||
      !lemma ||
      !['verb', 'participle', 'prep', 'noun'].includes(use) ||
      !['any', 'trailing'].includes(where)
    )
      throw new Error(`data/quotes/cues.tsv: malformed row ${line + 1}: ${r.join(' | ')}`);
    return { words: form.split(' '), lemma, use: use as CueUse, trailingOnly: where === 'trailing' };
  });
}

let shared: CueLexicon | undefined;

/** The default lexicon, read once. */
export function cueLexicon(): CueLexicon {
  shared ??= new CueLexicon(parseCueRows(readDataRows('quotes/cues.tsv')));
  return shared;
}
