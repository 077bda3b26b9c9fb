/**
 * Per-token values the taggers' features are built from, computed once per sentence as 32-bit hashes
 * (word, lower-cased word, prefixes, suffixes, shape) so that each feature is a couple of integer mixes.
 *
 * Words are normalised first so that real news looks like the CoNLL-2003 training text: curly quotes and
 * apostrophes become straight ones (`Xi’s` tokenises as `Xi` + `’s`, featurised as `'s`), dashes become
 * hyphens.
 */
import { hashStr } from './perceptron.js';

const NORMALISE: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '--',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
};

/** The word as the models see it (straight quotes and apostrophes, ASCII dashes). */
export function normaliseWord(word: string): string {
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) >= 128) {
      let out = '';
      for (const ch of word) out += NORMALISE[ch] ?? ch;
      return out;
    }
  }
  return word;
}

/** Flags per token. */
export const F_UPPER_INITIAL = 1;
export const F_ALL_UPPER = 2;
export const F_HAS_DIGIT = 4;
export const F_HAS_HYPHEN = 8;
export const F_ALL_DIGIT = 16;
export const F_HAS_LOWER = 32;
export const F_PUNCT = 64;

/** Reusable per-sentence buffers; `load` fills the first `n` entries. */
export class SentenceValues {
  n = 0;
  words: string[] = [];
  /** Lower-cased normalised words. */
  lowers: string[] = [];
  cased = new Uint32Array(64);
  lower = new Uint32Array(64);
  pre1 = new Uint32Array(64);
  pre2 = new Uint32Array(64);
  pre3 = new Uint32Array(64);
  suf1 = new Uint32Array(64);
  suf2 = new Uint32Array(64);
  suf3 = new Uint32Array(64);
  suf4 = new Uint32Array(64);
  shape = new Uint32Array(64);
  flags = new Uint8Array(64);
  /** Whether the word has an upper-case letter anywhere (`Xi`, `post-Soviet`, `iPhone`). */
  hasUpper = new Uint8Array(64);
  /** Tags chosen by earlier taggers (class indexes), e.g. part of speech for the chunker. */
  pos = new Int32Array(64);
  chunk = new Int32Array(64);

  /** Makes room for `n` entries; `keep` copies the first `this.n` over (for `append`). */
  private reserve(n: number, keep = false): void {
    if (n <= this.cased.length) return;
    const size = Math.max(n, this.cased.length * 2);
    const m = keep ? this.n : 0;
    for (const key of [
      'cased',
      'lower',
      'pre1',
      'pre2',
      'pre3',
      'suf1',
      'suf2',
      'suf3',
      'suf4',
      'shape',
    ] as const)
      this[key] = grown(new Uint32Array(size), this[key], m);
    this.flags = grown(new Uint8Array(size), this.flags, m);
    this.hasUpper = grown(new Uint8Array(size), this.hasUpper, m);
    this.pos = grown(new Int32Array(size), this.pos, m);
    this.chunk = grown(new Int32Array(size), this.chunk, m);
  }

  /** Fills the buffers from raw token texts. */
  load(raw: readonly string[]): this {
    const n = raw.length;
    this.reserve(n);
    this.n = n;
    this.words.length = n;
    this.lowers.length = n;
    for (let i = 0; i < n; i++) this.set(i, raw[i]);
    return this;
  }

  /**
   * Adds one word after the first `n` and returns its index. The tagging stage keeps one entry per word
   * type this way (a vocabulary, not a sentence), so that each word is hashed once, not at every occurrence.
   */
  append(raw: string): number {
    const i = this.n;
    this.reserve(i + 1, true);
    this.n = i + 1;
    this.set(i, raw);
    return i;
  }

  /** Empties the buffers (`append` starts again at 0). */
  clear(): void {
    this.n = 0;
    this.words.length = 0;
    this.lowers.length = 0;
  }

  /** The values of entry `i` from the raw token text. */
  private set(i: number, raw: string): void {
    const w = normaliseWord(raw);
    const lw = w.toLowerCase();
    this.words[i] = w;
    this.lowers[i] = lw;
    const len = lw.length;
    this.cased[i] = hashStr(w);
    // FNV-1a runs left to right, so the prefixes' hashes are the whole word's hash part way through.
    let h = 0x811c9dc5;
    let k = 0;
    for (; k < len && k < 3; k++) {
      h = Math.imul(h ^ lw.charCodeAt(k), 0x01000193);
      if (k === 0) this.pre1[i] = h >>> 0;
      else if (k === 1) this.pre2[i] = h >>> 0;
    }
    if (len < 1) this.pre1[i] = h >>> 0;
    if (len < 2) this.pre2[i] = h >>> 0;
    this.pre3[i] = h >>> 0;
    for (; k < len; k++) h = Math.imul(h ^ lw.charCodeAt(k), 0x01000193);
    this.lower[i] = h >>> 0;
    this.suf1[i] = hashStr(lw, Math.max(0, len - 1), len);
    this.suf2[i] = hashStr(lw, Math.max(0, len - 2), len);
    this.suf3[i] = hashStr(lw, Math.max(0, len - 3), len);
    this.suf4[i] = hashStr(lw, Math.max(0, len - 4), len);
    this.shapeOf(w, i);
  }

  /** Compressed shape (`Xx`, `X.X.`, `d-d`): runs of one character class collapse to one symbol. */
  private shapeOf(w: string, i: number): void {
    let h = 0x811c9dc5;
    let last = -1;
    let upper = 0;
    let lower = 0;
    let digit = 0;
    let hyphen = 0;
    let other = 0;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      let cls: number;
      if (c >= 65 && c <= 90) {
        cls = 88; // X
        upper++;
      } else if (c >= 97 && c <= 122) {
        cls = 120; // x
        lower++;
      } else if (c >= 48 && c <= 57) {
        cls = 100; // d
        digit++;
      } else if (c < 128) {
        cls = c; // punctuation stands for itself
        if (c === 45) hyphen++;
        else other++;
      } else {
        const ch = w[k];
        if (ch !== ch.toLowerCase()) {
          cls = 88;
          upper++;
        } else if (ch !== ch.toUpperCase()) {
          cls = 120;
          lower++;
        } else {
          cls = 111;
          other++;
        }
      }
      if (cls !== last) h = Math.imul(h ^ cls, 0x01000193);
      last = cls;
    }
    this.shape[i] = h >>> 0;
    let f = 0;
    const first = w.charCodeAt(0);
    if ((first >= 65 && first <= 90) || (first >= 128 && w[0] !== w[0].toLowerCase())) f |= F_UPPER_INITIAL;
    if (upper > 0 && lower === 0) f |= F_ALL_UPPER;
    if (digit > 0) f |= F_HAS_DIGIT;
    if (hyphen > 0) f |= F_HAS_HYPHEN;
    if (digit > 0 && digit + other === w.length) f |= F_ALL_DIGIT;
    if (lower > 0) f |= F_HAS_LOWER;
    if (upper + lower + digit === 0) f |= F_PUNCT;
    this.flags[i] = f;
    this.hasUpper[i] = upper > 0 ? 1 : 0;
  }
}

/** `into` with the first `n` entries of `from` copied in. */
function grown<T extends Uint32Array | Uint8Array | Int32Array>(into: T, from: T, n: number): T {
  if (n > 0) into.set(from.subarray(0, n));
  return into;
}
