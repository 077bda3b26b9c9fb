/**
 * Part-of-speech tagger and phrase chunker: two greedy averaged perceptrons (see `perceptron.ts`) trained
 * on CoNLL-2003 (`npm run train:taggers`), Penn Treebank tags and IOB2 chunks (`B-NP`, `I-VP`, `O`).
 *
 * The tagger skips scoring for frequent words that always take one tag in training (the tag dictionary
 * stored with the model).
 *
 * `posFeatures` and `chunkFeatures` define the features (training and `tagSentence` use them as they are);
 * the `pos` stage tags with `PosTagger`, which scores the same features from parts it keeps per word type
 * and per tag window, with the same results.
 */
import { existsSync } from 'node:fs';
import { addSteps, argmax, mix, modelPath, Perceptron, ScoreCache } from './perceptron.js';
import { iobAllowed } from './pos-conll.js';
import { SentenceValues } from './pos-features.js';
import { hashText, tokenTypes, TypeEpoch, TYPES_SAME, wordTypes, type WordTypes } from './word-types.js';

const START = 0x5157a27;
const END = 0x3e4d;

/** Features of position `i` for the part-of-speech tagger; `tags` holds the tags chosen before `i`. */
export function posFeatures(s: SentenceValues, i: number, tags: Int32Array, out: Uint32Array): number {
  const k = posWordFeatures(s, i, out, 0);
  return posContextFeatures(s, i, tags, out, k);
}

/** The features that depend on the word alone (cached per word at tagging time). */
export function posWordFeatures(s: SentenceValues, i: number, out: Uint32Array, k: number): number {
  out[k++] = 1;
  out[k++] = mix(2, s.lower[i]);
  out[k++] = mix(3, s.cased[i]);
  out[k++] = mix(4, s.suf3[i]);
  out[k++] = mix(5, s.suf2[i]);
  out[k++] = mix(6, s.suf1[i]);
  out[k++] = mix(7, s.suf4[i]);
  out[k++] = mix(8, s.pre1[i]);
  out[k++] = mix(9, s.pre3[i]);
  out[k++] = mix(10, s.shape[i]);
  return k;
}

/** The features that depend on the neighbours and the tags before `i`. */
export function posContextFeatures(
  s: SentenceValues,
  i: number,
  tags: Int32Array,
  out: Uint32Array,
  k: number,
): number {
  const n = s.n;
  const p1 = i > 0 ? tags[i - 1] : -1;
  const p2 = i > 1 ? tags[i - 2] : -2;
  out[k++] = mix(11, p1);
  out[k++] = mix(12, mix(p1, p2));
  out[k++] = mix(13, mix(p1, s.lower[i]));
  out[k++] = mix(14, i > 0 ? s.lower[i - 1] : START);
  out[k++] = mix(15, i > 0 ? s.suf3[i - 1] : START);
  out[k++] = mix(16, i > 1 ? s.lower[i - 2] : START);
  out[k++] = mix(17, i + 1 < n ? s.lower[i + 1] : END);
  out[k++] = mix(18, i + 1 < n ? s.suf3[i + 1] : END);
  out[k++] = mix(19, i + 2 < n ? s.lower[i + 2] : END);
  out[k++] = mix(20, s.flags[i] | (i === 0 ? 128 : 0));
  return k;
}

/** Features of position `i` for the chunker, which reads the part-of-speech tags in `s.pos`. */
export function chunkFeatures(s: SentenceValues, i: number, tags: Int32Array, out: Uint32Array): number {
  const k = chunkTagFeatures(s, i, tags, out, 0);
  return chunkWordFeatures(s, i, tags, out, k);
}

/**
 * The chunker's features on the three part-of-speech tags around `i` and the two chunk tags before it,
 * cached per such window by `tagChunks` (`chunkWindowKey` names the window) and in two parts by `PosTagger`.
 */
export function chunkTagFeatures(
  s: SentenceValues,
  i: number,
  tags: Int32Array,
  out: Uint32Array,
  k: number,
): number {
  const pm1 = i > 0 ? s.pos[i - 1] : -1;
  const pp1 = i + 1 < s.n ? s.pos[i + 1] : -2;
  const c1 = i > 0 ? tags[i - 1] : -1;
  const c2 = i > 1 ? tags[i - 2] : -2;
  return chunkWindowFeatures(pm1, s.pos[i], pp1, c1, c2, out, k);
}

/**
 * `chunkTagFeatures` from the window itself: part-of-speech tags `pm1`, `p0`, `pp1` (-1 before the
 * sentence, -2 after it) and chunk tags `c1`, `c2` before (-1, -2 before the sentence).
 */
function chunkWindowFeatures(
  pm1: number,
  p0: number,
  pp1: number,
  c1: number,
  c2: number,
  out: Uint32Array,
  k: number,
): number {
  return chunkPairFeatures(c1, c2, out, chunkTagWindowFeatures(pm1, p0, pp1, c1, out, k));
}

/**
 * The part of `chunkWindowFeatures` on the part-of-speech tags and the chunk tag before `i` (all but the
 * one on the two chunk tags before, `chunkPairFeatures`): `PosTagger` keeps their sums per such window.
 */
function chunkTagWindowFeatures(
  pm1: number,
  p0: number,
  pp1: number,
  c1: number,
  out: Uint32Array,
  k: number,
): number {
  out[k++] = 1;
  out[k++] = mix(31, p0);
  out[k++] = mix(32, pm1);
  out[k++] = mix(33, pp1);
  out[k++] = mix(36, mix(pm1, p0));
  out[k++] = mix(37, mix(p0, pp1));
  out[k++] = mix(38, mix(mix(pm1, p0), pp1));
  out[k++] = mix(44, c1);
  out[k++] = mix(45, mix(c1, p0));
  out[k++] = mix(49, mix(mix(c1, pm1), p0));
  return k;
}

/** The part of `chunkWindowFeatures` on the two chunk tags before `i` alone. */
function chunkPairFeatures(c1: number, c2: number, out: Uint32Array, k: number): number {
  out[k++] = mix(46, mix(c2, c1));
  return k;
}

/** Two numbers naming the window `chunkTagFeatures` reads (tags are below 62, chunk tags below 62). */
function chunkWindowKey(s: SentenceValues, i: number, tags: Int32Array): number {
  const pm1 = i > 0 ? s.pos[i - 1] : -1;
  const pp1 = i + 1 < s.n ? s.pos[i + 1] : -2;
  const c1 = i > 0 ? tags[i - 1] : -1;
  const c2 = i > 1 ? tags[i - 2] : -2;
  return ((((pm1 + 2) * 64 + s.pos[i] + 2) * 64 + pp1 + 2) * 64 + c1 + 2) * 64 + c2 + 2;
}

/** The chunker's features on the words around `i`. */
export function chunkWordFeatures(
  s: SentenceValues,
  i: number,
  tags: Int32Array,
  out: Uint32Array,
  k: number,
): number {
  const n = s.n;
  const c1 = i > 0 ? tags[i - 1] : -1;
  const p0 = s.pos[i];
  out[k++] = mix(41, s.lower[i]);
  out[k++] = mix(42, i > 0 ? s.lower[i - 1] : START);
  out[k++] = mix(43, i + 1 < n ? s.lower[i + 1] : END);
  out[k++] = mix(47, mix(c1, s.lower[i]));
  out[k++] = mix(48, mix(p0, s.lower[i]));
  return k;
}

export interface PosModels {
  pos: Perceptron;
  chunk: Perceptron;
  /** Frequent unambiguous words and their tag index. */
  tagdict: Map<string, number>;
  chunkAllowed: boolean[][];
}

export const POS_MODEL = 'pos.bin.gz';
export const CHUNK_MODEL = 'chunk.bin.gz';

let loaded: PosModels | undefined;

export function modelsFrom(pos: Perceptron, chunk: Perceptron): PosModels {
  const dict = (pos.meta.tagdict ?? {}) as Record<string, string>;
  const index = new Map(pos.classes.map((c, i) => [c, i]));
  const tagdict = new Map<string, number>();
  for (const [word, tag] of Object.entries(dict)) tagdict.set(word, index.get(tag)!);
  // Window keys (`PosTagger`) pack tags in six bits each.
  if (pos.nClasses > 62 || chunk.nClasses > 62) throw new Error('at most 62 tags and 62 chunk tags');
  return { pos, chunk, tagdict, chunkAllowed: iobAllowed(chunk.classes) };
}

/** The trained models, read from `models/` on first use. */
export function posModels(): PosModels {
  if (loaded) return loaded;
  const file = modelPath(POS_MODEL);
  if (!existsSync(file)) throw new Error(`missing ${file}: run npm run train:taggers`);
  loaded = modelsFrom(Perceptron.load(file), Perceptron.load(modelPath(CHUNK_MODEL)));
  return loaded;
}

const features = new Uint32Array(64);
let scores = new Float64Array(64);

function reserveScores(n: number): Float64Array {
  if (scores.length < n) scores = new Float64Array(n);
  return scores.subarray(0, n);
}

const wordScores = new WeakMap<Perceptron, ScoreCache>();
const windowScores = new WeakMap<Perceptron, ScoreCache>();

function cacheFor(table: WeakMap<Perceptron, ScoreCache>, model: Perceptron): ScoreCache {
  let cache = table.get(model);
  if (!cache) table.set(model, (cache = new ScoreCache(model.nClasses, 16)));
  return cache;
}

/** Part-of-speech tags for the loaded sentence, into `s.pos` (indexes into `pos.classes`). */
export function tagPos(s: SentenceValues, pos: Perceptron, tagdict: ReadonlyMap<string, number>): void {
  const out = reserveScores(pos.nClasses);
  const cache = cacheFor(wordScores, pos);
  for (let i = 0; i < s.n; i++) {
    const word = s.words[i];
    const known = tagdict.get(word);
    if (known !== undefined) {
      s.pos[i] = known;
      continue;
    }
    if (!cache.find(s.cased[i], s.suf4[i], out)) {
      out.fill(0);
      pos.accumulate(features, posWordFeatures(s, i, features, 0), out);
      cache.put(s.cased[i], s.suf4[i], out);
    }
    pos.accumulate(features, posContextFeatures(s, i, s.pos, features, 0), out);
    s.pos[i] = argmax(out);
  }
}

/** Chunk tags for the loaded, part-of-speech tagged sentence, into `s.chunk`. */
export function tagChunks(s: SentenceValues, chunk: Perceptron, allowed: boolean[][]): void {
  const out = reserveScores(chunk.nClasses);
  const cache = cacheFor(windowScores, chunk);
  for (let i = 0; i < s.n; i++) {
    const key = chunkWindowKey(s, i, s.chunk);
    if (!cache.find(key, 0, out)) {
      out.fill(0);
      chunk.accumulate(features, chunkTagFeatures(s, i, s.chunk, features, 0), out);
      cache.put(key, 0, out);
    }
    chunk.accumulate(features, chunkWordFeatures(s, i, s.chunk, features, 0), out);
    s.chunk[i] = argmax(out, allowed[i > 0 ? s.chunk[i - 1] + 1 : 0]);
  }
}

/** Tags the loaded sentence: fills `s.pos`, then `s.chunk`. */
export function tagSentence(s: SentenceValues, m: PosModels): void {
  tagPos(s, m.pos, m.tagdict);
  tagChunks(s, m.chunk, m.chunkAllowed);
}

/**
 * How many word types `PosTagger` keeps (bounds memory). When full, it keeps the types used most since
 * the last time (at most half of them) and forgets the rest. With float64 scores and (class, float32)
 * row entries, 8,192 blocks took about 6 MB (767 bytes a type), and 12,288 raised `bench:memory`'s
 * 25,000/1,000 ratio (1.37, 1.39). In integers a block takes about 400 bytes, so 16,384 take the same
 * 6 to 7 MB; they re-add a fifth fewer types than 8,192 (0.083 adds per token, not 0.107).
 */
const MAX_TYPES = 16384;
/**
 * Slots of the chunker's table of window parts (`PosTagger.windowAt`), 16 integers each: the key, and the
 * sums of only the classes allowed after the window's chunk tag `c1` (at most 12 of the 20), in the order
 * of `allowed[c1 + 1]`, as the scoring loop reads them. Half of the slots are filled before the table is
 * emptied (21,381 keys in 6,000 articles, 90% of the tokens in 2,867), so it takes 4 MB (in place of two
 * tables of 2.75 MB, trigram and history, 21 integers a slot).
 */
const WINDOW_BITS = 16;
/** Integers of a window slot (`WINDOW_BITS`) and of a slot of `PosTagger.chunkPairs`. */
const WINDOW_SLOT = 16;

// What `PosTagger` keeps per word type, side by side in one record (not one array each): its
// tag-dictionary tag (-1: none), flags, lower-cased hash, how often it was used since the vocabulary was
// last cut down, the rows of its features as a neighbour, the last row looked up of each feature on a
// tag and the word (`tagWordRow`), and its text (`TEXT`).
const DICT = 0;
const FLAGS = 1;
const LOWER = 2;
const USES = 3;
/**
 * Part of speech: 14 + 15 (as previous word, one row: `TypeBlocks.copySum`), 16 (two back), 17 + 18 (as
 * next word, one row), 19 (two ahead).
 */
const ROWS_POS = 4;
/**
 * Chunker: 41 (the word; plus 48 on its tag for a word in the tag dictionary, whose tag is known, in one
 * row), 42 (as previous word), 43 (as next word).
 */
const ROWS_CHUNK = 8;
/**
 * Per feature 13, 47, 48: the last row looked up times 128 plus the tag + 2 (0: none yet); then, from
 * `LAST_TAG_ROW + 3`, the one before it on another tag, and so on (`TAG_ROWS_KEPT` per feature).
 */
const LAST_TAG_ROW = 11;
/**
 * Rows kept per feature on a tag and the word (`tagWordRow`). Each look-up in the model is a cache miss
 * or two: over 3,000 articles, 1, 2, 3, 4 kept rows leave 456k, 313k, 248k, 212k look-ups (A/B 0.92
 * for 2, 0.93 more for 3).
 */
const TAG_ROWS_KEPT = 4;
/** The hash of the type's text (`hashText`). */
const HASH = LAST_TAG_ROW + 3 * TAG_ROWS_KEPT;
/**
 * The type's text: its length, then its UTF-16 code units two to an integer (the first in the low half).
 * The vocabulary compares a token's text with it (`sameText`), not with a kept string: the record is
 * read for tagging anyway, where a kept string is one more object somewhere in the heap.
 */
const TEXT = HASH + 1;
/** Integers in a record, up to its text's code units. */
const INFO = TEXT + 1;
/**
 * How far past a record `touchBlocks` reads (integers): the record and about the row copies of a type
 * (96 was faster than 144 in A/B runs).
 */
const TOUCH = 96;
/**
 * How often `PosTagger.takeRarePaths` tags its sentence: the engine keeps what a function met (for its
 * optimized code) only once the function has run a few times (8 in Node 20's V8).
 */
const RARE_PATH_RUNS = 10;
/** Which feature on a tag and a word (`tagWordRow`): 13 (previous tag), 47 (previous chunk tag), 48 (tag). */
const TAG_13 = 0;
const TAG_47 = 1;
const TAG_48 = 2;
/**
 * Features scored per token, at most (part of speech 20, chunks 16): with weights of at most `k` steps,
 * a class's integer sum is its float sum over the step within `FEATURES_PER_TOKEN * k * 2^-24` steps.
 */
const FEATURES_PER_TOKEN = 24;

/**
 * The two taggers as the `pos` stage runs them: the same features, weights and greedy decoding as
 * `tagSentence`, with the same results, but scored from parts computed once and kept.
 *
 * Scoring waits on memory (each feature's row of weights is a cache miss somewhere in megabytes), and a
 * token's features mostly depend on words, which repeat. So the tagger keeps a vocabulary of word types
 * (found by the token's word-type id) and, per type, the sum of its own part-of-speech word features and where
 * the rows of its features as a neighbour (previous word, next word, ...) start. Features of the tags chosen
 * before a token are kept per pair of tags (part of speech) or per window of tags (chunks), and the record keeps
 * the last row of each feature on a tag and the word (a word mostly meets the same tag). A token is then
 * a couple of dense adds of hot vectors plus a few rows. The sums are the same: the weights are float32
 * multiples of 0.001, so float64 sums (and differences) of them are exact in any order, and the argmax
 * does not move.
 *
 * All of it is kept in integers: each weight of a model read from a file is `fround(k * step)` for an
 * integer `k` (`Perceptron.largestStep`), and a class's float sum differs from `step` times its sum of
 * `k` by far less than half a step (checked when the tagger is made). So where one class's integer sum
 * is highest, alone, it is also the float argmax; where two share the highest (a few tokens in 10,000),
 * the token is scored again in float64 as `tagSentence` scores it (`exactPos`, `exactChunk`). Integers
 * take half the bytes of float64 scores, and a row copy one integer per entry (step count and class),
 * half the bytes of a class and a float32 weight: fewer cache lines per token.
 */
export class PosTagger {
  /** Part-of-speech and chunk tags of the last sentence tagged (class indexes), first `n` entries. */
  pos = new Int32Array(64);
  chunk = new Int32Array(64);
  n = 0;

  private readonly posModel: Perceptron;
  private readonly chunkModel: Perceptron;
  /** The models' rows in whole steps (`Perceptron.stepRows`), at the models' row offsets. */
  private readonly posSteps: Int32Array;
  private readonly chunkSteps: Int32Array;
  private readonly tagdict: ReadonlyMap<string, number>;
  /** Chunk classes allowed after each chunk tag (+ 1; 0: at a sentence's start), in class order. */
  private readonly allowed: Int32Array[];
  private readonly nPos: number;
  private readonly nChunk: number;

  /** The tag dictionary by `hashText` of its words (`addType`). */
  private readonly dictIndex: DictIndex;
  /** The hashes of the word type being added (`addType`). */
  private readonly word = new SentenceValues();
  /** The vocabulary: where the record of each token text kept starts. */
  private readonly typeIndex = new TypeIndex(MAX_TYPES);
  /**
   * Per word-type id of `wordTypes()` (as it was for `recordsFor`), where its record starts + 1 (0: not
   * looked up since the ids or the records last changed): a token's record found by its id, with no
   * hashing of its text and no search in `typeIndex`. Emptied when the table's epoch or capacity moves on
   * and when the vocabulary is cut down (`keepFrequentTypes` moves records); 128 KB.
   */
  private recordsById = new Int32Array(0);
  private readonly recordsFor = new TypeEpoch();
  /** How many types are kept, and their records, in the order of the blocks. */
  private typeCount = 0;
  /** How many types the vocabulary takes before it is cut down (`MAX_TYPES`; 0 in half of `takeRarePaths`). */
  private typeLimit = MAX_TYPES;
  private typeRecords = new Int32Array(MAX_TYPES);
  /**
   * Per word type, one block: its own part-of-speech scores (`nPos` integers: the sum of its own features,
   * `posWordFeatures`, and of feature 20 on its flags away from a sentence's start; `firstFix` turns that
   * into the start's; none for a word in the tag dictionary), its record (`INFO` integers, see above), and
   * copies of the rows its record points to. A type is known by where its record starts (`r`); its own
   * scores end where the record starts.
   */
  private readonly rows = new TypeBlocks();
  /**
   * The buckets with rows in each model (`Perceptron.rowBits`) and their masks: most features on a tag
   * and a word have no row, and these answer that without a miss in the model's table of buckets.
   */
  private readonly posRowBits: Uint32Array;
  private readonly posBucketMask: number;
  private readonly chunkRowBits: Uint32Array;
  private readonly chunkBucketMask: number;
  /** Rows of the neighbour features at a sentence's edges (`START`, `END`), in the `ROWS_POS` order. */
  private readonly posEdgeRows: Int32Array;
  private readonly chunkStartRow: number;
  private readonly chunkEndRow: number;

  /** Features 11 and 12 per pair of previous tags, `(p1 + 1) * (nPos + 2) + p2 + 2`; `pairKept` marks those filled. */
  private readonly pairs: Int32Array;
  private readonly pairKept: Uint8Array;
  /** Feature 20 per flag byte (flags, plus 128 at a sentence's start). */
  private readonly flagScores: Int32Array;
  private readonly flagKept = new Uint8Array(256);
  /** Per flags: feature 20 at a sentence's start minus feature 20 elsewhere. */
  private readonly firstFixes: Int32Array;
  private readonly firstKept = new Uint8Array(128);

  /**
   * Chunker window features (`chunkWindowFeatures`) in two parts: `chunkTagWindowFeatures` kept per window
   * of part-of-speech tags `pm1`, `p0`, `pp1` and chunk tag `c1` (`windowAt`); `chunkPairFeatures` per
   * pair of chunk tags `c1`, `c2` (`chunkPairAt`; 21 x 22 slots of `WINDOW_SLOT`, 30 KB). Far fewer
   * keys than whole windows, so far fewer misses, for one more add of a vector always in cache.
   */
  private readonly windows: KeptScores;
  private readonly chunkPairs: Int32Array;
  /** Per slot of `chunkPairs`, 1 once it is filled. */
  private readonly chunkPairKept: Uint8Array;

  /** The tokens of the current sentence as their records (where each starts). */
  private ids = new Int32Array(64);
  /** Per token of the current sentence, the row of feature 48 (`tagChunks`). */
  private tagRowsAt = new Int32Array(64);
  private readonly posScores: Int32Array;
  private readonly chunkScores: Int32Array;
  /** Scratch for `keep`, per model. */
  private readonly posKept: Int32Array;
  private readonly chunkKept: Int32Array;

  /**
   * 1: where one class alone has the highest integer sum, it is the tag (see the class's comment);
   * `Infinity`: every token is scored in float64 (tests; models without a step).
   */
  margin = 1;
  /** The sentence being tagged (`tag`) and its values for the float64 scoring (`exactValues`). */
  private tokens: readonly { readonly text: string }[] = [];
  private start = 0;
  private readonly exact = new SentenceValues();
  /** 0: `exact` not loaded for this sentence; 1: loaded; 2: and its part-of-speech tags set. */
  private exactLoaded = 0;
  private readonly exactPosScores: Float64Array;
  private readonly exactChunkScores: Float64Array;
  private readonly features = new Uint32Array(64);
  /** The rows of a type being added (`addType`), as `Perceptron.rowOffset`. */
  private readonly typeRows = new Int32Array(32);
  /** The sum of the row counts `addType` reads ahead (kept, so that the reads are not left out). */
  private touched = 0;

  constructor(readonly models: PosModels) {
    this.posModel = models.pos;
    this.chunkModel = models.chunk;
    this.posSteps = models.pos.stepRows();
    this.chunkSteps = models.chunk.stepRows();
    this.tagdict = models.tagdict;
    this.dictIndex = new DictIndex(models.tagdict);
    this.allowed = models.chunkAllowed.map((row) => Int32Array.from(row.flatMap((ok, c) => (ok ? [c] : []))));
    this.nPos = models.pos.nClasses;
    this.nChunk = models.chunk.nClasses;
    // Kept rows are packed with a tag in 31 bits (`tagWordRow`); a row takes at least three integers.
    if (Math.max(models.pos.size, models.chunk.size) * 3 >= 1 << 24) throw new Error('models too big');
    this.posScores = new Int32Array(this.nPos);
    this.chunkScores = new Int32Array(this.nChunk);
    this.posKept = new Int32Array(this.nPos);
    this.chunkKept = new Int32Array(this.nChunk);
    this.exactPosScores = new Float64Array(this.nPos);
    this.exactChunkScores = new Float64Array(this.nChunk);
    // Integer sums decide only where they are close enough to the float sums (see the class's comment):
    // within less than half a step each, so that a lead of one step stands (and step counts are below
    // 2^25, as a row entry keeps them).
    const posLargest = models.pos.largestStep();
    const chunkLargest = models.chunk.largestStep();
    const largest = Math.max(posLargest, chunkLargest);
    if (Math.min(posLargest, chunkLargest) < 0 || largest * FEATURES_PER_TOKEN >= 1 << 23)
      this.margin = Infinity;
    this.posRowBits = models.pos.rowBits();
    this.posBucketMask = models.pos.buckets - 1;
    this.chunkRowBits = models.chunk.rowBits();
    this.chunkBucketMask = models.chunk.buckets - 1;
    const { posSteps, chunkSteps } = this;
    const row = (f: number) => models.pos.rowOffset(f);
    this.posEdgeRows = Int32Array.of(
      this.rows.copySum(posSteps, row(mix(14, START)), row(mix(15, START)), this.posKept),
      this.rows.copy(posSteps, row(mix(16, START))),
      this.rows.copySum(posSteps, row(mix(17, END)), row(mix(18, END)), this.posKept),
      this.rows.copy(posSteps, row(mix(19, END))),
    );
    this.chunkStartRow = this.rows.copy(chunkSteps, models.chunk.rowOffset(mix(42, START)));
    this.chunkEndRow = this.rows.copy(chunkSteps, models.chunk.rowOffset(mix(43, END)));
    this.rows.keepSoFar();
    const pairCount = (this.nPos + 1) * (this.nPos + 2);
    this.pairs = new Int32Array(pairCount * this.nPos);
    this.pairKept = new Uint8Array(pairCount);
    this.flagScores = new Int32Array(256 * this.nPos);
    this.firstFixes = new Int32Array(128 * this.nPos);
    // Window slots keep the sums of the allowed classes only.
    if (Math.max(...this.allowed.map((a) => a.length)) >= WINDOW_SLOT)
      throw new Error('too many chunk tags allowed');
    this.windows = new KeptScores(WINDOW_SLOT - 1, WINDOW_BITS);
    const chunkPairCount = (this.nChunk + 1) * (this.nChunk + 2);
    this.chunkPairs = new Int32Array(chunkPairCount * WINDOW_SLOT);
    this.chunkPairKept = new Uint8Array(chunkPairCount);
    this.takeRarePaths();
  }

  /**
   * Tags a short sentence through the rare paths, a few times, then forgets it: every token scored in
   * float64 (`exactPos`, `exactChunk`), the records found by id dropped (as after the word-type table's
   * emptying) and found again by text (`recordOf`), every other time the vocabulary cut down first
   * (`keepFrequentTypes`). Ties are a few tokens in 10,000, and cuts and emptyings come after thousands
   * of articles: after the engine has optimized `tag`, `tagPos` and `tagChunks`, which then drop their
   * optimized code (a call they never saw) and are compiled again, in every worker. Taken here, before that, the paths are in the first compilation.
   * (Not the window tables' emptying: a pass over their slots at every add would take tens of ms.) The
   * sentence has words with letters and quotes past ASCII (normalised, cased by the engine's runtime):
   * the first such word in the bench texts came about 16,000 articles in, and made `SentenceValues.set`
   * and `shapeOf` drop their optimized code then.
   */
  private takeRarePaths(): void {
    const { margin, typeLimit } = this;
    this.margin = Infinity;
    const words = ['Rare', 'paths', 'taken', 'in', 'Zürich', '’s', 'Élysée', '.'];
    const sentence = words.map((text) => ({ text }));
    for (let k = 0; k < RARE_PATH_RUNS; k++) {
      // As if the word-type table had been emptied since the last sentence (`forgetIds`): every other
      // time without a cut first, so the records are found in the vocabulary by their texts.
      this.recordsFor.reset();
      this.typeLimit = k % 2 === 0 ? 0 : typeLimit;
      this.tag(sentence, 0, sentence.length);
    }
    this.margin = margin;
    this.typeLimit = typeLimit;
    this.recordsById.fill(0);
    this.typeIndex.clear();
    this.typeCount = 0;
    this.rows.clear();
  }

  /**
   * Tags `tokens[start, end)` (one sentence) into `pos` and `chunk`. `types` are the word-type ids of
   * `tokens` in the current epoch of `wordTypes()` (`tokenTypes(tokens)`, which the default works out).
   */
  tag(
    tokens: readonly { readonly text: string }[],
    start: number,
    end: number,
    types: Int32Array = tokenTypes(tokens),
  ): void {
    const n = end - start;
    const table = wordTypes();
    if (this.recordsFor.change(table) !== TYPES_SAME) this.forgetIds(table);
    if (this.typeCount + n > this.typeLimit) this.keepFrequentTypes(n);
    if (n > this.ids.length) {
      const size = Math.max(n, this.ids.length * 2);
      this.ids = new Int32Array(size);
      this.tagRowsAt = new Int32Array(size);
      this.pos = new Int32Array(size);
      this.chunk = new Int32Array(size);
    }
    this.tokens = tokens;
    this.start = start;
    this.exactLoaded = 0;
    const { ids, recordsById } = this;
    for (let i = 0; i < n; i++) {
      const id = types[start + i];
      let r = recordsById[id] - 1;
      if (r < 0) {
        r = this.recordOf(tokens[start + i].text, table.hashes[id]);
        recordsById[id] = r + 1;
      }
      ids[i] = r;
    }
    this.n = n;
    this.touchBlocks();
    this.tagPos();
    this.tagChunks();
  }

  /** Where the record of `text` (hash `hash`) starts: found in the vocabulary by its text, or added. */
  private recordOf(text: string, hash: number): number {
    const r = this.typeIndex.find(text, hash, this.rows.ints);
    return r < 0 ? this.addType(text, hash) : r;
  }

  /** Drops the records found by id (`recordsById`): the ids are of another epoch of `table`, or it grew. */
  private forgetIds(table: WordTypes): void {
    if (this.recordsById.length === table.capacity) this.recordsById.fill(0);
    else this.recordsById = new Int32Array(table.capacity);
  }

  /**
   * Reads a word of each cache line of the blocks of the sentence's types, up to a little past their
   * records (own scores, record, and most of their row copies), before tagging. Tagging a token waits
   * on the tags before it, so its own loads of other types' blocks start one token at a time; these
   * reads do not wait on anything, so their misses overlap, and tagging then finds the blocks in cache.
   */
  private touchBlocks(): void {
    const { n, ids } = this;
    const info = this.rows.ints;
    const ownSize = this.nPos;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const r = ids[i];
      const from = info[r + DICT] < 0 ? r - ownSize : r;
      // (In 32 bits: a sum past them would turn the engine's code for it to float64.)
      for (let k = from; k < r + TOUCH; k += 16) sum = (sum + info[k]) | 0;
    }
    this.touched = (this.touched + sum) | 0;
  }

  /**
   * Part of speech, as `tagPos`. A token's rows are added to `posScores` (all 0 before), then one pass
   * over the classes adds its own scores and the pair's, finds the leader and sets `posScores` back to 0:
   * one pass over the 45 classes, not one to start the sums and another to find the leader.
   */
  private tagPos(): void {
    const { n, ids, pos, pairs, posEdgeRows, rows, posSteps } = this;
    const info = rows.ints;
    const model = this.posModel;
    const C = this.nPos;
    const sums = this.posScores;
    const decides = this.margin === 1;
    for (let i = 0; i < n; i++) {
      const r = ids[i];
      info[r + USES]++;
      if (info[r + DICT] >= 0) {
        pos[i] = info[r + DICT];
        continue;
      }
      const p1 = i > 0 ? pos[i - 1] : -1;
      const p2 = i > 1 ? pos[i - 2] : -2;
      rows.add(i > 0 ? info[ids[i - 1] + ROWS_POS] : posEdgeRows[0], sums);
      rows.add(i > 1 ? info[ids[i - 2] + ROWS_POS + 1] : posEdgeRows[1], sums);
      rows.add(i + 1 < n ? info[ids[i + 1] + ROWS_POS + 2] : posEdgeRows[2], sums);
      rows.add(i + 2 < n ? info[ids[i + 2] + ROWS_POS + 3] : posEdgeRows[3], sums);
      addSteps(posSteps, this.tagWordRow(model, 13, TAG_13, p1, r), sums);
      if (i === 0) {
        const fix = this.firstFix(info[r + FLAGS]);
        const fixes = this.firstFixes;
        for (let c = 0; c < C; c++) sums[c] += fixes[fix + c];
      }
      const pair = this.pairScores(p1, p2);
      const at = r - C;
      // The highest sum and whether another class has it too (then the float sums decide).
      let best = -1;
      let top = NO_SCORE;
      let tie = true;
      for (let c = 0; c < C; c++) {
        const score = info[at + c] + pairs[pair + c] + sums[c];
        sums[c] = 0;
        if (score >= top) {
          tie = score === top;
          top = score;
          best = c;
        }
      }
      pos[i] = decides && !tie ? best : this.exactPos(i);
    }
  }

  /**
   * Chunks, as `tagChunks`. As in `tagPos`, a token's rows go to `chunkScores` (all 0 before), and one pass
   * over the allowed classes adds its window parts and finds the leader.
   */
  private tagChunks(): void {
    const { n, ids, pos, chunk, rows, chunkSteps, chunkPairs } = this;
    const info = rows.ints;
    const model = this.chunkModel;
    const C = this.nChunk;
    const sums = this.chunkScores;
    const decides = this.margin === 1;
    // First the rows of feature 48 (on the tag, known by now), for all the tokens: their loads are
    // independent of each other and of the chunk tags, so the processor fetches them in parallel.
    const tagRows = this.tagRowsAt;
    for (let i = 0; i < n; i++) {
      const r = ids[i];
      tagRows[i] = info[r + DICT] < 0 ? this.tagWordRow(model, 48, TAG_48, pos[i], r) : -1;
    }
    this.touched = (this.touched + stepCounts(chunkSteps, tagRows, 0, n)) | 0;
    const windows = this.windows.scores;
    for (let i = 0; i < n; i++) {
      const pm1 = i > 0 ? pos[i - 1] : -1;
      const p0 = pos[i];
      const c1 = i > 0 ? chunk[i - 1] : -1;
      const w = this.windowAt(pm1, p0, i + 1 < n ? pos[i + 1] : -2, c1);
      const h = this.chunkPairAt(c1, i > 1 ? chunk[i - 2] : -2);
      const r = ids[i];
      rows.add(info[r + ROWS_CHUNK], sums);
      rows.add(i > 0 ? info[ids[i - 1] + ROWS_CHUNK + 1] : this.chunkStartRow, sums);
      rows.add(i + 1 < n ? info[ids[i + 1] + ROWS_CHUNK + 2] : this.chunkEndRow, sums);
      addSteps(chunkSteps, this.tagWordRow(model, 47, TAG_47, c1, r), sums);
      addSteps(chunkSteps, tagRows[i], sums);
      const allowed = this.allowed[c1 + 1];
      let best = -1;
      let top = NO_SCORE;
      let tie = true;
      for (let k = 0; k < allowed.length; k++) {
        const c = allowed[k];
        const score = windows[w + k] + chunkPairs[h + k] + sums[c];
        if (score >= top) {
          tie = score === top;
          top = score;
          best = c;
        }
      }
      for (let c = 0; c < C; c++) sums[c] = 0;
      chunk[i] = decides && !tie ? best : this.exactChunk(i);
    }
  }

  /**
   * The row of feature `template` on a tag and the word of the record at `r` (13: previous tag, 47:
   * previous chunk tag, 48: the tag; `which` is `TAG_13`, `TAG_47` or `TAG_48`): the record keeps the
   * last two on different tags (a word mostly meets the same one or two tags again: two halve the
   * look-ups of 47 that one misses), `modelTagWordRow` finds the others.
   */
  private tagWordRow(model: Perceptron, template: number, which: number, tag: number, r: number): number {
    const info = this.rows.ints;
    const first = r + LAST_TAG_ROW + which;
    let kept = info[first];
    if ((kept & 127) === tag + 2) return (kept >> 7) - 1;
    // Most recent first: each slot takes the one before it until the tag is found (then first).
    for (let at = first + 3; at < first + 3 * TAG_ROWS_KEPT; at += 3) {
      const older = info[at];
      info[at] = kept;
      if ((older & 127) === tag + 2) {
        info[first] = older;
        return (older >> 7) - 1;
      }
      kept = older;
    }
    const row = this.modelTagWordRow(model, template, which, tag, r);
    // Rows are below 2^24 (checked in the constructor), so this fits in 31 bits.
    info[r + LAST_TAG_ROW + which] = (row + 1) * 128 + tag + 2;
    return row;
  }

  /**
   * `tagWordRow` from the model. Most such features have no row (a word seen with few of the tags), and
   * the bits of the buckets with rows tell so without a miss in the model's table of buckets.
   */
  private modelTagWordRow(
    model: Perceptron,
    template: number,
    which: number,
    tag: number,
    r: number,
  ): number {
    const feature = mix(template, mix(tag, this.rows.ints[r + LOWER] >>> 0));
    const bucket = feature & (which === TAG_13 ? this.posBucketMask : this.chunkBucketMask);
    const bits = which === TAG_13 ? this.posRowBits : this.chunkRowBits;
    if ((bits[bucket >>> 5] & (1 << bucket)) === 0) return -1;
    return model.rowOffset(feature);
  }

  /**
   * The part-of-speech tag of token `i` (the tags before it chosen) from float64 sums of the weights,
   * as `tagPos` scores it: for a token whose integer sums do not decide (see the class's comment).
   */
  private exactPos(i: number): number {
    const s = this.exactValues();
    const scores = this.exactPosScores;
    this.posModel.score(this.features, posFeatures(s, i, this.pos, this.features), scores);
    return argmax(scores);
  }

  /** The chunk tag of token `i` from float64 sums, as `tagChunks` scores it (see `exactPos`). */
  private exactChunk(i: number): number {
    const s = this.exactValues();
    if (this.exactLoaded < 2) {
      for (let k = 0; k < this.n; k++) s.pos[k] = this.pos[k];
      this.exactLoaded = 2;
    }
    const scores = this.exactChunkScores;
    this.chunkModel.score(this.features, chunkFeatures(s, i, this.chunk, this.features), scores);
    return argmax(scores, this.models.chunkAllowed[i > 0 ? this.chunk[i - 1] + 1 : 0]);
  }

  /** The values of the sentence being tagged, as `tagSentence` reads them (made on first use). */
  private exactValues(): SentenceValues {
    const s = this.exact;
    if (this.exactLoaded === 0) {
      s.clear();
      for (let i = 0; i < this.n; i++) s.append(this.tokens[this.start + i].text);
      this.exactLoaded = 1;
    }
    return s;
  }

  /** Where features 11 and 12 for previous tags `p1`, `p2` start in `pairs` (computed on first use). */
  private pairScores(p1: number, p2: number): number {
    const k = (p1 + 1) * (this.nPos + 2) + p2 + 2;
    const at = k * this.nPos;
    if (!this.pairKept[k]) {
      const f = this.features;
      f[0] = mix(11, p1);
      f[1] = mix(12, mix(p1, p2));
      this.keep(this.posModel, f, 2, this.pairs, at);
      this.pairKept[k] = 1;
    }
    return at;
  }

  /** Where feature 20 for flag byte `flags` starts in `flagScores` (computed on first use). */
  private flagScoresAt(flags: number): number {
    const at = flags * this.nPos;
    if (!this.flagKept[flags]) {
      this.features[0] = mix(20, flags);
      this.keep(this.posModel, this.features, 1, this.flagScores, at);
      this.flagKept[flags] = 1;
    }
    return at;
  }

  /** Where the start-of-sentence fix for `flags` starts in `firstFixes` (computed on first use). */
  private firstFix(flags: number): number {
    const at = flags * this.nPos;
    if (!this.firstKept[flags]) {
      const first = this.flagScoresAt(flags | 128);
      const rest = this.flagScoresAt(flags);
      for (let c = 0; c < this.nPos; c++)
        this.firstFixes[at + c] = this.flagScores[first + c] - this.flagScores[rest + c];
      this.firstKept[flags] = 1;
    }
    return at;
  }

  /** Scores of `features[0, n)` into `into` at `at`. */
  private keep(model: Perceptron, features: Uint32Array, n: number, into: Int32Array, at: number): void {
    // Through scratch of the model's width rather than a view of `into` (a view is an object per call).
    const scores = model === this.posModel ? this.posKept : this.chunkKept;
    scores.fill(0);
    model.accumulateSteps(features, n, scores);
    into.set(scores, at);
  }

  /**
   * Where the chunker's window part on part-of-speech tags `pm1`, `p0`, `pp1` and chunk tag `c1`
   * (`chunkTagWindowFeatures`) starts in `windows.scores` (computed on first use): the sums
   * of the classes `allowed[c1 + 1]`, in that order. Tags are below 62 (checked in `modelsFrom`), so the
   * keys are below 2^24, and never 0 (`pm1 + 2` > 0).
   */
  private windowAt(pm1: number, p0: number, pp1: number, c1: number): number {
    const { windows, features } = this;
    const key = (((pm1 + 2) * 64 + p0 + 2) * 64 + pp1 + 2) * 64 + c1 + 2;
    let w = windows.find(key);
    if (w < 0) {
      w = windows.add(key);
      const n = chunkTagWindowFeatures(pm1, p0, pp1, c1, features, 0);
      this.keepAllowed(features, n, c1, windows.scores, w);
    }
    return w;
  }

  /** Where `chunkPairFeatures` of chunk tags `c1`, `c2` start in `chunkPairs` (as `windowAt`). */
  private chunkPairAt(c1: number, c2: number): number {
    const k = (c1 + 1) * (this.nChunk + 2) + c2 + 2;
    const at = k * WINDOW_SLOT;
    if (!this.chunkPairKept[k]) {
      const n = chunkPairFeatures(c1, c2, this.features, 0);
      this.keepAllowed(this.features, n, c1, this.chunkPairs, at);
      this.chunkPairKept[k] = 1;
    }
    return at;
  }

  /**
   * Chunk scores of `features[0, n)` for the classes allowed after chunk tag `c1`, in their order, into
   * `into` at `at`.
   */
  private keepAllowed(features: Uint32Array, n: number, c1: number, into: Int32Array, at: number): void {
    const scores = this.chunkKept;
    scores.fill(0);
    this.chunkModel.accumulateSteps(features, n, scores);
    const allowed = this.allowed[c1 + 1];
    for (let k = 0; k < allowed.length; k++) into[at + k] = scores[allowed[k]];
  }

  /** Adds a word type: its block (own scores, record, row copies); returns where its record starts. */
  private addType(text: string, hash: number): number {
    const word = this.word;
    word.clear();
    word.append(text);
    const C = this.nPos;
    const blocks = this.rows;
    // A text that normalising leaves as it is (the same string) is looked up by the hash at hand.
    const normal = word.words[0];
    const tag = normal === text ? this.dictIndex.get(text, hash) : this.tagdict.get(normal);
    // Room for the whole block first, so that the views below stay valid while it is filled.
    const ownSize = tag === undefined ? C : 0;
    const textSize = (text.length + 1) >> 1;
    blocks.reserve(ownSize + INFO + textSize + 9 * (1 + Math.max(C, this.nChunk)));
    const r = blocks.take(ownSize + INFO + textSize) + ownSize;
    const at = r - C;
    const count = this.typeCount++;
    this.typeIndex.add(hash, r);
    if (count === this.typeRecords.length) {
      const records = new Int32Array(2 * count);
      records.set(this.typeRecords);
      this.typeRecords = records;
    }
    this.typeRecords[count] = r;
    const info = blocks.ints;
    info[r + HASH] = hash;
    info[r + TEXT] = text.length;
    for (let k = 0; k < text.length; k += 2)
      info[r + INFO + (k >> 1)] =
        text.charCodeAt(k) | (k + 1 < text.length ? text.charCodeAt(k + 1) << 16 : 0);
    const flags = word.flags[0];
    const lower = word.lower[0];
    const suf3 = word.suf3[0];
    info[r + DICT] = tag ?? -1;
    info[r + FLAGS] = flags;
    info[r + LOWER] = lower;
    info[r + USES] = 0;
    for (let k = LAST_TAG_ROW; k < HASH; k++) info[r + k] = 0;
    // Every row's offset first, then every row's count, then the copies and sums: independent loads
    // that the processor fetches in parallel, not one miss after another (as `Perceptron.accumulate`).
    const pos = this.posModel;
    const chunk = this.chunkModel;
    const { features, typeRows, posSteps, chunkSteps } = this;
    features[0] = mix(14, lower);
    features[1] = mix(15, suf3);
    features[2] = mix(16, lower);
    features[3] = mix(17, lower);
    features[4] = mix(18, suf3);
    features[5] = mix(19, lower);
    const posRows = tag === undefined ? posWordFeatures(word, 0, features, 6) : 6;
    pos.rowOffsets(features, posRows, typeRows, 0);
    features[0] = mix(41, lower);
    features[1] = mix(42, lower);
    features[2] = mix(43, lower);
    features[3] = mix(48, mix(tag ?? 0, lower));
    const chunkRows = tag === undefined ? 3 : 4;
    chunk.rowOffsets(features, chunkRows, typeRows, posRows);
    this.touched =
      (this.touched +
        stepCounts(posSteps, typeRows, 0, posRows) +
        stepCounts(chunkSteps, typeRows, posRows, posRows + chunkRows)) |
      0;
    const sums = this.posKept;
    if (tag === undefined) {
      // (`flagScoresAt` may score through `sums`.)
      const flag = this.flagScoresAt(flags);
      sums.fill(0);
      for (let k = 6; k < posRows; k++) addSteps(posSteps, typeRows[k], sums);
      for (let c = 0; c < C; c++) info[at + c] = sums[c] + this.flagScores[flag + c];
    }
    info[r + ROWS_POS] = blocks.copySum(posSteps, typeRows[0], typeRows[1], sums);
    info[r + ROWS_POS + 1] = blocks.copy(posSteps, typeRows[2]);
    info[r + ROWS_POS + 2] = blocks.copySum(posSteps, typeRows[3], typeRows[4], sums);
    info[r + ROWS_POS + 3] = blocks.copy(posSteps, typeRows[5]);
    const wordRow = typeRows[posRows];
    info[r + ROWS_CHUNK] =
      tag === undefined
        ? blocks.copy(chunkSteps, wordRow)
        : blocks.copySum(chunkSteps, wordRow, typeRows[posRows + 3], this.chunkKept);
    info[r + ROWS_CHUNK + 1] = blocks.copy(chunkSteps, typeRows[posRows + 1]);
    info[r + ROWS_CHUNK + 2] = blocks.copy(chunkSteps, typeRows[posRows + 2]);
    return r;
  }

  /**
   * Cuts the vocabulary down (it is about to grow past `MAX_TYPES` with a sentence of `n` tokens): keeps
   * the types used at least twice since the last cut, or more often if that is over half of them, and
   * forgets the rest. Forgetting them all instead would re-add the frequent words soon after every cut.
   * The kept blocks move down, in order, over the forgotten ones; their uses are halved, so a word that
   * was frequent once and is no more goes after a few cuts.
   */
  private keepFrequentTypes(n: number): void {
    const blocks = this.rows;
    const info = blocks.ints;
    const C = this.nPos;
    const records = this.typeRecords;
    const count = this.typeCount;
    const counts = new Int32Array(257);
    for (let t = 0; t < count; t++) counts[Math.min(info[records[t] + USES], 256)]++;
    let least = 256;
    let kept = counts[256];
    while (least > 2 && kept + counts[least - 1] <= MAX_TYPES / 2) kept += counts[--least];
    const index = this.typeIndex;
    index.clear();
    this.recordsById.fill(0);
    this.typeCount = 0;
    if (kept === 0 || kept > MAX_TYPES / 2 || kept + n > MAX_TYPES) {
      blocks.clear();
      return;
    }
    let to = blocks.keptEnd();
    for (let t = 0; t < count; t++) {
      const r = records[t];
      if (info[r + USES] < least) continue;
      const from = info[r + DICT] < 0 ? r - C : r;
      const last = info[r + ROWS_CHUNK + 2];
      const end = last + 1 + info[last];
      const shift = from - to;
      info.copyWithin(to, from, end);
      const moved = r - shift;
      for (let k = ROWS_POS; k < ROWS_CHUNK + 3; k++) info[moved + k] -= shift;
      info[moved + USES] >>= 1;
      index.add(info[moved + HASH], moved);
      records[this.typeCount++] = moved;
      to += end - from;
    }
    blocks.cutTo(to);
  }
}

/**
 * Score vectors kept per integer key (not 0): open addressing, each slot the key and its vector right
 * after it in `scores`, so that finding a key and reading its vector are one place in memory, not a slot
 * and then a vector somewhere else. When half the slots are filled it is emptied and fills again with
 * what is frequent.
 */
class KeptScores {
  readonly scores: Int32Array;
  private count = 0;

  constructor(
    private readonly width: number,
    private readonly bits: number,
  ) {
    this.scores = new Int32Array((width + 1) << bits);
  }

  /** Where the vector of `key` starts in `scores`, or -1 if it is not kept. */
  find(key: number): number {
    const { scores } = this;
    const size = this.width + 1;
    const mask = (1 << this.bits) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const at = slot * size;
      const k = scores[at];
      if (k === key) return at + 1;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Keeps a vector for `key`, which `find` has just missed; returns where it starts (the caller fills it). */
  add(key: number): number {
    const { scores } = this;
    const size = this.width + 1;
    const mask = (1 << this.bits) - 1;
    if (this.count * 2 > mask) {
      for (let at = 0; at < scores.length; at += size) scores[at] = 0;
      this.count = 0;
    }
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    while (scores[slot * size] !== 0) slot = (slot + 1) & mask;
    this.count++;
    scores[slot * size] = key;
    return slot * size + 1;
  }
}

/** Whether the record at `r` in `ints` (`PosTagger`'s blocks) has the text `text` (see `TEXT`). */
function sameText(ints: Int32Array, r: number, text: string): boolean {
  const n = text.length;
  if (ints[r + TEXT] !== n) return false;
  let at = r + INFO;
  for (let k = 0; k + 1 < n; k += 2, at++)
    if (ints[at] !== (text.charCodeAt(k) | (text.charCodeAt(k + 1) << 16))) return false;
  return (n & 1) === 0 || ints[at] === text.charCodeAt(n - 1);
}

/**
 * The tag dictionary found by `hashText` of a word, which `PosTagger` has for every token text: no
 * hashing of the string in the engine's runtime, as a `Map` lookup of a new string does, and for most
 * words (not in the dictionary) an empty slot or another hash, with no comparison of texts.
 */
class DictIndex {
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly words: string[] = [];
  private readonly tags: number[] = [];

  constructor(tagdict: ReadonlyMap<string, number>) {
    this.shift = Math.clz32(Math.max(1, tagdict.size) * 2 - 1) - 1;
    this.slots = new Int32Array(2 << (32 - this.shift));
    const mask = (this.slots.length >> 1) - 1;
    for (const [word, tag] of tagdict) {
      const hash = hashText(word);
      let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      this.words.push(word);
      this.tags.push(tag);
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = this.words.length;
    }
  }

  /** The tag of `text` (hash `hash`), or undefined if it is not in the dictionary. */
  get(text: string, hash: number): number | undefined {
    const { slots, shift } = this;
    const mask = (slots.length >> 1) - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
    for (;;) {
      const place = slots[2 * slot + 1] - 1;
      if (place < 0) return undefined;
      if (slots[2 * slot] === hash && this.words[place] === text) return this.tags[place];
      slot = (slot + 1) & mask;
    }
  }
}

/**
 * Word types by text: where each one's record starts in `PosTagger`'s blocks, found by the hash of the
 * text (`hashText`), open addressing, each slot the hash and the record + 1 (0: empty). In place of a
 * `Map` keyed by the text: token texts are new strings in every document, so a map lookup hashes each one
 * anew in the engine's runtime (a tenth of the tagger's time), where this hash is a short loop in
 * optimized code and its 32 bits rule out almost every comparison of texts; the one left compares the
 * record's copy of the text (`sameText`), which tagging reads next anyway.
 */
class TypeIndex {
  private slots: Int32Array;
  /** 32 minus the bits of a slot number. */
  private shift: number;
  private count = 0;

  /** An index with room for `size` types before it grows. */
  constructor(size: number) {
    // A power of two at least twice `size`.
    this.shift = Math.clz32(size - 1) - 1;
    this.slots = new Int32Array(2 << (32 - this.shift));
  }

  /** Where the record of `text` (hash `hash`) starts in `ints`, or -1 if it is not there. */
  find(text: string, hash: number, ints: Int32Array): number {
    const { slots, shift } = this;
    const mask = (slots.length >> 1) - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
    for (;;) {
      const r = slots[2 * slot + 1] - 1;
      if (r < 0) return -1;
      if (slots[2 * slot] === hash && sameText(ints, r, text)) return r;
      slot = (slot + 1) & mask;
    }
  }

  /** Adds the type whose record starts at `r` (not in the index), with hash `hash`. */
  add(hash: number, r: number): void {
    if (4 * (this.count + 1) > this.slots.length) {
      // Over half full: twice the slots, filled again from the old ones.
      const old = this.slots;
      this.slots = new Int32Array(2 * old.length);
      this.shift--;
      this.count = 0;
      for (let k = 0; k < old.length; k += 2) if (old[k + 1] !== 0) this.put(old[k], old[k + 1] - 1);
    }
    this.put(hash, r);
  }

  /** Empties the index. */
  clear(): void {
    this.slots.fill(0);
    this.count = 0;
  }

  private put(hash: number, r: number): void {
    const { slots, shift } = this;
    const mask = (slots.length >> 1) - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> shift;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = r + 1;
    this.count++;
  }
}

/**
 * The sum of the counts of the rows of `steps` (`Perceptron.stepRows`) at `offsets[from, to)` (-1: none): a
 * caller about to read several rows starts all their cache misses at once this way, not one after another.
 */
function stepCounts(steps: Int32Array, offsets: Int32Array, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) if (offsets[k] >= 0) sum += steps[offsets[k]];
  return sum;
}

/** Below every integer sum of steps (they are below 2^23 in magnitude; see `PosTagger`). */
const NO_SCORE = -(2 ** 30);

/**
 * `PosTagger`'s word-type blocks, one after another in one buffer of integers: copies of model rows in
 * whole steps (the count, then per entry the step count times 64 plus the class: `Perceptron.stepRows`),
 * records and own scores. What a token needs of a word is then a few adjacent cache lines, not a miss each
 * somewhere in the model.
 */
class TypeBlocks {
  ints = new Int32Array(1 << 16);
  private end = 0;
  private kept = 0;

  /** Makes room for `n` more integers (`ints` is new if it grows); at most 2^24 in all. */
  reserve(n: number): void {
    const need = this.end + n + 1;
    if (need <= this.ints.length) return;
    if (need > 1 << 24) throw new Error('part-of-speech vocabulary over 2^24 integers');
    const ints = new Int32Array(Math.max(need, 2 * this.ints.length));
    ints.set(this.ints);
    this.ints = ints;
  }

  /** `n` integers; returns where they start. */
  take(n: number): number {
    this.reserve(n);
    const at = this.end;
    this.end = at + n;
    return at;
  }

  /**
   * Copies the row at `offset` of a model's `steps` (`Perceptron.stepRows`; -1: an empty row); returns
   * where the copy is.
   */
  copy(steps: Int32Array, offset: number): number {
    const count = offset < 0 ? 0 : steps[offset];
    this.reserve(1 + count);
    const { ints } = this;
    const at = this.end;
    ints[at] = count;
    for (let k = 1; k <= count; k++) ints[at + k] = steps[offset + k];
    this.end = at + 1 + count;
    return at;
  }

  /**
   * Copies the rows at `offset` and `also` of a model's `steps` (-1: an empty row) as one row, each class
   * once with the sum of its step counts; returns where the copy is. Adding it adds the same as adding
   * both rows, with one row fewer per token and fewer entries. `sums` is scratch of the model's width.
   */
  copySum(steps: Int32Array, offset: number, also: number, sums: Int32Array): number {
    sums.fill(0);
    addSteps(steps, offset, sums);
    addSteps(steps, also, sums);
    this.reserve(1 + sums.length);
    const { ints } = this;
    const at = this.end;
    let to = at + 1;
    for (let c = 0; c < sums.length; c++) if (sums[c] !== 0) ints[to++] = (sums[c] << 6) | c;
    ints[at] = to - at - 1;
    this.end = to;
    return at;
  }

  /** Adds the step counts of the copy at `at` to `scores`. */
  add(at: number, scores: Int32Array): void {
    const { ints } = this;
    const end = at + 1 + ints[at];
    // Two entries a turn (a row has each class once, so the two never add to the same class).
    let o = at + 1;
    for (; o + 1 < end; o += 2) {
      const entry = ints[o];
      const next = ints[o + 1];
      scores[entry & 63] += entry >> 6;
      scores[next & 63] += next >> 6;
    }
    if (o < end) {
      const entry = ints[o];
      scores[entry & 63] += entry >> 6;
    }
  }

  /** Makes the blocks so far permanent (`clear` keeps them). */
  keepSoFar(): void {
    this.kept = this.end;
  }

  /** Forgets the blocks made since `keepSoFar`. */
  clear(): void {
    this.end = this.kept;
  }

  /** Where the blocks made since `keepSoFar` start. */
  keptEnd(): number {
    return this.kept;
  }

  /** Forgets what is after `end` (the caller has moved the blocks it keeps below it). */
  cutTo(end: number): void {
    this.end = end;
  }
}
