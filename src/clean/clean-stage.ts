import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { cleanText } from './clean.js';

/** Repairs wire and translation artifacts; the doc's text becomes the cleaned text, aligned to the raw. */
export const cleanStage: Stage = {
  name: 'clean',
  requires: ['text'],
  adds: ['repairs'],
  run(doc: Doc): Doc {
    const { text, alignment, repairs } = cleanText(doc.raw);
    doc.text = text;
    doc.alignment = alignment;
    doc.repairs = repairs;
    return doc;
  },
};
