/**
 * The default pipeline's trained models, decoded once in the main thread into shared memory and handed to
 * every worker (`workerData.models`), instead of each worker reading and decoding its own copy: with two
 * workers that is one copy of the weights (about 20 MB) in memory and in the processor's shared cache
 * instead of two, and workers start sooner.
 */
import { readFileSync } from 'node:fs';
import { CHUNK_MODEL, POS_MODEL } from '../text/pos-tagger.js';
import { modelPath, Perceptron, type SharedModel } from '../text/perceptron.js';
import { NER_MODEL } from '../actors/ner/tagger.js';

let shared: Record<string, SharedModel> | undefined;

/** The models by file path, as `usePreloadedModels` takes them (decoded on first use, then kept). */
export function sharedModels(): Record<string, SharedModel> {
  if (shared) return shared;
  const models: Record<string, SharedModel> = {};
  for (const name of [POS_MODEL, CHUNK_MODEL, NER_MODEL]) {
    const file = modelPath(name);
    models[file] = Perceptron.decode(readFileSync(file), true).toShared();
  }
  shared = models;
  return shared;
}
