import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { posModels, PosTagger, type PosModels } from './pos-tagger.js';
import { tokenTypes } from './word-types.js';

/**
 * Part-of-speech tags (Penn Treebank) and IOB2 phrase chunks on every token (`token.tag`, `token.chunk`),
 * from the perceptron models in `models/`.
 */
export const posStage: Stage = posStageWith(posModels);

/** The `pos` stage over other models (training the name tagger on held-out tags uses this). */
export function posStageWith(models: () => PosModels): Stage {
  // One tagger per models, kept across documents: it learns the vocabulary as it goes (see `PosTagger`).
  let tagger: PosTagger | undefined;
  return {
    name: 'pos',
    requires: ['tokens'],
    adds: ['pos'],
    run(doc: Doc): Doc {
      const m = models();
      if (tagger?.models !== m) tagger = new PosTagger(m);
      const posClasses = m.pos.classes;
      const chunkClasses = m.chunk.classes;
      const tokens = doc.tokens ?? [];
      // The tokens' word-type ids (made by the segment stage; made again if the table was emptied since).
      const types = tokenTypes(tokens);
      for (const s of doc.sentences ?? []) {
        tagger.tag(tokens, s.tokenStart, s.tokenEnd, types);
        const { pos, chunk } = tagger;
        for (let t = s.tokenStart, i = 0; t < s.tokenEnd; t++, i++) {
          tokens[t].tag = posClasses[pos[i]];
          tokens[t].chunk = chunkClasses[chunk[i]];
        }
      }
      return doc;
    },
  };
}
