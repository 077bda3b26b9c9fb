import type { Doc, Sentence, Token } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { isHeading, paragraphs, splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';
import { tokenTypes } from './word-types.js';

/**
 * Paragraphs, then sentences (headings marked), then tokens, and the tokens' word-type ids (`tokenTypes`),
 * which the later stages read.
 */
export const segmentStage: Stage = {
  name: 'segment',
  requires: ['text'],
  adds: ['sentences', 'tokens'],
  run(doc: Doc): Doc {
    const sentences: Sentence[] = [];
    const tokens: Token[] = [];
    for (const p of paragraphs(doc.text)) {
      // A heading is one line without end punctuation: a paragraph holding a sentence end is not one.
      let spans = splitSentences(doc.text, p);
      const heading = spans.length === 1 && isHeading(doc.text, p);
      if (heading) spans = [p];
      for (const s of spans) {
        const tokenStart = tokens.length;
        tokenize(doc.text, s, sentences.length, tokens);
        sentences.push({
          start: s.start,
          end: s.end,
          paragraph: p.index,
          heading,
          tokenStart,
          tokenEnd: tokens.length,
          stage: 'segment',
          // What ended it: a heading line, the end of its paragraph, or end punctuation inside one.
          rule: heading ? 'heading' : s.end === p.end ? 'paragraph-end' : 'end-punctuation',
        });
      }
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
    tokenTypes(tokens);
    return doc;
  },
};
