import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  argmax,
  hashStr,
  mix,
  Perceptron,
  trainGreedy,
  usePreloadedModels,
} from '../../src/text/perceptron.js';

// A toy sequence task: tag a word `N` when it is capitalised or follows `the`, `V` otherwise.
const sentences = [
  'the dog barks',
  'Alice sees the cat',
  'the cat sleeps',
  'Bob likes the bird',
  'the bird sings',
  'Carol hears the dog',
].map((s) => s.split(' '));

const gold = (words: string[]) =>
  Int32Array.from(
    words.map((w, i) => (/^[A-Z]/.test(w) || words[i - 1] === 'the' ? 1 : w === 'the' ? 2 : 0)),
  );

const spec = {
  length: (s: string[]) => s.length,
  featurize(s: string[], i: number, tags: Int32Array, out: Uint32Array): number {
    let n = 0;
    out[n++] = mix(1, 0);
    out[n++] = mix(2, hashStr(s[i], 0, s[i].length, true));
    out[n++] = mix(3, /^[A-Z]/.test(s[i]) ? 1 : 0);
    out[n++] = mix(4, i > 0 ? hashStr(s[i - 1]) : 0);
    out[n++] = mix(5, i > 0 ? tags[i - 1] : 99);
    return n;
  },
};

describe('averaged perceptron', () => {
  const classes = ['V', 'N', 'D'];
  const model = trainGreedy(
    classes,
    sentences.map((seq) => ({ seq, gold: gold(seq) })),
    spec,
    { epochs: 8, bits: 12 },
  );

  const tag = (m: Perceptron, words: string[]) => {
    const tags = new Int32Array(words.length);
    const feats = new Uint32Array(16);
    const scores = new Float64Array(m.nClasses);
    for (let i = 0; i < words.length; i++) {
      m.score(feats, spec.featurize(words, i, tags, feats), scores);
      tags[i] = argmax(scores);
    }
    return [...tags].map((t) => m.classes[t]);
  };

  it('learns the toy task and generalises to an unseen sentence', () => {
    expect(tag(model, 'Dave sees the fox'.split(' '))).toEqual(['N', 'V', 'D', 'N']);
  });

  it('round-trips through the compact file format with the same predictions', () => {
    const file = model.encode({ note: 'toy' });
    const back = Perceptron.decode(file);
    expect(back.classes).toEqual(classes);
    expect(back.meta).toEqual({ note: 'toy' });
    expect(back.size).toBe(model.size);
    expect(tag(back, 'Erin likes the cat'.split(' '))).toEqual(tag(model, 'Erin likes the cat'.split(' ')));
  });

  it('adds its weights as whole steps of the file quantisation, when it has one', () => {
    const back = Perceptron.decode(model.encode());
    const largest = back.largestStep();
    expect(largest).toBeGreaterThan(0);
    // A model trained here has no step: its weights are not whole steps.
    expect(model.largestStep()).toBe(-1);
    const feats = new Uint32Array(16);
    const words = 'Erin likes the cat'.split(' ');
    const steps = new Int32Array(back.nClasses);
    const scores = new Float64Array(back.nClasses);
    const n = spec.featurize(words, 1, new Int32Array(4), feats);
    back.accumulateSteps(feats, n, steps);
    back.score(feats, n, scores);
    for (let c = 0; c < back.nClasses; c++) expect(steps[c] * 0.001).toBeCloseTo(scores[c], 5);
  });

  it('shares its weights between threads: decoded into shared memory, read in place, same scores', () => {
    const shared = Perceptron.decode(model.encode(), true).toShared();
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    const copy = Perceptron.fromShared(structuredClone(shared));
    const words = 'Erin likes the cat'.split(' ');
    expect(copy.size).toBe(model.size);
    expect(tag(copy, words)).toEqual(tag(Perceptron.decode(model.encode()), words));
    // A model that is not in shared memory is copied into it.
    expect(model.toShared().buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(tag(Perceptron.fromShared(model.toShared()), words)).toEqual(tag(model, words));
  });

  it('loads a model handed to this thread instead of reading its file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'annals-model-')), 'missing.bin.gz');
    expect(() => Perceptron.load(file)).toThrow();
    usePreloadedModels({ [file]: model.toShared() });
    expect(Perceptron.load(file).size).toBe(model.size);
  });

  it('respects the allowed classes in argmax', () => {
    const scores = Float64Array.from([3, 2, 1]);
    expect(argmax(scores)).toBe(0);
    expect(argmax(scores, [false, true, true])).toBe(1);
  });

  it('hashes without building strings, case-folding ASCII on request', () => {
    expect(hashStr('Beijing', 0, 7, true)).toBe(hashStr('beijing'));
    expect(hashStr('xBeijingx', 1, 8)).toBe(hashStr('Beijing'));
    expect(mix(1, 2)).not.toBe(mix(2, 1));
  });

  it('finds each row through its small bucket index, at word edges too (buckets 0, 31, 32, 63)', () => {
    const header = { classes: ['A', 'B'], bits: 7, step: 0.5 };
    const rowOf = new Int32Array(128).fill(-1);
    const buckets = [0, 31, 32, 63, 100, 127];
    buckets.forEach((b, row) => (rowOf[b] = row));
    const rowStart = Int32Array.from(buckets.map((_, row) => row).concat(buckets.length));
    const cls = Uint8Array.from(buckets.map((_, row) => row % 2));
    const w = Float32Array.from(buckets.map((b) => b + 0.5));
    const model = Perceptron.fromRows(header, rowOf, rowStart, cls, w);
    const scores = new Float64Array(2);
    for (let b = 0; b < 128; b++) {
      model.score(Uint32Array.of(b + 128 * 5), 1, scores);
      const row = buckets.indexOf(b);
      expect([...scores]).toEqual(row < 0 ? [0, 0] : row % 2 === 0 ? [b + 0.5, 0] : [0, b + 0.5]);
      expect(model.rowOffset(b) >= 0).toBe(row >= 0);
    }
    const bits = model.rowBits();
    expect(buckets.every((b) => (bits[b >>> 5] & (1 << (b & 31))) !== 0)).toBe(true);
    expect(Perceptron.decode(model.encode()).rowBits()).toEqual(bits);
  });
});
