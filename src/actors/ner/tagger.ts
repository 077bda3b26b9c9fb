/**
 * The name tagger: a greedy averaged perceptron over a document's tokens (see `features.ts`), BILOU
 * classes (`B-` begin, `I-` inside, `L-` last, `U-` a one-token name, `O`) over the CoNLL-2003 types PER,
 * ORG, LOC and MISC, trained by `npm run train:taggers`.
 */
import { existsSync } from 'node:fs';
import { mix, modelPath, Perceptron } from '../../text/perceptron.js';
import { F_UPPER_INITIAL } from '../../text/pos-features.js';
import { END, NerInput, nerWordFeatures, START, tagHashOf } from './features.js';
import { StampedTable } from './stamped-table.js';

export const NER_MODEL = 'ner.bin.gz';
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

export interface NameSpan {
  /** Token range `[start, end)` in the input. */
  start: number;
  end: number;
  type: NerType;
  /** What refiners did to it, appended to the mention's rule. */
  rule?: string;
}

export const NER_CLASSES = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`])];

/** IOB2 tags to BILOU: a name's last token becomes `L-`, a one-token name `U-`. */
export function toBilou(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (tag === 'O') return tag;
    const ends = tags[i + 1] !== 'I-' + tag.slice(2);
    if (tag.startsWith('B-')) return ends ? 'U-' + tag.slice(2) : tag;
    return ends ? 'L-' + tag.slice(2) : tag;
  });
}

/**
 * Allowed transitions: `table[prev + 1][c]` (`prev` -1 at a sentence start). Inside a name (after `B-X`
 * or `I-X`) only `I-X` or `L-X` may follow; elsewhere only `O`, `B-` or `U-`.
 */
export function bilouAllowed(classes: readonly string[]): boolean[][] {
  const table: boolean[][] = [];
  for (let prev = -1; prev < classes.length; prev++) {
    const p = prev < 0 ? 'O' : classes[prev];
    const open = p.startsWith('B-') || p.startsWith('I-');
    table.push(
      classes.map((c) =>
        open
          ? (c.startsWith('I-') || c.startsWith('L-')) && c.slice(2) === p.slice(2)
          : c === 'O' || c.startsWith('B-') || c.startsWith('U-'),
      ),
    );
  }
  return table;
}

/** Maps each class index to its entity type: 0 for `O`, 1-4 in `NER_TYPES` order plus one. */
export function typeTable(classes: readonly string[]): Int32Array {
  return Int32Array.from(classes, (c) => (c === 'O' ? 0 : NER_TYPES.indexOf(c.slice(2) as NerType) + 1));
}

/**
 * Partial score vectors by a pair of 32-bit keys: a two-way set-associative cache whose slots hold the two
 * keys, an error bound and the vector side by side in one buffer (a hit reads one stretch of memory). `find`
 * gives a vector's offset in `values`, its bound just before it. A new vector goes first in its set and the
 * one it displaces second, dropping the set's older one: frequent vectors stay, where emptying the whole
 * table when half full (as before) dropped them all. On the words of 12,000 articles this misses a third
 * less often in the same memory.
 *
 * The vectors are kept as float32, half the memory of the float64 sums they round: a slot of 17 classes is
 * 80 bytes, not 152 (and of 9, 48), so the six vectors a scored token reads are half as many cache lines
 * (the tables are megabytes, read after the other stages have filled the caches), and the word tables
 * hold twice the vectors in the same memory. A sum rounded to float32 is off by at
 * most 2^-24 of the vector's largest magnitude; `bound` keeps twice that, and `tag` scores a token exactly
 * (from the weights) when its best two classes are closer than the summed bounds, which near-ties alone
 * are: the tags are those of the exact sums.
 *
 * A table keeps the scores of some classes only (`classes`): a token's tag before it allows either
 * classes of the outer half (`O`, `B-`, `U-`) or of the inner half (`I-`, `L-`), never both, so each
 * vector holds one half, in that half's own tables (see `NameTagger`).
 */
class VectorTable {
  readonly values: Float32Array;
  /** The same memory as integers: a slot's two keys. */
  private readonly keys: Int32Array;
  /**
   * A key's set is the top bits of a multiplicative hash (`setOf`): two multiplications, where `mix` (the
   * models' feature hash, which the sets need not follow) takes three and three shifts, and every token
   * scored looks up six vectors. Names tag alone, same articles in one process: 5-8% faster.
   */
  private readonly shift: number;
  private readonly stride: number;

  private readonly width: number;

  constructor(
    /** The classes whose scores the vectors hold, in this order. */
    private readonly classes: Int32Array,
    bits: number,
  ) {
    // (2^(bits - 1) sets of two slots.)
    this.width = classes.length;
    this.shift = 33 - bits;
    this.stride = this.width + 3;
    const buffer = new ArrayBuffer(4 * (this.stride << bits));
    this.values = new Float32Array(buffer);
    this.keys = new Int32Array(buffer);
    // An empty slot holds a key of another set, which `find` cannot be asked for here.
    const sets = 1 << (bits - 1);
    for (let set = 0; set < sets; set++) {
      let a = 0;
      while (this.setOf(a, 0) === set) a++;
      for (const o of [2 * set * this.stride, (2 * set + 1) * this.stride]) {
        this.keys[o] = a;
        this.keys[o + 1] = 0;
      }
    }
  }

  /** The set of key `(a, b)` (both 32-bit integers). */
  private setOf(a: number, b: number): number {
    return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> this.shift;
  }

  /** The offset of key `(a, b)`'s vector, or -1. */
  find(a: number, b: number): number {
    const { keys, stride } = this;
    a |= 0;
    b |= 0;
    const o = this.setOf(a, b) * 2 * stride;
    if (keys[o] === a && keys[o + 1] === b) return o + 3;
    const o2 = o + stride;
    if (keys[o2] === a && keys[o2 + 1] === b) return o2 + 3;
    return -1;
  }

  /**
   * Keeps the table's classes of `v` (scores by class index; rounded to float32) as key `(a, b)`'s
   * vector, which `find` has just missed: its offset.
   */
  put(a: number, b: number, v: Float64Array): number {
    const { values, keys, stride, classes, width } = this;
    a |= 0;
    b |= 0;
    const o = this.setOf(a, b) * 2 * stride;
    for (let k = 0; k < stride; k++) keys[o + stride + k] = keys[o + k];
    keys[o] = a;
    keys[o + 1] = b;
    values[o + 2] = roundedBound(v, classes);
    for (let j = 0; j < width; j++) values[o + 3 + j] = v[classes[j]];
    return o + 3;
  }
}

/**
 * Twice the largest error of the scores of `classes` in `v` rounded to float32 (2^-24 of their largest
 * magnitude), itself a float32 no smaller than that.
 */
function roundedBound(v: Float64Array, classes: Int32Array): number {
  let most = 0;
  for (let j = 0; j < classes.length; j++) most = Math.max(most, Math.abs(v[classes[j]]));
  return Math.fround(most * 2 ** -23);
}

/**
 * A lone vector laid out as a `VectorTable` slot (bound, then the scores of `classes` from offset 3), from
 * its exact sums by class.
 */
function lonePartial(v: Float64Array, classes: Int32Array): Float32Array {
  const slot = new Float32Array(3 + classes.length);
  slot[2] = roundedBound(v, classes);
  for (let j = 0; j < classes.length; j++) slot[3 + j] = v[classes[j]];
  return slot;
}

/**
 * Tokens of a document the tagger has room for before its buffers first grow: a long article's, so that
 * they seldom grow once `tag` is compiled (the branch that grows them, met without type feedback, would
 * deoptimize it, and compiling it again takes some 100 ms).
 */
const TAG_CAPACITY = 2048;

/** Own-word vectors: at a sentence start, after `O`, after a name tag (one per word and tag). */
const FIRST = 0;
const AFTER_O = 1;
const MID = 2;

/**
 * What the second key of a word's own vector and of its vector as the word before mixes in: the tag
 * before the token scored (`t1`, -1 at a sentence start) and whether that token is a capitalised run of
 * its own (`lone`, 0 or 1). (Nothing at a sentence start, for a token not alone.)
 */
function contextKey(t1: number, lone: number): number {
  return Math.imul((t1 + 1) | (lone << 5), 0x9e3779b1);
}

/** In the begin byte of a gazetteer vector's key: the token is a capitalised run of its own. */
const LONE_RUN = 0x80;

/**
 * The tagger. Scoring a token adds the weights of some 30 features, each a cache miss away in megabytes of
 * weights; but most features depend on one word, or on a few values that take few combinations. So their
 * summed votes are kept as partial score vectors, computed on first use: per word (keyed by its hash and
 * the hash of its last four letters, as the taggers' word-score cache always was), for the word itself
 * (with the tag before it), as the word before and as the word after; per part-of-speech window,
 * gazetteer marks, shape with name history, tag pair, casing evidence, place in a capitalised run; and
 * per run of more than one token, once. A token's score is then a few additions of short dense
 * vectors and a handful of features (word pairs, the words two away, a bridged run's end). Weights are
 * multiples of 0.001 held as float32, so their sums in float64 are exact in any grouping: the scores, and
 * so the tags, are those of scoring every feature (a test checks this against `nerFeatures`).
 *
 * The tag before a token allows the classes of one half only: after `B-X` or `I-X`, `I-X` and `L-X` (of
 * the inner half, `I-` and `L-`), elsewhere `O`, `B-` and `U-` (the outer half). So a token is scored on
 * its half alone, 9 or 8 classes, not 17: the vectors it reads hold that half (48 bytes a slot, not 80),
 * in tables of their own (tokens inside a name, a quarter of those scored, read the inner ones), and its
 * sums are half as long. The scores of a half are in class order, so the first of equal scores is the
 * same class as among all 17.
 */
export class NameTagger {
  readonly typeOf: Int32Array;
  private readonly allowed: boolean[][];
  /** `allowed` flat: `allowedAt[(prev + 1) * C + c]`. */
  private readonly allowedAt: Uint8Array;
  private readonly inside: Uint8Array;
  private readonly outside: number;
  private readonly C: number;
  private readonly features = new Uint32Array(64);
  /**
   * A scored token's own features (the word pairs, the words two away, a bridged run's end), which no
   * vector holds: apart from `features`, which the vectors' lookups fill when they miss.
   */
  private readonly tokenFeatures = new Uint32Array(8);
  /** A scored token's scores by class (of its half's classes only). */
  private readonly scores: Float64Array;
  private readonly scratch: Float64Array;
  /**
   * The classes by half: the outer ones (`O`, `B-`, `U-`) from 0, the inner ones (`I-`, `L-`) from
   * `innerFrom`, each half in class order; and each class's place in `order`.
   */
  private readonly order: Int32Array;
  private readonly placeOf: Int32Array;
  private readonly innerFrom: number;
  /** `allowedAt` with each row in `order`. */
  private readonly allowedInOrder: Uint8Array;
  /**
   * Per tag before (`[t1 + 1]`), the allowed classes' places in its half (from `innerFrom` for the inner
   * half): the first and one past the last, so that `tag` sums and compares no others (after `B-X` or
   * `I-X`, `I-X` and `L-X` alone).
   */
  private readonly allowedFrom: Int32Array;
  private readonly allowedTo: Int32Array;
  /**
   * Per word (keyed by the hashes of the word and of its last four letters, as the word-score cache of
   * the taggers always was), its vectors: as the word itself (at a sentence start, after `O`, after a name
   * tag), as the word before (after `O` or not), as the word after. The outer half's, then the inner
   * half's (which follow a name tag alone).
   */
  private readonly own: VectorTable[];
  private readonly before: VectorTable[];
  private readonly ownInner: VectorTable;
  private readonly beforeInner: VectorTable;
  /**
   * By half (outer, inner): the word after; the window of part-of-speech and chunk tags; gazetteer marks
   * around; shape with gazetteer and history.
   */
  private readonly after: VectorTable[];
  private readonly posVectors: VectorTable[];
  private readonly gazVectors: VectorTable[];
  private readonly shapeVectors: VectorTable[];
  /**
   * In `order`: the tags of the two tokens before, `[(t1 + 1) * (C + 2) + t2 + 2]`; casing evidence, 16
   * values.
   */
  private readonly tagPairs: Float64Array;
  private readonly casing: Float64Array;
  /**
   * In `order`: the votes of the words two away when that word is past the sentence's edge (112 on
   * `START`, 113 on `END`), `[edges * C]`, `edges` 1 for the first, 2 for the second, 3 for both (0: none,
   * zeros). Added exactly with the vectors, not as the token's own features: their rows move the classes
   * far apart (bounds past 63, `spreads`' none kept), so every token second or last but one in its
   * sentence was summed again with its own features (a quarter of the tokens summed again).
   */
  private readonly edgeVotes: Float64Array;
  /**
   * The place in a capitalised run (136), in `order`: `[((length - 1) * 3 + place) * C]`, length at most
   * 4; zeros at `noRun`, for a token in no run.
   */
  private readonly runPlaces: Float64Array;
  private readonly noRun: number;
  /** No votes (`tag`'s run votes for a token in no run of more than one token). */
  private readonly zeros: Float64Array;
  /** The current run's summed features (see `tag`) by class, the same in `order`, and scratch for them. */
  private readonly runVotes: Float64Array;
  private readonly runVotesInOrder: Float64Array;
  private readonly runFeatures = new Uint32Array(4);
  /**
   * The features before a sentence's first token and after its last: exact, and as `VectorTable` slots
   * (which `tag` reads in place of the word before or after): before, of the outer half (a sentence's
   * first token is not inside a name), without and with a lone capitalised token's 135; after, of either
   * half.
   */
  private readonly atStart: Float64Array;
  private readonly atEnd: Float64Array;
  private readonly atStartSlots: Float32Array[];
  /** `atStart` with a lone capitalised token's run feature on the sentence start (135). */
  private readonly atStartLone: Float64Array;
  private readonly atEndSlots: Float32Array[];
  /** A token's exact scores, when its best two classes are too close to tell apart by the float32 sums. */
  private readonly exact: Float64Array;
  /**
   * Per hash bucket of the model, a bound on how far its row's votes may move any two classes of a half
   * apart (`spreadOf`): 0 not yet known, else 1 plus the bound in quarters (1: the bucket has no row),
   * 255 none kept (63.25 or more). A scored token's own features (the word pairs, the words two away, a
   * bridged run's end) are summed only when their bounds, added up, could change its best class (see
   * `tag`). One byte a bucket (1 MB): a bit filter of the buckets with a row in front of it (the model's
   * `rowBits`) was no faster.
   */
  private readonly spreads: Uint8Array;
  private readonly bucketMask: number;
  /** Scratch for `spreadOf`: one row's votes by class. */
  private readonly rowVotes: Float64Array;
  /**
   * Added to the vectors' error bound: the float64 rounding of the sums, some 2^-50 of them (a test sets it
   * to Infinity, so that every token scored is scored exactly too).
   */
  slack = 1e-9;
  /** The document's history of names: per word hash, the entity type (1-4) the word was last tagged as. */
  private readonly history = new StampedTable(3, 2 * TAG_CAPACITY);
  /** The class indexes `tag` returns: a view of this buffer, kept from one document to the next. */
  private tags = new Int32Array(TAG_CAPACITY);

  /** Per class: its first letter (`O`, `B`, `I`, `L`, `U`) and its type (`PER`; nothing for `O`). */
  private readonly prefixOf: readonly string[];
  private readonly typeNameOf: readonly NerType[];

  constructor(readonly model: Perceptron) {
    const C = model.nClasses;
    this.prefixOf = model.classes.map((c) => c[0]);
    this.typeNameOf = model.classes.map((c) => c.slice(2) as NerType);
    this.C = C;
    this.typeOf = typeTable(model.classes);
    this.allowed = bilouAllowed(model.classes);
    this.allowedAt = Uint8Array.from(this.allowed.flat(), (b) => (b ? 1 : 0));
    this.inside = Uint8Array.from(model.classes, (c) => (c.startsWith('B-') || c.startsWith('I-') ? 1 : 0));
    this.outside = model.classes.indexOf('O');
    this.scores = new Float64Array(C);
    this.runVotes = new Float64Array(C);
    this.runVotesInOrder = new Float64Array(C);
    this.scratch = new Float64Array(C);
    this.zeros = new Float64Array(C);
    const classes = [...model.classes.keys()];
    const outer = classes.filter((c) => !/^[IL]-/.test(model.classes[c]));
    this.order = Int32Array.from([...outer, ...classes.filter((c) => !outer.includes(c))]);
    this.innerFrom = outer.length;
    this.placeOf = new Int32Array(C);
    for (let p = 0; p < C; p++) this.placeOf[this.order[p]] = p;
    this.allowedInOrder = new Uint8Array(this.allowedAt.length);
    for (let row = 0; row < this.allowedAt.length; row += C)
      for (let p = 0; p < C; p++) this.allowedInOrder[row + p] = this.allowedAt[row + this.order[p]];
    this.allowedFrom = new Int32Array(C + 1);
    this.allowedTo = new Int32Array(C + 1);
    for (let prev = -1; prev < C; prev++) {
      const lo = prev >= 0 && this.inside[prev] ? this.innerFrom : 0;
      const hi = lo === 0 ? this.innerFrom : C;
      let from = hi;
      let to = lo;
      for (let p = lo; p < hi; p++)
        if (this.allowedInOrder[(prev + 1) * C + p]) {
          from = Math.min(from, p);
          to = p + 1;
        }
      this.allowedFrom[prev + 1] = from - lo;
      this.allowedTo[prev + 1] = Math.max(from, to) - lo;
    }
    const outerClasses = this.order.subarray(0, this.innerFrom);
    const innerClasses = this.order.subarray(this.innerFrom);
    // Slots of 48 bytes, not 80: the outer word tables hold twice the vectors they held with all 17
    // classes, the inner ones (a quarter of the tokens scored) as many, and the others as many of each
    // half, in a little less memory than before (4.67 MB, was 4.87). Sized by their misses on a second
    // pass over 6,000 articles (the vectors they drop, not the words first met): the own-word vectors at
    // a sentence start and the word-before vectors after `O` missed least (558 and 296), those of the
    // inner half and the part-of-speech windows after `O` most (5,102, 6,345 and 3,885); so the first two
    // have half the room and the others twice, in about the same memory (4.71 MB): misses 28.9k -> 21.7k.
    const outerTable = (bits: number) => new VectorTable(outerClasses, bits);
    const innerTable = (bits: number) => new VectorTable(innerClasses, bits);
    this.own = [outerTable(13), outerTable(14), outerTable(11)];
    this.ownInner = innerTable(14);
    this.before = [outerTable(11), outerTable(13)];
    this.beforeInner = innerTable(14);
    this.after = [outerTable(14), innerTable(13)];
    this.posVectors = [outerTable(12), innerTable(10)];
    this.gazVectors = [outerTable(9), innerTable(8)];
    this.shapeVectors = [outerTable(10), innerTable(9)];
    const f = this.features;
    this.tagPairs = new Float64Array((C + 1) * (C + 2) * C);
    for (let t1 = -1; t1 < C; t1++)
      for (let t2 = -2; t2 < C; t2++) {
        f[0] = mix(122, t1);
        f[1] = mix(123, mix(t1, t2));
        this.vote(2, this.tagPairs, ((t1 + 1) * (C + 2) + t2 + 2) * C);
      }
    this.noRun = 12 * C;
    this.runPlaces = new Float64Array(13 * C);
    for (let len = 1; len <= 4; len++)
      for (let place = 0; place < 3; place++) {
        f[0] = mix(136, mix(len, place));
        this.vote(1, this.runPlaces, ((len - 1) * 3 + place) * C);
      }
    this.casing = new Float64Array(16 * C);
    for (let bits = 0; bits < 16; bits++) {
      f[0] = mix(130, bits);
      this.vote(1, this.casing, bits * C);
    }
    this.atStart = new Float64Array(C);
    for (const [k, t] of [110, 112, 114, 132].entries()) f[k] = mix(t, START);
    f[4] = mix(133, mix(-1, START));
    this.vote(5, this.atStart, 0);
    this.atStartLone = new Float64Array(C);
    f[5] = mix(135, START);
    this.vote(6, this.atStartLone, 0);
    this.edgeVotes = new Float64Array(4 * C);
    f[0] = mix(112, START);
    this.vote(1, this.edgeVotes, C);
    f[0] = mix(113, END);
    this.vote(1, this.edgeVotes, 2 * C);
    f[0] = mix(112, START);
    f[1] = mix(113, END);
    this.vote(2, this.edgeVotes, 3 * C);
    this.atEnd = new Float64Array(C);
    for (const [k, t] of [111, 113, 115].entries()) f[k] = mix(t, END);
    this.vote(3, this.atEnd, 0);
    this.atStartSlots = [
      lonePartial(this.atStart, outerClasses),
      lonePartial(this.atStartLone, outerClasses),
    ];
    this.atEndSlots = [lonePartial(this.atEnd, outerClasses), lonePartial(this.atEnd, innerClasses)];
    this.exact = new Float64Array(C);
    this.spreads = new Uint8Array(model.buckets);
    this.bucketMask = model.buckets - 1;
    this.rowVotes = new Float64Array(C);
    for (const table of [this.tagPairs, this.runPlaces, this.casing, this.edgeVotes])
      for (let at = 0; at < table.length; at += C) {
        this.scratch.set(table.subarray(at, at + C));
        for (let p = 0; p < C; p++) table[at + p] = this.scratch[this.order[p]];
      }
  }

  /** Writes the summed votes of `features[0, n)` to `into[at, at + C)`. */
  private vote(n: number, into: Float64Array, at: number): void {
    into.set(this.sum(n), at);
  }

  /** The summed votes of `features[0, n)` by class, in `scratch`. */
  private sum(n: number): Float64Array {
    const scratch = this.scratch;
    for (let c = 0; c < scratch.length; c++) scratch[c] = 0;
    this.model.accumulate(this.features, n, scratch);
    return scratch;
  }

  /** Class index per token (a view on a buffer the next call overwrites). */
  tag(x: NerInput): Int32Array {
    const n = x.n;
    if (this.tags.length < n) this.tags = new Int32Array(Math.max(n, 2 * this.tags.length));
    const tags = this.tags.subarray(0, n);
    const { C, scores, tokenFeatures: f, inside, outside, typeOf, history, slack, order, innerFrom } = this;
    const { spreads, bucketMask } = this;
    const { flags, sStart, sEnd, gaz, runStart, hasUpper, lower, shape: shapes, cased } = x;
    history.reset(n);
    const { runVotes, runVotesInOrder } = this;
    let runAt = -1;
    for (let i = 0; i < n; i++) {
      const s = sStart[i];
      const hasPrev = i > s;
      const t1 = hasPrev ? tags[i - 1] : -1;
      // The fast path: a word with no capital letter (`the`, `said`, `1996`, `,`) outside a name is `O`
      // without scoring. Names that start in lower case (`de Mello`, `post-Soviet` aside, which has a
      // capital) are rare enough in news to give up. The model is trained on every token; at run time the
      // fast path skips about two thirds of them and changed no CoNLL-2003 dev name when it was introduced.
      const inner = hasPrev && inside[t1] === 1;
      if (!hasUpper[i] && !inner) {
        tags[i] = outside;
        continue;
      }
      // The half of the classes the tag before allows: from `lo` in `order`.
      const half = inner ? 1 : 0;
      const lo = inner ? innerFrom : 0;
      const e = sEnd[i];
      const hasPrev2 = i - 1 > s;
      const hasNext = i + 1 < e;
      const t2 = hasPrev2 ? tags[i - 2] : -2;
      const variant = !hasPrev ? FIRST : t1 === outside ? AFTER_O : MID;
      const shape = shapes[i];
      const lw = lower[i];
      const lPrev = hasPrev ? lower[i - 1] : START;
      const lNext = hasNext ? lower[i + 1] : END;
      const g = gaz[i];
      const hist = history.get(cased[i]);
      // The token's vectors are found first (each in its own table, so computing a missing one drops
      // none of the others), then added in one pass: the lookups do not wait on one another, so their
      // cache misses overlap, and the scores are written once, not once per vector.
      // A capitalised run of this token alone (`lone`): its run features on the word (134) and on the
      // word before (135) go with the token's own vector and the word-before vector, the lone token
      // flagged in their keys.
      const rs = runStart[i];
      const re = x.runEnd[i];
      const lone = rs >= 0 && rs === re ? 1 : 0;
      // The token's own features (the word pairs, the words two away, a bridged run's end), and how far
      // their votes may move any two classes apart, in quarters (`spreads`): first, so that the misses of
      // their bounds overlap those of the vectors' lookups below (they wait on none of them).
      // (The words two away past the sentence's edge are in `edgeVotes`.)
      const hasNext2 = i + 2 < e;
      let k = 0;
      if (hasPrev2) f[k++] = mix(112, lower[i - 2]);
      if (hasNext2) f[k++] = mix(113, lower[i + 2]);
      f[k++] = mix(116, mix(lPrev, lw));
      f[k++] = mix(117, mix(lw, lNext));
      if (lone) {
        const le = x.longEnd[i];
        if (le !== re) f[k++] = mix(138, lower[le]);
      }
      // Those with no row of weights (`spreads` 1: most word pairs) are dropped from `f`, which keeps
      // `rows` features: summed again with the vectors below, they would each cost a look-up of a row that
      // is not there, a cache miss.
      let bound = 0;
      let rows = 0;
      for (let q = 0; q < k; q++) {
        const bucket = f[q] & bucketMask;
        let spread = spreads[bucket];
        if (spread === 0) spread = this.spreadOf(bucket);
        if (spread !== 1) f[rows++] = f[q];
        bound += spread === 255 ? Infinity : spread - 1;
      }
      const ownTable = inner ? this.ownInner : this.own[variant];
      const atOwn = this.ownAt(ownTable, x, i, t1, lone);
      const beforeTable = inner ? this.beforeInner : this.before[variant === AFTER_O ? 1 : 0];
      const before = hasPrev ? beforeTable.values : this.atStartSlots[lone];
      const atBefore = hasPrev ? this.beforeAt(beforeTable, x, i - 1, t1, lone) : 3;
      const afterTable = this.after[half];
      const after = hasNext ? afterTable.values : this.atEndSlots[half];
      const atAfter = hasNext ? this.afterAt(afterTable, x, i + 1) : 3;
      const posTable = this.posVectors[half];
      const atPos = this.posAt(
        posTable,
        hasPrev ? x.posIndex[i - 1] : 0,
        x.posIndex[i],
        hasNext ? x.posIndex[i + 1] : 0,
        x.chunkIndex[i],
      );
      // A lone token's run features on the gazetteer marks (137) go with its gazetteer vector (a flag in
      // the begin byte, whose marks take six bits).
      const gazKey =
        g |
        ((x.gazBegin[i] | (lone ? LONE_RUN : 0)) << 8) |
        ((hasPrev ? gaz[i - 1] : 255) << 16) |
        ((hasNext ? gaz[i + 1] : 255) << 24);
      const gazTable = this.gazVectors[half];
      const atGaz = this.gazAt(gazTable, gazKey);
      const gazHist = g | (hist << 8);
      const shapeTable = this.shapeVectors[half];
      const atShape = this.shapeAt(shapeTable, shape, gazHist);
      const atPair = ((t1 + 1) * (C + 2) + t2 + 2) * C;
      const atEdge = ((hasPrev && !hasPrev2 ? 1 : 0) | (hasNext && !hasNext2 ? 2 : 0)) * C;
      const atCasing = (x.casingOf(i) | ((hasPrev ? 0 : 1) << 2) | ((flags[i] & F_UPPER_INITIAL) << 3)) * C;
      const own = ownTable.values;
      const pos = posTable.values;
      const gazVector = gazTable.values;
      const shapeVector = shapeTable.values;
      const { tagPairs, casing, edgeVotes } = this;
      // How far the float32 vectors may put any two classes' scores from their exact difference.
      const error =
        own[atOwn - 1] +
        before[atBefore - 1] +
        after[atAfter - 1] +
        pos[atPos - 1] +
        gazVector[atGaz - 1] +
        shapeVector[atShape - 1];
      // The capitalised run's features (134, 135, 137, 138) are the same for all its tokens: summed once
      // per run, but for a run of one token added with the token's own (one pass over the weights the
      // fewer). The token's place in the run (136) takes 12 values (`NO_RUN` past them: none, zeros).
      let place = this.noRun;
      let runRow = this.zeros;
      if (rs >= 0) {
        place = ((Math.min(4, re - rs + 1) - 1) * 3 + (i === rs ? 0 : i === re ? 2 : 1)) * C;
        if (rs !== re) {
          if (rs !== runAt) {
            const g: Uint32Array = this.runFeatures;
            let r = 0;
            g[r++] = mix(134, lower[re]);
            g[r++] = mix(135, rs > s ? lower[rs - 1] : START);
            g[r++] = mix(137, gaz[re] | (rs > s ? gaz[rs - 1] << 8 : 0));
            const le = x.longEnd[i];
            if (le !== re) g[r++] = mix(138, lower[le]);
            for (let c = 0; c < C; c++) runVotes[c] = 0;
            this.model.accumulate(g, r, runVotes);
            for (let p = 0; p < C; p++) runVotesInOrder[p] = runVotes[order[p]];
            runAt = rs;
          }
          runRow = runVotesInOrder;
        }
      }
      // The half's scores go to their classes' places in `scores` (the other half's places are not
      // read), where the token's own features then add their votes by class.
      // Only the allowed classes' (`[from, to)` in the half): inside a name, two of the half's eight.
      const { runPlaces } = this;
      const from = this.allowedFrom[t1 + 1];
      const to = this.allowedTo[t1 + 1];
      for (let j = from; j < to; j++)
        scores[order[lo + j]] =
          own[atOwn + j] +
          before[atBefore + j] +
          after[atAfter + j] +
          tagPairs[atPair + lo + j] +
          edgeVotes[atEdge + lo + j] +
          casing[atCasing + lo + j] +
          pos[atPos + j] +
          gazVector[atGaz + j] +
          shapeVector[atShape + j] +
          runPlaces[place + lo + j] +
          runRow[lo + j];
      // The best allowed class (the first of equal scores), and the score of the next best: first without
      // the features, whose votes are added (and the classes compared again) only if they could change
      // the best class: a best class ahead by more than their bound and the vectors' error is the best
      // of the exact sums with them, as it is of the exact sums without (about three tokens in four).
      let best = -1;
      let bestScore = -Infinity;
      let nextScore = -Infinity;
      const row = (t1 + 1) * C + lo;
      const allowed = this.allowedInOrder;
      for (let round = 0; round < 2; round++) {
        best = -1;
        bestScore = -Infinity;
        nextScore = -Infinity;
        for (let j = from; j < to; j++) {
          if (!allowed[row + j]) continue;
          const score = scores[order[lo + j]];
          if (score > bestScore) {
            nextScore = bestScore;
            bestScore = score;
            best = j;
          } else if (score > nextScore) nextScore = score;
        }
        if (round > 0 || bestScore - nextScore > error + slack + 0.25 * bound) break;
        this.model.accumulate(f, rows, scores);
      }
      best = order[lo + best];
      if (bestScore - nextScore <= error + slack)
        best = this.exactBest(
          x,
          i,
          rows,
          atPair,
          atCasing,
          atEdge,
          place,
          runRow !== this.zeros,
          gazKey,
          gazHist,
          (t1 + 1) * C,
        );
      tags[i] = best;
      // The document's history of names: what this word was last tagged as.
      const type = typeOf[best];
      if (type > 0 && flags[i] & F_UPPER_INITIAL) history.set(cased[i], type);
    }
    return tags;
  }

  /**
   * Token `i`'s best allowed class (`row` of `allowedAt`) from its exact scores: the same sums as `tag`'s,
   * with every vector summed afresh from the weights. `tokenFeatures[0, k)` are the token's own features (not
   * cached), `atPair`, `atCasing`, `atEdge` and `place` (`noRun`: none) its offsets in the small tables, `longRun` whether
   * its run's votes are in `runVotes` (else in its features), `gazKey` and
   * `gazHist` the keys of its gazetteer and shape vectors.
   */
  private exactBest(
    x: NerInput,
    i: number,
    k: number,
    atPair: number,
    atCasing: number,
    atEdge: number,
    place: number,
    longRun: boolean,
    gazKey: number,
    gazHist: number,
    row: number,
  ): number {
    const { C, exact, model, features: f, placeOf } = this;
    exact.fill(0);
    model.accumulate(this.tokenFeatures, k, exact);
    for (let c = 0; c < C; c++)
      exact[c] +=
        this.tagPairs[atPair + placeOf[c]] +
        this.casing[atCasing + placeOf[c]] +
        this.edgeVotes[atEdge + placeOf[c]];
    for (let c = 0; c < C; c++) exact[c] += this.runPlaces[place + placeOf[c]];
    if (longRun) for (let c = 0; c < C; c++) exact[c] += this.runVotes[c];
    const s = x.sStart[i];
    const hasPrev = i > s;
    const hasNext = i + 1 < x.sEnd[i];
    const t1 = i > x.sStart[i] ? this.tags[i - 1] : -1;
    const lone = x.runStart[i] >= 0 && x.runStart[i] === x.runEnd[i] ? 1 : 0;
    model.accumulate(f, this.ownFeatures(x, i, t1, lone), exact);
    if (hasPrev) model.accumulate(f, this.beforeFeatures(x, i - 1, t1, lone), exact);
    else for (let c = 0; c < C; c++) exact[c] += (lone ? this.atStartLone : this.atStart)[c];
    if (hasNext) model.accumulate(f, this.afterFeatures(x, i + 1), exact);
    else for (let c = 0; c < C; c++) exact[c] += this.atEnd[c];
    const { posIndex } = x;
    model.accumulate(
      f,
      this.posFeatures(
        hasPrev ? posIndex[i - 1] : 0,
        posIndex[i],
        hasNext ? posIndex[i + 1] : 0,
        x.chunkIndex[i],
      ),
      exact,
    );
    model.accumulate(f, this.gazFeatures(gazKey), exact);
    model.accumulate(f, this.shapeFeatures(x.shape[i], gazHist), exact);
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < C; c++) {
      if (this.allowedAt[row + c] && exact[c] > bestScore) {
        bestScore = exact[c];
        best = c;
      }
    }
    return best;
  }

  /**
   * The bound of bucket `bucket` in `spreads`, found and kept there: for each half of the classes, its
   * row's largest vote less its smallest (a class the row has no vote for votes 0), in quarters rounded
   * up (a quarter more when a whole number), the larger of the two halves'.
   */
  private spreadOf(bucket: number): number {
    const offset = this.model.rowOffset(bucket);
    if (offset < 0) return (this.spreads[bucket] = 1);
    const { rowVotes, C, innerFrom } = this;
    for (let c = 0; c < C; c++) rowVotes[c] = 0;
    this.model.addRow(offset, rowVotes);
    const spread = Math.max(this.halfSpread(0, innerFrom), this.halfSpread(innerFrom, C));
    return (this.spreads[bucket] = Math.min(255, Math.floor(4 * spread) + 2));
  }

  /** The largest of `rowVotes` less the smallest over the classes `order[from, to)`. */
  private halfSpread(from: number, to: number): number {
    const { rowVotes, order } = this;
    let most = -Infinity;
    let least = Infinity;
    for (let p = from; p < to; p++) {
      const vote = rowVotes[order[p]];
      if (vote > most) most = vote;
      if (vote < least) least = vote;
    }
    return most - least;
  }

  /**
   * The fast path of `tag`: the class of token `i` when it is `O` without scoring (a word with no capital
   * letter outside a name), else -1.
   */
  fixed(x: NerInput, i: number, tags: Int32Array): number {
    if (x.hasUpper[i]) return -1;
    if (i > x.sStart[i] && this.inside[tags[i - 1]]) return -1;
    return this.outside;
  }

  /**
   * Token `i`'s own-word vector (word features, 108, 109, 124-125 on the tag before it, `t1`, and 134 when
   * the token is a capitalised run of its own, `lone`): its offset in `table`. After a name tag (MID) the
   * vector is the word's with that tag; the second key mixes in the tag and `lone` (`contextKey`), which
   * elsewhere are the table's own (the sentence start or `O`) but for `lone`.
   */
  private ownAt(table: VectorTable, x: NerInput, i: number, t1: number, lone: number): number {
    const a = x.cased[i];
    const b = x.suf4[i] ^ contextKey(t1, lone);
    const at = table.find(a, b);
    if (at >= 0) return at;
    return table.put(a, b, this.sum(this.ownFeatures(x, i, t1, lone)));
  }

  /** The features of token `i`'s own-word vector, into `features`: their number. */
  private ownFeatures(x: NerInput, i: number, t1: number, lone: number): number {
    const f = this.features;
    const first = t1 < 0 ? 1 : 0;
    let k = nerWordFeatures(x, i, f, 0);
    f[k++] = mix(108, x.flags[i] | (first << 7));
    f[k++] = mix(109, mix(x.shape[i], first));
    f[k++] = mix(124, mix(t1, x.lower[i]));
    f[k++] = mix(125, mix(t1, x.shape[i]));
    if (lone) f[k++] = mix(134, x.lower[i]);
    return k;
  }

  /**
   * Token `b`'s vector as the word before the token after it (110, 114, 132; 133 on the tag `t1` of token
   * `b`; 135 when the token after is a capitalised run of its own, `lone`): its offset in `table`, keyed
   * by the word, the tag and `lone` (`contextKey`).
   */
  private beforeAt(table: VectorTable, x: NerInput, b: number, t1: number, lone: number): number {
    const key = x.suf4[b] ^ contextKey(t1, lone);
    const at = table.find(x.cased[b], key);
    if (at >= 0) return at;
    return table.put(x.cased[b], key, this.sum(this.beforeFeatures(x, b, t1, lone)));
  }

  /** The features of token `b`'s vector as the word before, into `features`: their number. */
  private beforeFeatures(x: NerInput, b: number, t1: number, lone: number): number {
    const f = this.features;
    f[0] = mix(110, x.lower[b]);
    f[1] = mix(114, x.shape[b]);
    f[2] = mix(132, x.suf3[b]);
    f[3] = mix(133, mix(t1, x.lower[b]));
    if (!lone) return 4;
    f[4] = mix(135, x.lower[b]);
    return 5;
  }

  /** Token `c`'s vector as the word after (111, 115): its offset in `table`. */
  private afterAt(table: VectorTable, x: NerInput, c: number): number {
    const at = table.find(x.cased[c], x.suf4[c]);
    if (at >= 0) return at;
    return this.keep(table, x, c, this.afterFeatures(x, c));
  }

  /** The features of token `c`'s vector as the word after, into `features`: their number. */
  private afterFeatures(x: NerInput, c: number): number {
    this.features[0] = mix(111, x.lower[c]);
    this.features[1] = mix(115, x.shape[c]);
    return 2;
  }

  /** Keeps the votes of `features[0, n)` as token `i`'s word's vector in `table`: its offset. */
  private keep(table: VectorTable, x: NerInput, i: number, n: number): number {
    return table.put(x.cased[i], x.suf4[i], this.sum(n));
  }

  /**
   * The part-of-speech window's vector (118-121), from tag indexes (0 past the sentence's edges): its
   * offset in `table` (one of `posVectors`).
   */
  private posAt(table: VectorTable, prev: number, pos: number, next: number, chunk: number): number {
    const a = prev | (pos << 16);
    const b = next | (chunk << 16);
    const at = table.find(a, b);
    if (at >= 0) return at;
    return table.put(a, b, this.sum(this.posFeatures(prev, pos, next, chunk)));
  }

  /** The features of a part-of-speech window's vector, into `features`: their number. */
  private posFeatures(prev: number, pos: number, next: number, chunk: number): number {
    const f = this.features;
    const p = tagHashOf(pos);
    f[0] = mix(118, p);
    f[1] = mix(119, mix(prev ? tagHashOf(prev) : START, p));
    f[2] = mix(120, mix(p, next ? tagHashOf(next) : END));
    f[3] = mix(121, tagHashOf(chunk));
    return 4;
  }

  /**
   * The vector of the gazetteer marks (126-128), packed a byte each (here, begin, before, after; 255 past
   * the sentence's edges), and of a lone capitalised token's run marks (137, when the begin byte has
   * `LONE_RUN`): its offset in `table` (one of `gazVectors`).
   */
  private gazAt(table: VectorTable, key: number): number {
    const at = table.find(key, 0);
    if (at >= 0) return at;
    return table.put(key, 0, this.sum(this.gazFeatures(key)));
  }

  /** The features of the gazetteer marks' vector, into `features`: their number. */
  private gazFeatures(key: number): number {
    const f = this.features;
    const here = key & 0xff;
    const before = (key >>> 16) & 0xff;
    f[0] = mix(126, mix(here, (key >>> 8) & ~LONE_RUN & 0xff));
    f[1] = mix(127, before);
    f[2] = mix(128, key >>> 24);
    if (!((key >>> 8) & LONE_RUN)) return 3;
    f[3] = mix(137, here | (before === 255 ? 0 : before << 8));
    return 4;
  }

  /**
   * The vector of the shape with the gazetteer mark (129) and the name history (131): its offset in
   * `table` (one of `shapeVectors`).
   */
  private shapeAt(table: VectorTable, shape: number, gazHist: number): number {
    const at = table.find(shape, gazHist);
    if (at >= 0) return at;
    return table.put(shape, gazHist, this.sum(this.shapeFeatures(shape, gazHist)));
  }

  /** The features of the shape's vector with the gazetteer mark and name history, into `features`. */
  private shapeFeatures(shape: number, gazHist: number): number {
    const f = this.features;
    f[0] = mix(129, mix(gazHist & 0xff, shape));
    f[1] = mix(131, mix(gazHist >>> 8, shape));
    return 2;
  }

  /** Name spans from class indexes; a name left open at a sentence's end closes there. */
  spans(tags: Int32Array, x: NerInput): NameSpan[] {
    const out: NameSpan[] = [];
    const { prefixOf, typeNameOf, outside } = this;
    let open: NameSpan | null = null;
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i];
      if (t === outside && !open) continue;
      const b = prefixOf[t];
      if (open && (i === x.sStart[i] || b === 'O' || b === 'B' || b === 'U' || typeNameOf[t] !== open.type)) {
        out.push(open);
        open = null;
      }
      if (b === 'O') continue;
      // `rule` from the start, so that every span, refined or not, has one shape (the names stage's loop
      // over spans otherwise deoptimizes on the refiners' spans, which carry a rule).
      if (!open) open = { start: i, end: i + 1, type: typeNameOf[t], rule: undefined };
      else open.end = i + 1;
      if (b === 'L' || b === 'U') {
        out.push(open);
        open = null;
      }
    }
    if (open) out.push(open);
    return out;
  }
}

let shared: NameTagger | undefined;

/** The trained tagger, read from `models/` on first use. */
export function nameTagger(): NameTagger {
  if (shared) return shared;
  const file = modelPath(NER_MODEL);
  if (!existsSync(file)) throw new Error(`missing ${file}: run npm run train:taggers`);
  shared = new NameTagger(Perceptron.load(file));
  warmUp(shared);
  return shared;
}

/**
 * Tags a short sentence with every scored token rescored exactly too, so that `tag`'s rare branch (the exact
 * rescoring of a near-tie, a few tokens in a thousand articles) has type feedback when `tag` is first
 * optimised: met without it, it deoptimized `tag`, which was then compiled again (some 100 ms a worker).
 * What it leaves in the vector tables is exact, as any vector there.
 *
 * One word has letters past ASCII (`Zürich`), so that loading's path for such words (`wordValuesOf`) has
 * type feedback too: news in English seldom has one (one article in the 21,495 of the bench, some 16,000
 * in), where it deoptimized `loadDoc`, which was compiled again (some 40 to 80 ms). (`SentenceValues`'
 * path for them is warmed up by the part-of-speech tagger's rare paths, `PosTagger.takeRarePaths`.) One
 * is a hyphenated word with a demonym (`Sino-Russian`), whose branch of `Gazetteer.wordBits` is met late
 * in news otherwise (within the first 3,000 bench articles, where it deoptimized the function).
 */
function warmUp(tagger: NameTagger): void {
  // (`Zürich` made at run time, as token texts are: a string literal is of another kind.)
  const place = ['Z', 'ürich'].join('');
  const words = [
    'Mr.',
    'John',
    'Smith',
    'of',
    'the',
    'Bank',
    'of',
    'England',
    'said',
    'in',
    place,
    'Sino-Russian',
    'talks',
    '.',
  ];
  // (No part-of-speech or chunk tags: the empty tag, not one of the taggers', takes a slot of its own.)
  const none = words.map(() => '');
  const slack = tagger.slack;
  tagger.slack = Infinity;
  try {
    tagger.tag(new NerInput().load([{ words, pos: none, chunk: none }]));
  } finally {
    tagger.slack = slack;
  }
}
