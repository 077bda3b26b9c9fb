/**
 * Part-of-speech tagger and phrase chunker: two greedy averaged perceptrons (see `perceptron.ts`) trained
 * on CoNLL-2003 (`npm run train:taggers`), Penn Treebank tags and IOB2 chunks (`B-NP`, `I-VP`, `O`).
 *
 * The tagger skips scoring for frequent words that always take one tag in training (the tag dictionary
 * stored with the model).
 */
import { existsSync } from 'node:fs';
import { argmax, mix, modelPath, Perceptron, ScoreCache } from './perceptron.js';
import { iobAllowed } from './pos-conll.js';
import { SentenceValues } from './pos-features.js';

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
 * cached per such window at tagging time (`chunkWindowKey` names the window).
 */
export function chunkTagFeatures(
  s: SentenceValues,
  i: number,
  tags: Int32Array,
  out: Uint32Array,
  k: number,
): number {
  const pm1 = i > 0 ? s.pos[i - 1] : -1;
  const p0 = s.pos[i];
  const pp1 = i + 1 < s.n ? s.pos[i + 1] : -2;
  const c1 = i > 0 ? tags[i - 1] : -1;
  const c2 = i > 1 ? tags[i - 2] : -2;
  out[k++] = 1;
  out[k++] = mix(31, p0);
  out[k++] = mix(32, pm1);
  out[k++] = mix(33, pp1);
  out[k++] = mix(36, mix(pm1, p0));
  out[k++] = mix(37, mix(p0, pp1));
  out[k++] = mix(38, mix(mix(pm1, p0), pp1));
  out[k++] = mix(44, c1);
  out[k++] = mix(45, mix(c1, p0));
  out[k++] = mix(46, mix(c2, c1));
  out[k++] = mix(49, mix(mix(c1, pm1), p0));
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
