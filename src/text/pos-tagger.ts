/**
 * Part-of-speech tagger and phrase chunker: two greedy averaged perceptrons (see `perceptron.ts`) trained
 * on CoNLL-2003 (`npm run train:taggers`), Penn Treebank tags and IOB2 chunks (`B-NP`, `I-VP`, `O`).
 *
 * The tagger skips scoring for frequent words that always take one tag in training (the tag dictionary
 * stored with the model).
 */
import { existsSync } from 'node:fs';
import { argmax, mix, modelPath, Perceptron } from './perceptron.js';
import { iobAllowed } from './pos-conll.js';
import { SentenceValues } from './pos-features.js';

const START = 0x5157a27;
const END = 0x3e4d;

/** Features of position `i` for the part-of-speech tagger; `tags` holds the tags chosen before `i`. */
export function posFeatures(s: SentenceValues, i: number, tags: Int32Array, out: Uint32Array): number {
  const n = s.n;
  const p1 = i > 0 ? tags[i - 1] : -1;
  const p2 = i > 1 ? tags[i - 2] : -2;
  let k = 0;
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
  const n = s.n;
  const c1 = i > 0 ? tags[i - 1] : -1;
  const c2 = i > 1 ? tags[i - 2] : -2;
  const p = s.pos;
  const pm2 = i > 1 ? p[i - 2] : -1;
  const pm1 = i > 0 ? p[i - 1] : -1;
  const p0 = p[i];
  const pp1 = i + 1 < n ? p[i + 1] : -2;
  const pp2 = i + 2 < n ? p[i + 2] : -2;
  let k = 0;
  out[k++] = 1;
  out[k++] = mix(31, p0);
  out[k++] = mix(32, pm1);
  out[k++] = mix(33, pp1);
  out[k++] = mix(34, pm2);
  out[k++] = mix(35, pp2);
  out[k++] = mix(36, mix(pm1, p0));
  out[k++] = mix(37, mix(p0, pp1));
  out[k++] = mix(38, mix(mix(pm1, p0), pp1));
  out[k++] = mix(39, mix(pm2, pm1));
  out[k++] = mix(40, mix(pp1, pp2));
  out[k++] = mix(41, s.lower[i]);
  out[k++] = mix(42, i > 0 ? s.lower[i - 1] : START);
  out[k++] = mix(43, i + 1 < n ? s.lower[i + 1] : END);
  out[k++] = mix(44, c1);
  out[k++] = mix(45, mix(c1, p0));
  out[k++] = mix(46, mix(c2, c1));
  out[k++] = mix(47, mix(c1, s.lower[i]));
  out[k++] = mix(48, mix(p0, s.lower[i]));
  out[k++] = mix(49, mix(mix(c1, pm1), p0));
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

/** Part-of-speech tags for the loaded sentence, into `s.pos` (indexes into `pos.classes`). */
export function tagPos(s: SentenceValues, pos: Perceptron, tagdict: ReadonlyMap<string, number>): void {
  const out = reserveScores(pos.nClasses);
  for (let i = 0; i < s.n; i++) {
    const known = tagdict.get(s.words[i]);
    if (known !== undefined) {
      s.pos[i] = known;
      continue;
    }
    pos.score(features, posFeatures(s, i, s.pos, features), out);
    s.pos[i] = argmax(out);
  }
}

/** Chunk tags for the loaded, part-of-speech tagged sentence, into `s.chunk`. */
export function tagChunks(s: SentenceValues, chunk: Perceptron, allowed: boolean[][]): void {
  const out = reserveScores(chunk.nClasses);
  for (let i = 0; i < s.n; i++) {
    chunk.score(features, chunkFeatures(s, i, s.chunk, features), out);
    s.chunk[i] = argmax(out, allowed[i > 0 ? s.chunk[i - 1] + 1 : 0]);
  }
}

/** Tags the loaded sentence: fills `s.pos`, then `s.chunk`. */
export function tagSentence(s: SentenceValues, m: PosModels): void {
  tagPos(s, m.pos, m.tagdict);
  tagChunks(s, m.chunk, m.chunkAllowed);
}
