/**
 * What the name tagger sees: a whole document's tokens in one run (so that a name's earlier tags in the
 * document can inform later ones), the part-of-speech and chunk tags from the `pos` stage, gazetteer
 * marks, and document-wide casing evidence. Context windows stop at sentence edges.
 *
 * The per-token values are those `SentenceValues` computes (hashes of the word, its lower-cased form,
 * prefix and suffixes, its shape, flags). Here they are computed in one pass over the characters of the
 * token text, with no string built, and the document-level evidence from them: loading touches little
 * memory besides the tokens themselves, which matters as the pipeline's other stages leave the caches
 * cold for this one.
 */
import { mix } from '../../text/perceptron.js';
import {
  F_ALL_DIGIT,
  F_ALL_UPPER,
  F_HAS_DIGIT,
  F_HAS_HYPHEN,
  F_HAS_LOWER,
  F_PUNCT,
  F_UPPER_INITIAL,
  normaliseWord,
  SentenceValues,
} from '../../text/pos-features.js';
import type { Doc, Token } from '../../doc.js';
import { tokenTypes, wordTypes } from '../../text/word-types.js';
import { nerGazetteer } from './gazetteer.js';
import { StampedTable } from './stamped-table.js';

/** What a context feature sees before a sentence's first token and after its last. */
export const START = 0x5157a27;
export const END = 0x3e4d;
const CONNECTORS = new Set(['of', 'and', 'for', '&', 'de', 'on']);
/**
 * The connectors' hashes, as signed 32-bit integers: compared one by one, not looked up in a set of
 * numbers (most hashes are past the small-integer range, and a set hashes those as doubles).
 */
const CONNECTOR_HASHES = Int32Array.from(CONNECTORS, (w) => fnv(w));

export class NerInput {
  n = 0;
  /**
   * Where token texts are (`text(i)`): the words given to `loadFlat`, or (`words` null) the tokens of the
   * document given to `loadDoc`, token `i` at `tokenOf[i]`. Not copied out for every token: a text is
   * read for a few tokens only (the gazetteer's walks, the words of names, words of types not met yet),
   * where storing every token's text in an array of strings (a store with a write barrier) took some 5%
   * of loading in the pipeline.
   */
  private words: readonly string[] | null = null;
  private docTokens: readonly Token[] = [];
  private tokenOf: Int32Array = new Int32Array(0);
  /** Per token, as in `SentenceValues`: hashes of the word, lower-cased word, prefix, suffixes, shape. */
  cased: Uint32Array = new Uint32Array(0);
  lower: Uint32Array = new Uint32Array(0);
  pre3: Uint32Array = new Uint32Array(0);
  suf2: Uint32Array = new Uint32Array(0);
  suf3: Uint32Array = new Uint32Array(0);
  suf4: Uint32Array = new Uint32Array(0);
  shape: Uint32Array = new Uint32Array(0);
  flags: Uint8Array = new Uint8Array(0);
  /** Whether the word has an upper-case letter anywhere (`Xi`, `post-Soviet`, `iPhone`). */
  hasUpper: Uint8Array = new Uint8Array(0);
  /** For each token, the first token of its sentence and one past the last. */
  sStart: Int32Array = new Int32Array(0);
  sEnd: Int32Array = new Int32Array(0);
  gaz: Uint8Array = new Uint8Array(0);
  gazBegin: Uint8Array = new Uint8Array(0);
  /** Per token, what the gazetteer needs of its word (`Gazetteer.wordBits`), by which it marks `gaz`. */
  gazWord: Uint8Array = new Uint8Array(0);
  /**
   * Part-of-speech and chunk tags as small indexes (`tagIndex`), one index space for both; never 0 (kept
   * for none). Features take the tags' hashes (`tagHashOf`, independent of the taggers' class order).
   */
  posIndex: Uint16Array = new Uint16Array(0);
  chunkIndex: Uint16Array = new Uint16Array(0);
  /** For capitalised tokens, the run of capitalised tokens around them: its first and last token. */
  runStart: Int32Array = new Int32Array(0);
  runEnd: Int32Array = new Int32Array(0);
  longEnd: Int32Array = new Int32Array(0);
  /** Entity type (1-4) the same word was last given earlier in the document, filled while tagging. */
  history = new Map<number, number>();
  private absorbed = 0;
  /** How many of the last document's tokens `loadDoc` met of a type it had no values of yet. */
  unknownTypes = 0;
  /**
   * Per token, its word-type id, when loaded by `loadDoc` (`typeFact`); and the table of the types'
   * values (`typeValues`) and epoch those ids belong to (-1: loaded from words, no ids).
   */
  private typeIds: Int32Array = new Int32Array(0);
  private typesTable: Uint32Array = new Uint32Array(0);
  private typesEpoch = -1;
  /**
   * The document's casing evidence, per lower-cased word hash: bit 1 seen in lower case, bit 2
   * capitalised mid-sentence (`casingOf`). Read where a token is scored, not copied out for every token:
   * the tagger scores about one token in six.
   */
  private readonly casing: StampedTable;
  /**
   * A bit filter of the lower-cased words written with a capital letter in the document so far (a bit
   * per hash of `lower`), emptied for each document: see `lowerCaseEvidence`.
   */
  private readonly capitalised = new Int32Array(CAPITALISED_BITS >>> 5);
  /** Scratch for words with characters past ASCII, whose values `SentenceValues` computes. */
  private readonly scratch = new SentenceValues();
  private readonly one: string[] = [''];

  /**
   * @param capacity Tokens the per-token buffers hold before they first grow. A reader of many documents
   *   in turn gives room for a long one (the names stage gives 2,048 tokens, pages of news): the buffers
   *   then seldom grow once the loading and tagging code is compiled, whose branch that grows them would
   *   be met without type feedback, and the code deoptimized and compiled again (20-100 ms a time).
   */
  constructor(private readonly capacity = 256) {
    this.casing = new StampedTable(2, 2 * capacity);
  }

  /** Token `i`'s text as given (`word(i)` normalises). */
  text(i: number): string {
    const words = this.words;
    return words !== null ? words[i] : this.docTokens[this.tokenOf[i]].text;
  }

  /** Token `i`'s word as the models see it (`normaliseWord`). */
  word(i: number): string {
    return normaliseWord(this.text(i));
  }

  /** Token `i`'s word, normalised and lower-cased. */
  lowerWord(i: number): string {
    return normaliseWord(this.text(i)).toLowerCase();
  }

  /**
   * Loads a document: its sentences as arrays of token texts with their Penn tags and chunk tags.
   */
  load(
    sentences: readonly { words: readonly string[]; pos: readonly string[]; chunk: readonly string[] }[],
  ): this {
    const words: string[] = [];
    const pos: string[] = [];
    const chunk: string[] = [];
    const lengths: number[] = [];
    for (const s of sentences) {
      for (let i = 0; i < s.words.length; i++) {
        words.push(s.words[i]);
        pos.push(s.pos[i]);
        chunk.push(s.chunk[i]);
      }
      lengths.push(s.words.length);
    }
    return this.loadFlat(words, pos, chunk, lengths);
  }

  /** Loads a document from flat arrays of its tokens and the length of each sentence in turn. */
  loadFlat(
    words: readonly string[],
    pos: readonly string[],
    chunk: readonly string[],
    lengths: readonly number[],
  ): this {
    this.begin(words.length);
    this.words = words;
    this.docTokens = NO_TOKENS;
    this.typesEpoch = -1;
    let at = 0;
    for (const len of lengths) {
      for (let i = at; i < at + len; i++) this.setToken(i, words[i], pos[i], chunk[i], at, at + len);
      this.endSentence(at, at + len);
      at += len;
    }
    return this.finish();
  }

  /** Loads the tokens of a document's sentences (after the `pos` stage), straight from its tokens. */
  loadDoc(doc: Doc): this {
    const tokens = doc.tokens ?? [];
    const sentences = doc.sentences ?? [];
    let n = 0;
    for (const s of sentences) n += s.tokenEnd - s.tokenStart;
    this.begin(n);
    const ids = tokenTypes(tokens);
    const known = typeValues();
    const gazetteer = nerGazetteer();
    // The types' entries are read first in a loop of their own, which does nothing else: their cache misses
    // (the table is a megabyte, cold after the other stages) overlap, where in the loop below, with the
    // copying and the tags' look-ups between them, few did.
    let unknown = 0;
    const first = sentences.length > 0 ? sentences[0].tokenStart : 0;
    const last = sentences.length > 0 ? sentences[sentences.length - 1].tokenEnd : 0;
    for (let t = first; t < last; t++) unknown += known[ids[t] * TYPE_STRIDE + 7] === 0 ? 1 : 0;
    this.unknownTypes = unknown;
    const typeIds = (this.typeIds = this.ints(5, n, null));
    const tokenOf = (this.tokenOf = this.ints(6, n, null));
    this.words = null;
    this.docTokens = tokens;
    this.typesTable = known;
    this.typesEpoch = typeValuesEpoch;
    let at = 0;
    for (const s of sentences) {
      const end = at + s.tokenEnd - s.tokenStart;
      for (let t = s.tokenStart, i = at; t < s.tokenEnd; t++, i++) {
        const token = tokens[t];
        tokenOf[i] = t;
        this.sStart[i] = at;
        this.sEnd[i] = end;
        this.posIndex[i] = tagIndex(token.tag ?? '');
        this.chunkIndex[i] = tagIndex(token.chunk ?? '');
        typeIds[i] = ids[t];
        const o = ids[t] * TYPE_STRIDE;
        if (known[o + 7] === 0) {
          const text = token.text;
          if (!this.wordValues(i, text)) this.wordValuesOf(i, text);
          this.gazWord[i] = gazetteer.wordBits(this, i);
          this.keepValues(i, known, o);
        } else this.copyValues(i, known, o);
      }
      this.endSentence(at, end);
      at = end;
    }
    return this.finish();
  }

  /**
   * Whether `test` holds for token `i`'s text (`normalised`: for its word, `word(i)`), where `test`
   * depends on that text alone (`isTitle`, `isOrganizationHead`): kept as its word type's fact `fact` (a
   * `FACT_` bit of its entry in `typeValues`, one per test and text), so a type is tested once an epoch
   * (the refiners and the names stage test the words of every name, most of them met before).
   */
  typeFact(i: number, fact: number, test: (text: string) => boolean, normalised: boolean): boolean {
    const table = this.typesTable;
    if (this.typesEpoch !== typeValuesEpoch || table !== typeValuesTable)
      return test(normalised ? this.word(i) : this.text(i));
    const o = this.typeIds[i] * TYPE_STRIDE + 7;
    const bits = table[o];
    if (bits & (1 << fact)) return (bits & (2 << fact)) !== 0;
    const holds = test(normalised ? this.word(i) : this.text(i));
    table[o] = bits | (1 << fact) | (holds ? 2 << fact : 0);
    return holds;
  }

  /** Keeps token `i`'s word values as its word type's, at `o` in `known` (see `typeValues`). */
  private keepValues(i: number, known: Uint32Array, o: number): void {
    known[o] = this.cased[i];
    known[o + 1] = this.lower[i];
    known[o + 2] = this.pre3[i];
    known[o + 3] = this.suf2[i];
    known[o + 4] = this.suf3[i];
    known[o + 5] = this.suf4[i];
    known[o + 6] = this.shape[i];
    known[o + 7] = this.flags[i] | (this.hasUpper[i] << 8) | (this.gazWord[i] << 9) | TYPE_KNOWN;
  }

  /** Token `i`'s word values from those of its word type, at `o` in `known`. */
  private copyValues(i: number, known: Uint32Array, o: number): void {
    this.cased[i] = known[o];
    this.lower[i] = known[o + 1];
    this.pre3[i] = known[o + 2];
    this.suf2[i] = known[o + 3];
    this.suf3[i] = known[o + 4];
    this.suf4[i] = known[o + 5];
    this.shape[i] = known[o + 6];
    const bits = known[o + 7];
    this.flags[i] = bits & 0xff;
    this.hasUpper[i] = (bits >>> 8) & 1;
    this.gazWord[i] = (bits >>> 9) & 0x1f;
  }

  /**
   * Readies the per-token arrays for `n` tokens. Those that `setToken` writes in full are not cleared
   * first (the buffers are cold by now: writing them once is what loading costs).
   */
  private begin(n: number): void {
    this.n = n;
    this.cased = this.uints(0, n, false);
    this.lower = this.uints(1, n, false);
    this.pre3 = this.uints(2, n, false);
    this.suf2 = this.uints(3, n, false);
    this.suf3 = this.uints(4, n, false);
    this.suf4 = this.uints(5, n, false);
    this.shape = this.uints(6, n, false);
    this.flags = this.bytes(4, n, false);
    this.hasUpper = this.bytes(5, n, false);
    this.sStart = this.ints(0, n, null);
    this.sEnd = this.ints(1, n, null);
    this.posIndex = this.shorts(0, n);
    this.chunkIndex = this.shorts(1, n);
    // Cleared sentence by sentence as they are marked.
    this.gaz = this.bytes(0, n, false);
    this.gazBegin = this.bytes(1, n, false);
    this.gazWord = this.bytes(2, n, false);
    this.casing.reset(n);
    this.capitalised.fill(0);
  }

  private setToken(i: number, text: string, pos: string, chunk: string, start: number, end: number): void {
    this.sStart[i] = start;
    this.sEnd[i] = end;
    const p = tagIndex(pos);
    const c = tagIndex(chunk);
    this.posIndex[i] = p;
    this.chunkIndex[i] = c;
    if (!this.wordValues(i, text)) this.wordValuesOf(i, text);
    this.gazWord[i] = nerGazetteer().wordBits(this, i);
  }

  /**
   * The word's values for an ASCII word, as `SentenceValues` computes them (normalising and lower-casing
   * touch only letters A-Z here): false, with nothing written, for any other word. A character's class,
   * lower case and kind come from one table (`ASCII`), and the flags from the kinds seen; the suffixes are
   * hashed once the word's last four letters are known: the loop over the characters branches on nothing
   * but their runs of one class (the shape), where a chain of tests per character and per suffix
   * mispredicted at every change of class and at every word's end.
   */
  private wordValues(i: number, w: string): boolean {
    const len = w.length;
    if (len === 0) return false;
    let cased = FNV_BASIS;
    let lower = FNV_BASIS;
    let pre3 = 0;
    let shape = FNV_BASIS;
    let last = -1;
    let seen = 0;
    // The last four letters, lower-cased: `l1` the last.
    let l1 = 0;
    let l2 = 0;
    let l3 = 0;
    let l4 = 0;
    for (let k = 0; k < len; k++) {
      const c = w.charCodeAt(k);
      if (c >= 128) return false;
      const info = ASCII[c];
      // Class (`X`, `x`, `d`, or punctuation itself), the character lower-cased, its kind.
      const cls = info & 0xff;
      const lc = (info >>> 8) & 0xff;
      seen |= info >>> 16;
      cased = Math.imul(cased ^ c, FNV_PRIME);
      lower = Math.imul(lower ^ lc, FNV_PRIME);
      if (k === 2) pre3 = lower;
      if (cls !== last) shape = Math.imul(shape ^ cls, FNV_PRIME);
      last = cls;
      l4 = l3;
      l3 = l2;
      l2 = l1;
      l1 = lc;
    }
    if (len < 3) pre3 = lower;
    // A suffix begins at its first letter: a word no longer than it is all suffix.
    const suf2 = len <= 2 ? lower : fnvStep(fnvStep(FNV_BASIS, l2), l1);
    const suf3 = len <= 3 ? lower : fnvStep(fnvStep(fnvStep(FNV_BASIS, l3), l2), l1);
    const suf4 = len <= 4 ? lower : fnvStep(fnvStep(fnvStep(fnvStep(FNV_BASIS, l4), l3), l2), l1);
    this.cased[i] = cased >>> 0;
    this.lower[i] = lower >>> 0;
    this.pre3[i] = pre3 >>> 0;
    this.suf2[i] = suf2 >>> 0;
    this.suf3[i] = suf3 >>> 0;
    this.suf4[i] = suf4 >>> 0;
    this.shape[i] = shape >>> 0;
    const letters = seen & (K_UPPER | K_LOWER);
    let f = (ASCII[w.charCodeAt(0)] >>> 16) & K_UPPER ? F_UPPER_INITIAL : 0;
    if (letters === K_UPPER) f |= F_ALL_UPPER;
    if (seen & K_DIGIT) f |= F_HAS_DIGIT;
    if (seen & K_HYPHEN) f |= F_HAS_HYPHEN;
    if ((seen & ~K_OTHER) === K_DIGIT) f |= F_ALL_DIGIT;
    if (seen & K_LOWER) f |= F_HAS_LOWER;
    if (!(seen & (K_UPPER | K_LOWER | K_DIGIT))) f |= F_PUNCT;
    this.flags[i] = f;
    this.hasUpper[i] = seen & K_UPPER ? 1 : 0;
    return true;
  }

  /** The word's values from `SentenceValues` itself (words with characters past ASCII, rare in news). */
  private wordValuesOf(i: number, w: string): void {
    this.one[0] = w;
    const v = this.scratch.load(this.one);
    this.cased[i] = v.cased[0];
    this.lower[i] = v.lower[0];
    this.pre3[i] = v.pre3[0];
    this.suf2[i] = v.suf2[0];
    this.suf3[i] = v.suf3[0];
    this.suf4[i] = v.suf4[0];
    this.shape[i] = v.shape[0];
    this.flags[i] = v.flags[0];
    this.hasUpper[i] = v.hasUpper[0];
  }

  /**
   * Per-sentence work once a sentence's tokens are in: gazetteer marks, casing evidence of the words with
   * a capital letter (that of the others is taken in `finish`).
   */
  private endSentence(from: number, to: number): void {
    if (from === to) return;
    nerGazetteer().markHashed(this, from, to);
    // Document-wide casing: is this word ever written in lower case, or capitalised mid-sentence?
    const titleCase = this.titleCaseSentence(from, to);
    const { flags, hasUpper, lower, capitalised } = this;
    for (let i = from; i < to; i++) {
      const f = flags[i];
      if (!hasUpper[i] && !(f & F_UPPER_INITIAL)) continue;
      const bit = Math.imul(lower[i], 0x9e3779b1) >>> CAPITALISED_SHIFT;
      capitalised[bit >>> 5] |= 1 << (bit & 31);
      if (!(f & F_UPPER_INITIAL) && f & F_HAS_LOWER) this.casing.or(lower[i], 1);
      else if (f & F_UPPER_INITIAL && f & F_HAS_LOWER && i > from && !titleCase) this.casing.or(lower[i], 2);
    }
  }

  /**
   * The casing evidence of the words in lower case (no capital letter), once the document's tokens are in:
   * only of those whose lower-cased word may also be written with a capital letter in the document (by
   * `capitalised`), as the casing evidence of a word only ever written in lower case is its own (see
   * `casingOf`). Most tokens are such words: this takes a look-up in a small filter for them, where
   * marking them all took a look-up in the table.
   */
  private lowerCaseEvidence(): void {
    const { flags, hasUpper, lower, capitalised } = this;
    for (let i = 0; i < this.n; i++) {
      const f = flags[i];
      if (hasUpper[i] || f & F_UPPER_INITIAL || !(f & F_HAS_LOWER)) continue;
      const bit = Math.imul(lower[i], 0x9e3779b1) >>> CAPITALISED_SHIFT;
      if (capitalised[bit >>> 5] & (1 << (bit & 31))) this.casing.or(lower[i], 1);
    }
  }

  private finish(): this {
    this.lowerCaseEvidence();
    const n = this.n;
    const { flags, sEnd } = this;
    // Runs of capitalised words (`China Media Group`): their last word and the word before them say a
    // lot about the whole run's type.
    this.runStart = this.ints(2, n, -1);
    this.runEnd = this.ints(3, n, -1);
    for (let i = 0; i < n;) {
      if (!(flags[i] & F_UPPER_INITIAL)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < sEnd[i] && flags[j] & F_UPPER_INITIAL) j++;
      for (let k = i; k < j; k++) {
        this.runStart[k] = i;
        this.runEnd[k] = j - 1;
      }
      i = j;
    }
    // The same runs bridged over `of`, `and`, `for`, `&` between capitalised words (`Bank of England`,
    // `Belt and Road Initiative`): the last word of the bridged run.
    this.longEnd = this.ints(4, n, -1);
    for (let i = n - 1; i >= 0; i--) {
      const re = this.runEnd[i];
      if (re < 0) continue;
      const after = re + 2 < sEnd[i] && this.isConnector(re + 1) ? this.runEnd[re + 2] : -1;
      this.longEnd[i] = after >= 0 ? this.longEnd[re + 2] : re;
    }
    // (Only the feature lists of training and tests fill the history: `clear` on an empty map would still
    // allocate it a new table, for every document.)
    if (this.history.size > 0) this.history.clear();
    this.absorbed = 0;
    return this;
  }

  /**
   * Token `i`'s casing evidence in the document: bit 1 its word appears in lower case somewhere, bit 2
   * capitalised away from a sentence start.
   */
  casingOf(i: number): number {
    const f = this.flags[i];
    // A word in lower case is its own evidence of bit 1 (the table has it only if the word may also be
    // written with a capital letter: `lowerCaseEvidence`).
    const own = !this.hasUpper[i] && !(f & F_UPPER_INITIAL) && f & F_HAS_LOWER ? 1 : 0;
    return this.casing.get(this.lower[i]) | own;
  }

  /** Whether token `i` is `of`, `and`, `for`, `&`, `de` or `on` (any case); the hash rules most out. */
  private isConnector(i: number): boolean {
    const hash = this.lower[i] | 0;
    for (let k = 0; k < CONNECTOR_HASHES.length; k++)
      if (CONNECTOR_HASHES[k] === hash) return CONNECTORS.has(this.lowerWord(i));
    return false;
  }

  /**
   * The per-token arrays are buffers kept from one document to the next, of at least `n` entries: what is
   * past the document's `n` tokens is left from earlier documents (nothing reads past a sentence's end).
   * Not views of length `n` on them: making the 18 views took some 1.5 µs a document.
   */
  private readonly intBuffers: Int32Array[] = [];
  private readonly uintBuffers: Uint32Array[] = [];
  private readonly shortBuffers: Uint16Array[] = [];
  private readonly byteBuffers: Uint8Array[] = [];

  /** (`fill` null: left as it is, for an array written in full before it is read.) */
  private ints(slot: number, n: number, fill: number | null): Int32Array {
    if (!(this.intBuffers[slot]?.length >= n))
      this.intBuffers[slot] = new Int32Array(Math.max(n, this.capacity));
    const buffer = this.intBuffers[slot];
    return fill === null ? buffer : buffer.fill(fill, 0, n);
  }

  private uints(slot: number, n: number, clear = true): Uint32Array {
    if (!(this.uintBuffers[slot]?.length >= n))
      this.uintBuffers[slot] = new Uint32Array(Math.max(n, this.capacity));
    const buffer = this.uintBuffers[slot];
    return clear ? buffer.fill(0, 0, n) : buffer;
  }

  /** (Not cleared: written in full before they are read.) */
  private shorts(slot: number, n: number): Uint16Array {
    if (!(this.shortBuffers[slot]?.length >= n))
      this.shortBuffers[slot] = new Uint16Array(Math.max(n, this.capacity));
    return this.shortBuffers[slot];
  }

  private bytes(slot: number, n: number, clear = true): Uint8Array {
    if (!(this.byteBuffers[slot]?.length >= n))
      this.byteBuffers[slot] = new Uint8Array(Math.max(n, this.capacity));
    const buffer = this.byteBuffers[slot];
    return clear ? buffer.fill(0, 0, n) : buffer;
  }

  /** Headlines in title case: most words of the sentence capitalised. */
  private titleCaseSentence(s: number, e: number): boolean {
    let caps = 0;
    let words = 0;
    for (let k = s; k < e; k++) {
      const f = this.flags[k];
      if (f & F_HAS_LOWER || f & F_UPPER_INITIAL) {
        words++;
        if (f & F_UPPER_INITIAL) caps++;
      }
    }
    return words >= 3 && caps / words > 0.6;
  }

  /** Brings the name history up to position `i` from the tags chosen so far. */
  absorb(i: number, tags: Int32Array, typeOf: Int32Array): void {
    if (i === 0 && this.absorbed !== 0) {
      this.history.clear();
      this.absorbed = 0;
    }
    for (; this.absorbed < i; this.absorbed++) {
      const type = typeOf[tags[this.absorbed]];
      if (type > 0 && this.flags[this.absorbed] & F_UPPER_INITIAL)
        this.history.set(this.cased[this.absorbed], type);
    }
  }
}

/** No tokens: where `NerInput` has words, not a document's tokens. */
const NO_TOKENS: readonly Token[] = [];

/**
 * The word values of each word type (`wordTypes`) met in `loadDoc` so far this epoch, which depend on the
 * token text alone: eight integers an id (32 bytes, a cache line's half), the hashes of the word, its
 * lower-cased form, prefix, suffixes and shape, then its flags, `hasUpper` in bit 8, its `gazWord` from
 * bit 9 and `TYPE_KNOWN` (0 for a type not met yet). A token of a known type copies them instead of scanning its characters and
 * hashing them (most tokens: `the`, `said`, the document's names again). 1 MB for the table's 32,768 ids.
 */
const TYPE_STRIDE = 8;
const TYPE_KNOWN = 1 << 16;

/**
 * The facts `NerInput.typeFact` keeps of a word type, in its entry's last integer: the bit a fact is known
 * (a test and a text: the token's text, or its word), the bit above it whether it holds.
 */
export const FACT_TITLE = 17;
export const FACT_TITLE_WORD = 19;
export const FACT_ORG_HEAD = 21;
export const FACT_ORG_HEAD_WORD = 23;
export const FACT_MISC_HEAD_WORD = 25;
export const FACT_DEMONYM = 27;
let typeValuesTable = new Uint32Array(0);
let typeValuesEpoch = -1;

/**
 * `typeValuesTable` for the current epoch of `wordTypes()` and its capacity: emptied when the epoch moved
 * on (the ids stand for other texts), and grown with the table (ids kept).
 */
function typeValues(): Uint32Array {
  const types = wordTypes();
  if (typeValuesTable.length !== types.capacity * TYPE_STRIDE) {
    const grown = new Uint32Array(types.capacity * TYPE_STRIDE);
    if (typeValuesEpoch === types.epoch && grown.length > typeValuesTable.length) grown.set(typeValuesTable);
    typeValuesTable = grown;
    typeValuesEpoch = types.epoch;
  } else if (typeValuesEpoch !== types.epoch) {
    typeValuesTable.fill(0);
    typeValuesEpoch = types.epoch;
  }
  return typeValuesTable;
}

/** Bits of `NerInput`'s filter of words written with a capital letter (1 KB), and the shift to a bit. */
const CAPITALISED_BITS = 8192;
const CAPITALISED_SHIFT = 32 - 13;

/** FNV-1a: the basis, the prime, and one step (the hash so far `h` with character `c`). */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** A character's kind, in `ASCII`: an upper-case letter, a lower-case one, a digit, a hyphen, or other. */
const K_UPPER = 1;
const K_LOWER = 2;
const K_DIGIT = 4;
const K_HYPHEN = 8;
const K_OTHER = 16;

/**
 * Per ASCII character: its class in a shape (`X`, `x`, `d`, or the character itself) in the low byte, the
 * character lower-cased in the next, and its kind (`K_UPPER`...) from bit 16.
 */
const ASCII = Int32Array.from({ length: 128 }, (_, c) => {
  if (c >= 65 && c <= 90) return 88 | ((c + 32) << 8) | (K_UPPER << 16);
  if (c >= 97 && c <= 122) return 120 | (c << 8) | (K_LOWER << 16);
  if (c >= 48 && c <= 57) return 100 | (c << 8) | (K_DIGIT << 16);
  return c | (c << 8) | ((c === 45 ? K_HYPHEN : K_OTHER) << 16);
});

/** FNV-1a of an ASCII string. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Part-of-speech and chunk tags by index: tags are few, so each gets an index (from 1) and its hash once.
 */
const tagIndexes = new Map<string, number>();
const tagHashes: number[] = [0];

/**
 * The tags met so far in a small open-addressing table keyed by the tag's length and three of its
 * characters (no hash of the whole string), each slot the tag and its index. The tags come from the
 * taggers' class lists, so a slot's string is usually the very string looked up and `===` is one pointer
 * comparison: two to three times faster than `tagIndexes.get`, which `loadDoc` calls twice a token. Full at
 * half its slots; tags past that are found through `tagIndexes` alone.
 */
const TAG_SLOTS = 256;
const tagSlotText: (string | null)[] = new Array<string | null>(TAG_SLOTS).fill(null);
const tagSlotIndex = new Uint16Array(TAG_SLOTS);
let tagSlotsUsed = 0;

function tagSlot(tag: string): number {
  const len = tag.length;
  if (len === 0) return 0;
  return (
    (len * 7 + tag.charCodeAt(0) * 3 + tag.charCodeAt(len - 1) * 5 + tag.charCodeAt(len >> 1)) &
    (TAG_SLOTS - 1)
  );
}

/** A tag's index (from 1; tags are few, at most 65,535). */
export function tagIndex(tag: string): number {
  let slot = tagSlot(tag);
  for (let text = tagSlotText[slot]; text !== null; text = tagSlotText[slot]) {
    if (text === tag) return tagSlotIndex[slot];
    slot = (slot + 1) & (TAG_SLOTS - 1);
  }
  let known = tagIndexes.get(tag);
  if (known === undefined) {
    known = tagHashes.length;
    if (known > 0xffff) throw new Error('too many part-of-speech and chunk tags');
    tagIndexes.set(tag, known);
    tagHashes.push(hashTagText(tag));
  }
  if (2 * (tagSlotsUsed + 1) <= TAG_SLOTS) {
    tagSlotText[slot] = tag;
    tagSlotIndex[slot] = known;
    tagSlotsUsed++;
  }
  return known;
}

/** The hash of the tag of index `index`. */
export function tagHashOf(index: number): number {
  return tagHashes[index];
}

/** A tag's hash. */
export function hashTag(tag: string): number {
  return tagHashes[tagIndex(tag)];
}

function hashTagText(tag: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) h = Math.imul(h ^ tag.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Features of token `i`. `typeOf` maps a class index to its entity type (0 for `O`, 1-4), for the
 * document history.
 */
export function nerFeatures(
  x: NerInput,
  i: number,
  tags: Int32Array,
  typeOf: Int32Array,
  out: Uint32Array,
): number {
  return nerContextFeatures(x, i, tags, typeOf, out, nerWordFeatures(x, i, out, 0));
}

/** The features on the word alone. */
export function nerWordFeatures(x: NerInput, i: number, out: Uint32Array, k: number): number {
  out[k++] = 1;
  out[k++] = mix(101, x.lower[i]);
  out[k++] = mix(102, x.cased[i]);
  out[k++] = mix(103, x.shape[i]);
  out[k++] = mix(104, x.suf3[i]);
  out[k++] = mix(105, x.suf4[i]);
  out[k++] = mix(106, x.pre3[i]);
  out[k++] = mix(107, x.suf2[i]);
  return k;
}

/** The features on the context: neighbours, tags so far, gazetteers, the document. */
export function nerContextFeatures(
  x: NerInput,
  i: number,
  tags: Int32Array,
  typeOf: Int32Array,
  out: Uint32Array,
  k: number,
): number {
  x.absorb(i, tags, typeOf);
  const s = x.sStart[i];
  const t1 = i > s ? tags[i - 1] : -1;
  const t2 = i - 1 > s ? tags[i - 2] : -2;
  k = contextFeatures(x, i, out, k);
  out[k++] = mix(122, t1);
  out[k++] = mix(123, mix(t1, t2));
  k = tagFeatures(x, i, t1, out, k);
  out[k++] = mix(131, mix(x.history.get(x.cased[i]) ?? 0, x.shape[i]));
  return k;
}

/** The features of token `i` on the tag before it, `t1` (-1 at a sentence start), with words. */
export function tagFeatures(x: NerInput, i: number, t1: number, out: Uint32Array, k: number): number {
  const lw = x.lower[i];
  out[k++] = mix(124, mix(t1, lw));
  out[k++] = mix(125, mix(t1, x.shape[i]));
  out[k++] = mix(133, mix(t1, i > x.sStart[i] ? x.lower[i - 1] : START));
  return k;
}

/**
 * The context features that depend neither on the tags chosen before the token nor on the document's
 * names so far (with the word's own, `tagFeatures`, the tag pair 122-123 and the name history 131, they
 * are the features of `nerFeatures`; the tagger sums most of them in cached vectors).
 */
function contextFeatures(x: NerInput, i: number, out: Uint32Array, k: number): number {
  const s = x.sStart[i];
  const e = x.sEnd[i];
  const hasPrev = i > s;
  const hasPrev2 = i - 1 > s;
  const hasNext = i + 1 < e;
  const hasNext2 = i + 2 < e;
  const first = hasPrev ? 0 : 1;
  const shape = x.shape[i];
  const lw = x.lower[i];
  const lPrev = hasPrev ? x.lower[i - 1] : START;
  const lNext = hasNext ? x.lower[i + 1] : END;
  const pos = tagHashes[x.posIndex[i]];
  const gaz = x.gaz[i];
  out[k++] = mix(108, x.flags[i] | (first << 7));
  out[k++] = mix(109, mix(shape, first));
  out[k++] = mix(110, lPrev);
  out[k++] = mix(111, lNext);
  out[k++] = mix(112, hasPrev2 ? x.lower[i - 2] : START);
  out[k++] = mix(113, hasNext2 ? x.lower[i + 2] : END);
  out[k++] = mix(114, hasPrev ? x.shape[i - 1] : START);
  out[k++] = mix(115, hasNext ? x.shape[i + 1] : END);
  out[k++] = mix(116, mix(lPrev, lw));
  out[k++] = mix(117, mix(lw, lNext));
  out[k++] = mix(118, pos);
  out[k++] = mix(119, mix(hasPrev ? tagHashes[x.posIndex[i - 1]] : START, pos));
  out[k++] = mix(120, mix(pos, hasNext ? tagHashes[x.posIndex[i + 1]] : END));
  out[k++] = mix(121, tagHashes[x.chunkIndex[i]]);
  out[k++] = mix(126, mix(gaz, x.gazBegin[i]));
  out[k++] = mix(127, hasPrev ? x.gaz[i - 1] : 255);
  out[k++] = mix(128, hasNext ? x.gaz[i + 1] : 255);
  out[k++] = mix(129, mix(gaz, shape));
  out[k++] = mix(130, x.casingOf(i) | (first << 2) | ((x.flags[i] & F_UPPER_INITIAL) << 3));
  out[k++] = mix(132, hasPrev ? x.suf3[i - 1] : START);
  const rs = x.runStart[i];
  if (rs >= 0) {
    const re = x.runEnd[i];
    const len = Math.min(4, re - rs + 1);
    out[k++] = mix(134, x.lower[re]);
    out[k++] = mix(135, rs > s ? x.lower[rs - 1] : START);
    out[k++] = mix(136, mix(len, i - rs === 0 ? 0 : i === re ? 2 : 1));
    out[k++] = mix(137, x.gaz[re] | (rs > s ? x.gaz[rs - 1] << 8 : 0));
    const le = x.longEnd[i];
    if (le !== re) out[k++] = mix(138, x.lower[le]);
  }
  return k;
}

/**
 * The tagger's input for a document that has been through the `pos` stage, loaded into `into` (a fresh
 * input unless given; a caller that is done with one document's input may pass it back for the next, so
 * that its per-token buffers are reused).
 */
export function nerInputOfDoc(doc: Doc, into: NerInput = new NerInput()): NerInput {
  return into.loadDoc(doc);
}
