/**
 * An averaged perceptron over hashed features, shared by the taggers (part of speech, chunks, names).
 *
 * Features are 32-bit integers: a tagger hashes a template id with the values it looks at (`hashStr`,
 * `mix`), so featurising a token builds no strings. A feature's hash picks a bucket in a table of
 * `2^bits` slots; only buckets seen in training get a row of class weights (the hashing trick: rare
 * collisions share a row). Training keeps dense rows and the bookkeeping for averaging; `finish()`
 * averages, prunes tiny weights and packs what is left into sparse rows, so scoring a token touches only
 * the classes a feature actually votes for.
 *
 * The model file is gzip-compressed binary: a JSON header (classes, bits, quantisation step, and any
 * metadata the tagger keeps, such as a tag dictionary), then the rows, each as a bucket delta, a count, and
 * (class, quantised weight) pairs in zigzag varints.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The project's `models/` folder, from both `src/text/` (tsx, vitest) and `dist/text/` (built). */
const MODEL_ROOT = fileURLToPath(new URL('../../models/', import.meta.url));

export function modelPath(name: string): string {
  return MODEL_ROOT + name;
}

// ---------------------------------------------------------------------------------------------------
// Hashing

/** Mixes two 32-bit values into one (a multiply-xorshift step; order matters). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** FNV-1a over `s[from, to)`, lower-cased for ASCII letters when `lower` is set. */
export function hashStr(s: string, from = 0, to = s.length, lower = false): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (lower && c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------
// The trained model

export interface ModelHeader {
  classes: string[];
  bits: number;
  /** Weights are stored as integers times this step. */
  step: number;
  /** Whatever else the tagger keeps with its weights. */
  meta?: Record<string, unknown>;
}

/**
 * A model's weights as `Perceptron` reads them: the bucket index (`index`, see `Perceptron`), then the rows
 * (count, then class and float32 weight bits side by side) in `data`.
 */
export interface PackedRows {
  /** Per word of 32 buckets its bits and rank, then each row's offset in `data` (`indexSize`). */
  index: Int32Array;
  data: Int32Array;
  /** Number of stored weights. */
  weights: number;
}

/**
 * A decoded model in one `SharedArrayBuffer` (the bucket index, then the rows), which worker threads can
 * all read: one copy of the weights in memory, and in the processor's shared cache, however many workers
 * there are.
 */
export interface SharedModel {
  header: ModelHeader;
  buffer: SharedArrayBuffer;
  /** Integers of the bucket index (the rows follow it). */
  indexSize: number;
  weights: number;
}

/** Integers of the bucket index of a model of `buckets` buckets and `rows` rows. */
function indexSize(buckets: number, rows: number): number {
  return 2 * bitWords(buckets) + rows;
}

/** Words of 32 bits, one bit per bucket. */
function bitWords(buckets: number): number {
  return Math.max(1, buckets >>> 5);
}

/** How many bits of `x` are set (32-bit). */
function popcount(x: number): number {
  x = (x - ((x >>> 1) & 0x55555555)) | 0;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Models decoded elsewhere (the main thread) and handed to this thread, by model file path. */
const preloaded = new Map<string, SharedModel>();

/** Makes `Perceptron.load` of these files take the shared copies instead of reading the files. */
export function usePreloadedModels(models: Readonly<Record<string, SharedModel>>): void {
  for (const [file, model] of Object.entries(models)) preloaded.set(file, model);
}

/**
 * An averaged, pruned model: scores feature lists. Read-only once built.
 *
 * Rows are packed for locality: a row's offset leads into one buffer holding, at that offset, the row's
 * entry count and then its (class, weight) pairs side by side, read through an integer view and a float
 * view of the same memory. Scoring a feature touches two places in memory, not four.
 *
 * The offsets are found through a small index, not a table of one offset per bucket: under a tenth of the
 * 2^20 buckets have a row, and a table of them all took 4 MB a model, where a look-up missed the caches.
 * The index has, per word of 32 buckets, one bit per bucket and the number of rows in the words before it
 * side by side (`words`, 256 KB: both in one cache line), then the rows' offsets in bucket order
 * (`offsets`): a bucket's row is `offsets[rank of its word + the bits set below it in its word]`.
 */
export class Perceptron {
  readonly classes: readonly string[];
  readonly nClasses: number;
  readonly meta: Record<string, unknown>;
  private readonly header: ModelHeader;
  private readonly mask: number;
  /** The bucket index (see the class's comment), and its two parts as views of it. */
  private readonly index: Int32Array;
  private readonly words: Int32Array;
  private readonly offsets: Int32Array;
  private readonly ints: Int32Array;
  private readonly floats: Float32Array;
  private readonly weights: number;
  /** Steps per unit of weight (0 for a model without a step; see `largestStep`). */
  private readonly perStep: number;

  constructor(header: ModelHeader, packed: PackedRows) {
    this.header = header;
    this.classes = header.classes;
    this.nClasses = header.classes.length;
    this.meta = header.meta ?? {};
    this.mask = (1 << header.bits) - 1;
    const words = bitWords(this.mask + 1);
    const { index } = packed;
    this.index = index;
    this.words = index.subarray(0, 2 * words);
    this.offsets = index.subarray(2 * words);
    this.ints = packed.data;
    this.floats = new Float32Array(packed.data.buffer, packed.data.byteOffset, packed.data.length);
    this.weights = packed.weights;
    this.perStep = header.step > 0 ? 1 / header.step : 0;
  }

  /**
   * Packs rows given as `rowOf[bucket]` = row index (-1: none), and per row the range
   * `[rowStart[row], rowStart[row + 1])` of its classes `cls` and weights `w`; `shared`: into one
   * `SharedArrayBuffer` (then `toShared` copies nothing).
   */
  static fromRows(
    header: ModelHeader,
    rowOf: Int32Array,
    rowStart: Int32Array,
    cls: Uint8Array,
    w: Float32Array,
    shared = false,
  ): Perceptron {
    const rows = rowStart.length - 1;
    const buckets = rowOf.length;
    const indexLength = indexSize(buckets, rows);
    const size = rows + 2 * w.length;
    const buffer = shared
      ? new SharedArrayBuffer(4 * (indexLength + size))
      : new ArrayBuffer(4 * (indexLength + size));
    const index = new Int32Array(buffer, 0, indexLength);
    const ints = new Int32Array(buffer, 4 * indexLength, size);
    const floats = new Float32Array(buffer, 4 * indexLength, size);
    const offsetOfRow = new Int32Array(rows);
    let o = 0;
    for (let row = 0; row < rows; row++) {
      offsetOfRow[row] = o;
      const start = rowStart[row];
      const end = rowStart[row + 1];
      ints[o++] = end - start;
      for (let k = start; k < end; k++) {
        ints[o++] = cls[k];
        floats[o++] = w[k];
      }
    }
    const words = bitWords(buckets);
    let rank = 0;
    for (let b = 0; b < buckets; b++) {
      if ((b & 31) === 0) index[2 * (b >>> 5) + 1] = rank;
      if (rowOf[b] < 0) continue;
      index[2 * (b >>> 5)] |= 1 << (b & 31);
      index[2 * words + rank++] = offsetOfRow[rowOf[b]];
    }
    return new Perceptron(header, { index, data: ints, weights: w.length });
  }

  /** This model's weights in one `SharedArrayBuffer`, for other threads (`fromShared`). */
  toShared(): SharedModel {
    const { index, ints } = this;
    const own = index.buffer;
    if (
      own instanceof SharedArrayBuffer &&
      ints.buffer === own &&
      index.byteOffset === 0 &&
      ints.byteOffset === 4 * index.length
    )
      return { header: this.header, buffer: own, indexSize: index.length, weights: this.weights };
    const buffer = new SharedArrayBuffer(4 * (index.length + ints.length));
    new Int32Array(buffer, 0, index.length).set(index);
    new Int32Array(buffer, 4 * index.length).set(ints);
    return { header: this.header, buffer, indexSize: index.length, weights: this.weights };
  }

  /** A model reading the weights of `toShared` in place (no copy). */
  static fromShared(model: SharedModel): Perceptron {
    return new Perceptron(model.header, {
      index: new Int32Array(model.buffer, 0, model.indexSize),
      data: new Int32Array(model.buffer, 4 * model.indexSize),
      weights: model.weights,
    });
  }

  /** Adds the votes of `features[0, n)` into `scores` (zeroed first). */
  score(features: Uint32Array, n: number, scores: Float64Array): void {
    scores.fill(0);
    this.accumulate(features, n, scores);
  }

  /**
   * Adds the votes of `features[0, n)` to `scores`.
   *
   * Scoring waits on memory, not arithmetic: each feature's row is somewhere in megabytes of weights. So
   * the loads go in passes over independent addresses (every feature's row offset, then every row's
   * length, then the weights), which the processor can fetch in parallel instead of one miss after
   * another. The votes are added in the same order as before, so the sums are the same.
   */
  accumulate(features: Uint32Array, n: number, scores: Float64Array): void {
    const { ints, floats } = this;
    if (n > this.rowsAt.length) {
      this.rowsAt = new Int32Array(n);
      this.rowLengths = new Int32Array(n);
    }
    const rows = this.rowsAt;
    const lengths = this.rowLengths;
    let m = 0;
    for (let f = 0; f < n; f++) {
      const o = this.rowOffset(features[f]);
      if (o >= 0) rows[m++] = o;
    }
    for (let r = 0; r < m; r++) lengths[r] = ints[rows[r]];
    for (let r = 0; r < m; r++) {
      const end = rows[r] + 1 + 2 * lengths[r];
      for (let o = rows[r] + 1; o < end; o += 2) scores[ints[o]] += floats[o + 1];
    }
  }

  /**
   * Where the row of `feature` starts (for `addRow`), or -1 if the feature has no weights. A tagger that
   * scores the same feature again and again (a word's features, met at every occurrence of the word) looks
   * its row up once and keeps the offset.
   */
  rowOffset(feature: number): number {
    const bucket = feature & this.mask;
    const at = (bucket >>> 5) << 1;
    const bits = this.words[at];
    const bit = 1 << bucket;
    if ((bits & bit) === 0) return -1;
    // (`bit - 1` is all the bits below it; for bit 31 too, as `&` takes it to 32 bits.)
    return this.offsets[this.words[at + 1] + popcount(bits & (bit - 1))];
  }

  /** How many hash buckets features fall in (a power of two): a feature's bucket is its low bits. */
  get buckets(): number {
    return this.mask + 1;
  }

  /**
   * One bit per hash bucket (`rowOffset`), set where the bucket has a row: bit `b & 31` of word `b >>> 5`
   * (a copy of the index's bits). A caller that looks up many features that have no row answers most of
   * them from these 2^bits / 8 bytes alone.
   */
  rowBits(): Uint32Array {
    const bits = new Uint32Array(this.words.length >> 1);
    for (let w = 0; w < bits.length; w++) bits[w] = this.words[2 * w];
    return bits;
  }

  /**
   * `rowOffset` of each of `features[0, n)`, into `offsets` from `at`. The loads are independent, so the
   * processor fetches them in parallel (as in `accumulate`).
   */
  rowOffsets(features: Uint32Array, n: number, offsets: Int32Array, at: number): void {
    for (let f = 0; f < n; f++) offsets[at + f] = this.rowOffset(features[f]);
  }

  /** Adds the votes of the row at `offset` (from `rowOffset`; -1 adds nothing) to `scores`. */
  addRow(offset: number, scores: Float64Array): void {
    if (offset < 0) return;
    const { ints, floats } = this;
    const end = offset + 1 + 2 * ints[offset];
    for (let o = offset + 1; o < end; o += 2) scores[ints[o]] += floats[o + 1];
  }

  /**
   * Copies the row at `offset` (from `rowOffset`; -1: an empty row) to `ints`/`floats` (views of one
   * buffer, as here: the count, then class and weight side by side) at `to`; returns where the copy ends.
   * The copy needs room for `1 + 2 * nClasses` entries.
   */
  copyRow(offset: number, ints: Int32Array, floats: Float32Array, to: number): number {
    if (offset < 0) {
      ints[to] = 0;
      return to + 1;
    }
    const end = offset + 1 + 2 * this.ints[offset];
    ints[to++] = this.ints[offset];
    for (let o = offset + 1; o < end; o += 2) {
      ints[to++] = this.ints[o];
      floats[to++] = this.floats[o + 1];
    }
    return to;
  }

  /**
   * The weights as whole steps of the model's quantisation (`step` in the file's header): each weight is
   * `fround(k * step)` for an integer `k`, and this returns the largest `|k|`; -1 if the model has no step
   * (trained here, not read from a file) or a weight is not such a multiple. A tagger can then add the
   * integers `k` (`addRowSteps`) in place of the weights, in half the bytes.
   */
  largestStep(): number {
    const { ints, floats } = this;
    const step = this.header.step;
    if (!(step > 0)) return -1;
    const perStep = this.perStep;
    let largest = 0;
    // The rows lie one after another from offset 0 (`fromRows`).
    for (let offset = 0; offset < ints.length; offset += 1 + 2 * ints[offset]) {
      const end = offset + 1 + 2 * ints[offset];
      for (let o = offset + 1; o < end; o += 2) {
        const k = Math.round(floats[o + 1] * perStep);
        if (Math.fround(k * step) !== floats[o + 1]) return -1;
        largest = Math.max(largest, Math.abs(k));
      }
    }
    return largest;
  }

  /** Adds the row at `offset` (-1 adds nothing) to `scores` in whole steps (see `largestStep`). */
  addRowSteps(offset: number, scores: Int32Array): void {
    if (offset < 0) return;
    const { ints, floats, perStep } = this;
    const end = offset + 1 + 2 * ints[offset];
    for (let o = offset + 1; o < end; o += 2) scores[ints[o]] += Math.round(floats[o + 1] * perStep);
  }

  /**
   * The rows in whole steps (see `largestStep`), each at its own offset (`rowOffset`): the count, then per
   * entry the step count times 64 plus the class, as `copyRowSteps` copies a row (`addSteps` adds one).
   * The rest of each row's span is left 0. A caller that adds the same rows again and again reads one
   * integer per entry there, not a class and a weight to round.
   */
  stepRows(): Int32Array {
    const { ints } = this;
    const steps = new Int32Array(ints.length);
    // The rows lie one after another from offset 0 (`fromRows`).
    for (let offset = 0; offset < ints.length; offset += 1 + 2 * ints[offset])
      this.copyRowSteps(offset, steps, offset);
    return steps;
  }

  /** Adds the votes of `features[0, n)` to `scores` in whole steps (see `largestStep`). */
  accumulateSteps(features: Uint32Array, n: number, scores: Int32Array): void {
    for (let f = 0; f < n; f++) this.addRowSteps(this.rowOffset(features[f]), scores);
  }

  /**
   * Copies the row at `offset` (-1: an empty row) to `ints` at `to` in whole steps (see `largestStep`):
   * its count, then one integer per entry, the step count times 64 plus the class (classes below 64,
   * step counts below 2^25); returns where the copy ends. The copy needs room for `1 + nClasses` entries.
   */
  copyRowSteps(offset: number, into: Int32Array, to: number): number {
    if (offset < 0) {
      into[to] = 0;
      return to + 1;
    }
    const { ints, floats, perStep } = this;
    const end = offset + 1 + 2 * ints[offset];
    into[to++] = ints[offset];
    for (let o = offset + 1; o < end; o += 2)
      into[to++] = (Math.round(floats[o + 1] * perStep) << 6) | ints[o];
    return to;
  }

  /** Scratch for `accumulate`: the rows of the current features and their lengths. */
  private rowsAt = new Int32Array(64);
  private rowLengths = new Int32Array(64);

  /** Number of stored (non-zero) weights. */
  get size(): number {
    return this.weights;
  }

  /** Serialises to the gzip binary format described at the top of this file. */
  encode(meta: Record<string, unknown> = this.meta, decimals = 3): Buffer {
    const step = 10 ** -decimals;
    const header: ModelHeader = {
      classes: [...this.classes],
      bits: Math.log2(this.mask + 1),
      step,
      meta,
    };
    const out = new ByteWriter();
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    out.varint(headerBytes.length);
    out.bytes(headerBytes);
    const buckets: number[] = [];
    for (let b = 0; b <= this.mask; b++) if (this.rowOffset(b) >= 0) buckets.push(b);
    out.varint(buckets.length);
    let last = 0;
    for (const b of buckets) {
      const o = this.rowOffset(b);
      out.varint(b - last);
      last = b;
      const count = this.ints[o];
      out.varint(count);
      for (let k = o + 1; k < o + 1 + 2 * count; k += 2) {
        out.varint(this.ints[k]);
        out.varint(zigzag(Math.round(this.floats[k + 1] / step)));
      }
    }
    return gzipSync(out.finish(), { level: 9 });
  }

  /** Reads the file format above; `shared`: the weights go into shared memory (see `fromRows`). */
  static decode(file: Buffer, shared = false): Perceptron {
    const r = new ByteReader(gunzipSync(file));
    const headerLength = r.varint();
    const header = JSON.parse(r.text(headerLength)) as ModelHeader;
    const rowOf = new Int32Array(1 << header.bits).fill(-1);
    const nRows = r.varint();
    const rowStart = new Int32Array(nRows + 1);
    const cls: number[] = [];
    const w: number[] = [];
    let bucket = 0;
    for (let row = 0; row < nRows; row++) {
      bucket += r.varint();
      rowOf[bucket] = row;
      rowStart[row] = cls.length;
      const count = r.varint();
      for (let k = 0; k < count; k++) {
        cls.push(r.varint());
        w.push(unzigzag(r.varint()) * header.step);
      }
    }
    rowStart[nRows] = cls.length;
    return Perceptron.fromRows(header, rowOf, rowStart, Uint8Array.from(cls), Float32Array.from(w), shared);
  }

  /** The model in `file`, or the copy handed to this thread for it (`usePreloadedModels`). */
  static load(file: string): Perceptron {
    const shared = preloaded.get(file);
    if (shared) return Perceptron.fromShared(shared);
    return Perceptron.decode(readFileSync(file));
  }
}

/**
 * Partial scores keyed by a pair of 32-bit integers (a word's hashes; a window of tags), computed once and
 * reused: an open-addressing table with the keys and the score vectors in flat typed arrays, so a hit is a
 * probe and a copy. When half full it is emptied and fills again with what is frequent.
 */
export class ScoreCache {
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly values: Float64Array;
  private readonly mask: number;
  private count = 0;

  constructor(
    private readonly width: number,
    bits = 15,
  ) {
    this.mask = (1 << bits) - 1;
    this.keys = new Int32Array(2 << bits);
    this.used = new Uint8Array(1 << bits);
    this.values = new Float64Array(width << bits);
  }

  /**
   * Copies the scores for key `(a, b)` into `out`; on a miss `fill` computes them into `out` (zeroed
   * first) and they are kept.
   */
  get(a: number, b: number, out: Float64Array, fill: (out: Float64Array) => void): void {
    if (this.find(a, b, out)) return;
    out.fill(0);
    fill(out);
    this.put(a, b, out);
  }

  /**
   * Copies the scores for key `(a, b)` into `out` and returns true if they are kept; returns false (and
   * leaves `out` alone) if not. The taggers call this and `put` directly rather than `get`, so that a
   * token allocates no closure.
   */
  find(a: number, b: number, out: Float64Array): boolean {
    const { keys, used, mask, width, values } = this;
    let slot = mix(a, b) & mask;
    while (used[slot]) {
      if (keys[2 * slot] === (a | 0) && keys[2 * slot + 1] === (b | 0)) {
        const at = slot * width;
        for (let c = 0; c < width; c++) out[c] = values[at + c];
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  /** Keeps `out[0, width)` as the scores for key `(a, b)`, which `find` has just missed. */
  put(a: number, b: number, out: Float64Array): void {
    const { keys, used, mask, width, values } = this;
    if (this.count * 2 > mask) {
      used.fill(0);
      this.count = 0;
    }
    let slot = mix(a, b) & mask;
    while (used[slot]) slot = (slot + 1) & mask;
    used[slot] = 1;
    keys[2 * slot] = a | 0;
    keys[2 * slot + 1] = b | 0;
    const at = slot * width;
    for (let c = 0; c < width; c++) values[at + c] = out[c];
    this.count++;
  }
}

// ---------------------------------------------------------------------------------------------------
// Training

/**
 * The learner: dense rows for the buckets seen so far, with the running totals and timestamps that
 * averaging needs (each weight's total is brought up to date lazily, when it changes or at the end).
 */
export class PerceptronTrainer {
  readonly classes: readonly string[];
  readonly nClasses: number;
  private readonly bits: number;
  private readonly mask: number;
  private readonly rowOf: Int32Array;
  private rows = 0;
  private w = new Float32Array(0);
  private totals = new Float64Array(0);
  private stamps = new Int32Array(0);
  /** Number of examples seen: the averaging clock. */
  private clock = 0;

  constructor(classes: readonly string[], bits = 20) {
    if (classes.length > 255) throw new Error('at most 255 classes');
    this.classes = classes;
    this.nClasses = classes.length;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.rowOf = new Int32Array(1 << bits).fill(-1);
  }

  /** Current (not averaged) scores. */
  score(features: Uint32Array, n: number, scores: Float64Array): void {
    scores.fill(0);
    const C = this.nClasses;
    for (let f = 0; f < n; f++) {
      const row = this.rowOf[features[f] & this.mask];
      if (row < 0) continue;
      const base = row * C;
      for (let c = 0; c < C; c++) scores[c] += this.w[base + c];
    }
  }

  /** One example: if `guess` is not `truth`, moves weight from the guess to the truth. Advances the clock. */
  update(features: Uint32Array, n: number, truth: number, guess: number): void {
    this.clock++;
    if (truth === guess) return;
    for (let f = 0; f < n; f++) {
      const base = this.row(features[f] & this.mask) * this.nClasses;
      this.bump(base + truth, 1);
      this.bump(base + guess, -1);
    }
  }

  private bump(i: number, delta: number): void {
    this.totals[i] += (this.clock - this.stamps[i]) * this.w[i];
    this.stamps[i] = this.clock;
    this.w[i] += delta;
  }

  private row(bucket: number): number {
    let row = this.rowOf[bucket];
    if (row >= 0) return row;
    row = this.rows++;
    this.rowOf[bucket] = row;
    const need = this.rows * this.nClasses;
    if (need > this.w.length) {
      const size = Math.max(need, this.w.length * 2, 1024 * this.nClasses);
      const w = new Float32Array(size);
      w.set(this.w);
      this.w = w;
      this.totals = grow(this.totals, size);
      const stamps = new Int32Array(size);
      stamps.set(this.stamps);
      this.stamps = stamps;
    }
    return row;
  }

  /**
   * The averaged model, with weights whose magnitude is below `prune` dropped (and rows left empty
   * dropped with them).
   */
  finish(prune = 0.001, meta: Record<string, unknown> = {}): Perceptron {
    const C = this.nClasses;
    const rowOf = new Int32Array(1 << this.bits).fill(-1);
    const rowStart: number[] = [];
    const cls: number[] = [];
    const w: number[] = [];
    const clock = Math.max(1, this.clock);
    for (let b = 0; b < this.rowOf.length; b++) {
      const row = this.rowOf[b];
      if (row < 0) continue;
      const start = cls.length;
      for (let c = 0; c < C; c++) {
        const i = row * C + c;
        const total = this.totals[i] + (this.clock - this.stamps[i]) * this.w[i];
        const avg = total / clock;
        if (Math.abs(avg) >= prune) {
          cls.push(c);
          w.push(avg);
        }
      }
      if (cls.length > start) {
        rowOf[b] = rowStart.length;
        rowStart.push(start);
      }
    }
    rowStart.push(cls.length);
    const header: ModelHeader = { classes: [...this.classes], bits: this.bits, step: 0, meta };
    return Perceptron.fromRows(
      header,
      rowOf,
      Int32Array.from(rowStart),
      Uint8Array.from(cls),
      Float32Array.from(w),
    );
  }
}

function grow(a: Float64Array, size: number) {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** Index of the highest score, among `allowed` classes when given. */
export function argmax(scores: Float64Array, allowed?: ArrayLike<boolean>): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < scores.length; c++) {
    if (allowed && !allowed[c]) continue;
    if (scores[c] > bestScore) {
      bestScore = scores[c];
      best = c;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------
// Greedy sequence training

/**
 * A greedy left-to-right tagger as the perceptron sees it: `featurize` writes the features of position
 * `i` into `out` and returns how many it wrote; it may read the tags already chosen for positions before
 * `i` from `tags` (the model's own guesses during training, as at tagging time).
 */
export interface SequenceFeatures<S> {
  length(seq: S): number;
  featurize(seq: S, i: number, tags: Int32Array, out: Uint32Array): number;
  /** Classes allowed at `i` given the tags before it (e.g. no `I-X` after `O`); all when absent. */
  allowed?(seq: S, i: number, tags: Int32Array): ArrayLike<boolean> | undefined;
}

export interface TrainOptions {
  epochs: number;
  bits?: number;
  prune?: number;
  /** Shuffle seed; training is deterministic for a given seed. */
  seed?: number;
  log?: (line: string) => void;
}

/** Trains on `data` (sequences with gold class indexes) for a few shuffled epochs; returns the averaged model. */
export function trainGreedy<S>(
  classes: readonly string[],
  data: readonly { seq: S; gold: Int32Array }[],
  spec: SequenceFeatures<S>,
  options: TrainOptions,
): Perceptron {
  const trainer = new PerceptronTrainer(classes, options.bits ?? 20);
  const features = new Uint32Array(256);
  const scores = new Float64Array(classes.length);
  const order = data.map((_, i) => i);
  let seed = options.seed ?? 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let right = 0;
    let total = 0;
    for (const idx of order) {
      const { seq, gold } = data[idx];
      const n = spec.length(seq);
      const tags = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const count = spec.featurize(seq, i, tags, features);
        trainer.score(features, count, scores);
        const guess = argmax(scores, spec.allowed?.(seq, i, tags));
        trainer.update(features, count, gold[i], guess);
        // Condition later positions on the model's guess, as at tagging time.
        tags[i] = guess;
        if (guess === gold[i]) right++;
        total++;
      }
    }
    options.log?.(`epoch ${epoch + 1}: training accuracy ${(right / Math.max(1, total)).toFixed(4)}`);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  return trainer.finish(options.prune ?? 0.001);
}

// ---------------------------------------------------------------------------------------------------
// Bytes

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

class ByteWriter {
  private buf = Buffer.alloc(1 << 16);
  private pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  varint(n: number): void {
    this.ensure(10);
    while (n >= 0x80) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
  }

  bytes(b: Buffer): void {
    this.ensure(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
  }

  finish(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

class ByteReader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.pos++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }

  text(length: number): string {
    const s = this.buf.toString('utf8', this.pos, this.pos + length);
    this.pos += length;
    return s;
  }
}

/**
 * Adds the row at `offset` (-1 adds nothing) of `steps` (`Perceptron.stepRows`) to `scores`: the same as
 * the model's `addRowSteps`.
 */
export function addSteps(steps: Int32Array, offset: number, scores: Int32Array): void {
  if (offset < 0) return;
  const end = offset + 1 + steps[offset];
  for (let o = offset + 1; o < end; o++) {
    const entry = steps[o];
    scores[entry & 63] += entry >> 6;
  }
}
