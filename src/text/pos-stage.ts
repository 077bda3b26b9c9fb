import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { SentenceValues } from './pos-features.js';
import { posModels, tagSentence, type PosModels } from './pos-tagger.js';

const values = new SentenceValues();
const words: string[] = [];

/**
 * Part-of-speech tags (Penn Treebank) and IOB2 phrase chunks on every token (`token.tag`, `token.chunk`),
 * from the perceptron models in `models/`.
 */
export const posStage: Stage = posStageWith(posModels);

/** The `pos` stage over other models (training the name tagger on held-out tags uses this). */
export function posStageWith(models: () => PosModels): Stage {
  return {
    name: 'pos',
    requires: ['tokens'],
    adds: ['pos'],
    run(doc: Doc): Doc {
      const m = models();
      const tokens = doc.tokens ?? [];
      for (const s of doc.sentences ?? []) {
        words.length = 0;
        for (let t = s.tokenStart; t < s.tokenEnd; t++) words.push(tokens[t].text);
        values.load(words);
        tagSentence(values, m);
        for (let t = s.tokenStart, i = 0; t < s.tokenEnd; t++, i++) {
          tokens[t].tag = m.pos.classes[values.pos[i]];
          tokens[t].chunk = m.chunk.classes[values.chunk[i]];
        }
      }
      return doc;
    },
  };
}
