/**
 * What the name tagger sees: a whole document's tokens in one run (so that a name's earlier tags in the
 * document can inform later ones), the part-of-speech and chunk tags from the `pos` stage, gazetteer
 * marks, and document-wide casing evidence. Context windows stop at sentence edges.
 *
 * Tokens are held as word-type ids (`word-types.ts`): what depends on the word alone is computed once per
 * distinct word and read through the id.
 */
import { mix } from '../../text/perceptron.js';
import { F_HAS_LOWER, F_UPPER_INITIAL } from '../../text/pos-features.js';
import type { Doc } from '../../doc.js';
import { nerGazetteer } from './gazetteer.js';
import { T_CONNECTOR, wordTypes, type WordTypes } from './word-types.js';

/** What a context feature sees before a sentence's first token and after its last. */
export const START = 0x5157a27;
export const END = 0x3e4d;

export class NerInput {
  n = 0;
  /** The word types the ids refer to. */
  types: WordTypes = wordTypes();
  /** Word-type id per token. */
  id: Int32Array = new Int32Array(0);
  /** The type's flags per token (`F_UPPER_INITIAL`, ...), read often enough to keep beside the id. */
  flags: Uint8Array = new Uint8Array(0);
  /** For each token, the first token of its sentence and one past the last. */
  sStart: Int32Array = new Int32Array(0);
  sEnd: Int32Array = new Int32Array(0);
  gaz: Uint8Array = new Uint8Array(0);
  gazBegin: Uint8Array = new Uint8Array(0);
  /** Part-of-speech and chunk tags as strings' hashes (independent of the tagger's class order). */
  pos: Uint32Array = new Uint32Array(0);
  chunk: Uint32Array = new Uint32Array(0);
  /** The same tags as small indexes (`tagIndex`), one index space for both; never 0 (kept for none). */
  posIndex: Uint16Array = new Uint16Array(0);
  chunkIndex: Uint16Array = new Uint16Array(0);
  /** The word appears in lower case elsewhere in the document / capitalised away from a sentence start. */
  seenLower: Uint8Array = new Uint8Array(0);
  seenCapitalMid: Uint8Array = new Uint8Array(0);
  /** For capitalised tokens, the run of capitalised tokens around them: its first and last token. */
  runStart: Int32Array = new Int32Array(0);
  runEnd: Int32Array = new Int32Array(0);
  longEnd: Int32Array = new Int32Array(0);
  /** Entity type (1-4) the same word was last given earlier in the document, filled while tagging. */
  history = new Map<number, number>();
  private absorbed = 0;

  /** Token `i`'s word, normalised (`normaliseWord`). */
  word(i: number): string {
    return this.types.words[this.id[i]];
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
    let at = 0;
    for (const s of sentences) {
      const end = at + s.tokenEnd - s.tokenStart;
      for (let t = s.tokenStart, i = at; t < s.tokenEnd; t++, i++) {
        const token = tokens[t];
        this.setToken(i, token.text, token.tag ?? '', token.chunk ?? '', at, end);
      }
      this.endSentence(at, end);
      at = end;
    }
    return this.finish();
  }

  /** Readies the per-token arrays for `n` tokens (and a fresh word-type table if the last one is full). */
  private begin(n: number): void {
    this.n = n;
    this.types = wordTypes();
    this.id = this.ints(5, n, 0);
    this.flags = this.bytes(4, n);
    this.sStart = this.ints(0, n, 0);
    this.sEnd = this.ints(1, n, 0);
    this.pos = this.uints(0, n);
    this.chunk = this.uints(1, n);
    this.posIndex = this.shorts(0, n);
    this.chunkIndex = this.shorts(1, n);
    this.gaz = this.bytes(0, n);
    this.gazBegin = this.bytes(1, n);
  }

  private setToken(i: number, text: string, pos: string, chunk: string, start: number, end: number): void {
    const id = this.types.idOf(text);
    this.id[i] = id;
    this.flags[i] = this.types.flags[id];
    this.sStart[i] = start;
    this.sEnd[i] = end;
    const p = tagIndex(pos);
    const c = tagIndex(chunk);
    this.posIndex[i] = p;
    this.chunkIndex[i] = c;
    this.pos[i] = tagHashes[p];
    this.chunk[i] = tagHashes[c];
  }

  /** Per-sentence work once a sentence's tokens are in: gazetteer marks, casing evidence. */
  private endSentence(from: number, to: number): void {
    if (from === to) return;
    nerGazetteer().markTypes(this.types, this.id, this.gaz, this.gazBegin, from, to);
    // Document-wide casing: is this word ever written in lower case, or capitalised mid-sentence? Noted
    // per lower-case class of words (`stamps`), for this document.
    const { lowerClass } = this.types;
    reserveStamps(this.types.lowerClasses);
    const titleCase = this.titleCaseSentence(from, to);
    for (let i = from; i < to; i++) {
      const f = this.flags[i];
      if (!(f & F_UPPER_INITIAL) && f & F_HAS_LOWER) lowerStamp[lowerClass[this.id[i]]] = stamp;
      else if (f & F_UPPER_INITIAL && f & F_HAS_LOWER && i > from && !titleCase)
        capitalMidStamp[lowerClass[this.id[i]]] = stamp;
    }
  }

  private finish(): this {
    const n = this.n;
    const { id, flags, sEnd } = this;
    const { lowerClass, ner } = this.types;
    this.seenLower = this.bytes(2, n);
    this.seenCapitalMid = this.bytes(3, n);
    for (let i = 0; i < n; i++) {
      const cls = lowerClass[id[i]];
      this.seenLower[i] = lowerStamp[cls] === stamp ? 1 : 0;
      this.seenCapitalMid[i] = capitalMidStamp[cls] === stamp ? 1 : 0;
    }
    stamp++;
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
      const after = re + 2 < sEnd[i] && ner[id[re + 1]] & T_CONNECTOR ? this.runEnd[re + 2] : -1;
      this.longEnd[i] = after >= 0 ? this.longEnd[re + 2] : re;
    }
    this.history.clear();
    this.absorbed = 0;
    return this;
  }

  /**
   * The per-token arrays are views of length `n` on buffers kept from one document to the next (a view
   * reads `undefined` past its end, as a fresh array would), filled with `fill`.
   */
  private readonly intBuffers: Int32Array[] = [];
  private readonly uintBuffers: Uint32Array[] = [];
  private readonly shortBuffers: Uint16Array[] = [];
  private readonly byteBuffers: Uint8Array[] = [];

  private ints(slot: number, n: number, fill: number): Int32Array {
    if (!(this.intBuffers[slot]?.length >= n)) this.intBuffers[slot] = new Int32Array(Math.max(n, 256));
    return this.intBuffers[slot].subarray(0, n).fill(fill);
  }

  private uints(slot: number, n: number): Uint32Array {
    if (!(this.uintBuffers[slot]?.length >= n)) this.uintBuffers[slot] = new Uint32Array(Math.max(n, 256));
    return this.uintBuffers[slot].subarray(0, n).fill(0);
  }

  private shorts(slot: number, n: number): Uint16Array {
    if (!(this.shortBuffers[slot]?.length >= n)) this.shortBuffers[slot] = new Uint16Array(Math.max(n, 256));
    return this.shortBuffers[slot].subarray(0, n).fill(0);
  }

  private bytes(slot: number, n: number): Uint8Array {
    if (!(this.byteBuffers[slot]?.length >= n)) this.byteBuffers[slot] = new Uint8Array(Math.max(n, 256));
    return this.byteBuffers[slot].subarray(0, n).fill(0);
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
        this.history.set(this.types.cased[this.id[this.absorbed]], type);
    }
  }
}

/**
 * The casing evidence of the document being loaded, per lower-case class: the class was seen in lower
 * case (capitalised mid-sentence) in this document when its entry equals `stamp`, which moves on with
 * every document. Shared by all inputs, as only one loads at a time.
 */
let lowerStamp = new Int32Array(0);
let capitalMidStamp = new Int32Array(0);
let stamp = 1;

function reserveStamps(classes: number): void {
  if (classes <= lowerStamp.length) return;
  const size = Math.max(classes, 2 * lowerStamp.length, 1024);
  const grow = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  lowerStamp = grow(lowerStamp);
  capitalMidStamp = grow(capitalMidStamp);
}

/**
 * Part-of-speech and chunk tags by index: tags are few, so each gets an index (from 1) and its hash once.
 */
const tagIndexes = new Map<string, number>();
const tagHashes: number[] = [0];

/** A tag's index (from 1; tags are few, at most 65,535). */
export function tagIndex(tag: string): number {
  let known = tagIndexes.get(tag);
  if (known === undefined) {
    known = tagHashes.length;
    if (known > 0xffff) throw new Error('too many part-of-speech and chunk tags');
    tagIndexes.set(tag, known);
    tagHashes.push(hashTagText(tag));
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
  return nerContextFeatures(x, i, tags, typeOf, out, nerWordFeatures(x.types, x.id[i], out, 0));
}

/** The features on the word alone, of word type `t` (cached per word at tagging time). */
export function nerWordFeatures(v: WordTypes, t: number, out: Uint32Array, k: number): number {
  out[k++] = 1;
  out[k++] = mix(101, v.lower[t]);
  out[k++] = mix(102, v.cased[t]);
  out[k++] = mix(103, v.shape[t]);
  out[k++] = mix(104, v.suf3[t]);
  out[k++] = mix(105, v.suf4[t]);
  out[k++] = mix(106, v.pre3[t]);
  out[k++] = mix(107, v.suf2[t]);
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
  const v = x.types;
  const id = x.id;
  const s = x.sStart[i];
  const e = x.sEnd[i];
  const hasPrev = i > s;
  const hasPrev2 = i - 1 > s;
  const hasNext = i + 1 < e;
  const hasNext2 = i + 2 < e;
  const t1 = hasPrev ? tags[i - 1] : -1;
  const t2 = hasPrev2 ? tags[i - 2] : -2;
  const first = hasPrev ? 0 : 1;
  const shape = v.shape[id[i]];
  const lw = v.lower[id[i]];
  const lPrev = hasPrev ? v.lower[id[i - 1]] : START;
  const lNext = hasNext ? v.lower[id[i + 1]] : END;
  const pos = x.pos[i];
  const gaz = x.gaz[i];
  out[k++] = mix(108, x.flags[i] | (first << 7));
  out[k++] = mix(109, mix(shape, first));
  out[k++] = mix(110, lPrev);
  out[k++] = mix(111, lNext);
  out[k++] = mix(112, hasPrev2 ? v.lower[id[i - 2]] : START);
  out[k++] = mix(113, hasNext2 ? v.lower[id[i + 2]] : END);
  out[k++] = mix(114, hasPrev ? v.shape[id[i - 1]] : START);
  out[k++] = mix(115, hasNext ? v.shape[id[i + 1]] : END);
  out[k++] = mix(116, mix(lPrev, lw));
  out[k++] = mix(117, mix(lw, lNext));
  out[k++] = mix(118, pos);
  out[k++] = mix(119, mix(hasPrev ? x.pos[i - 1] : START, pos));
  out[k++] = mix(120, mix(pos, hasNext ? x.pos[i + 1] : END));
  out[k++] = mix(121, x.chunk[i]);
  out[k++] = mix(122, t1);
  out[k++] = mix(123, mix(t1, t2));
  out[k++] = mix(124, mix(t1, lw));
  out[k++] = mix(125, mix(t1, shape));
  out[k++] = mix(126, mix(gaz, x.gazBegin[i]));
  out[k++] = mix(127, hasPrev ? x.gaz[i - 1] : 255);
  out[k++] = mix(128, hasNext ? x.gaz[i + 1] : 255);
  out[k++] = mix(129, mix(gaz, shape));
  out[k++] = mix(
    130,
    x.seenLower[i] | (x.seenCapitalMid[i] << 1) | (first << 2) | ((x.flags[i] & F_UPPER_INITIAL) << 3),
  );
  out[k++] = mix(131, mix(x.history.get(v.cased[id[i]]) ?? 0, shape));
  out[k++] = mix(132, hasPrev ? v.suf3[id[i - 1]] : START);
  out[k++] = mix(133, mix(t1, lPrev));
  const rs = x.runStart[i];
  if (rs >= 0) {
    const re = x.runEnd[i];
    const len = Math.min(4, re - rs + 1);
    out[k++] = mix(134, v.lower[id[re]]);
    out[k++] = mix(135, rs > s ? v.lower[id[rs - 1]] : START);
    out[k++] = mix(136, mix(len, i - rs === 0 ? 0 : i === re ? 2 : 1));
    out[k++] = mix(137, x.gaz[re] | (rs > s ? x.gaz[rs - 1] << 8 : 0));
    const le = x.longEnd[i];
    if (le !== re) out[k++] = mix(138, v.lower[id[le]]);
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
