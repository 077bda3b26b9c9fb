/**
 * The name tagger: a greedy averaged perceptron over a document's tokens (see `features.ts`), IOB2
 * classes over the CoNLL-2003 types PER, ORG, LOC and MISC, trained by `npm run train:taggers`.
 */
import { existsSync } from 'node:fs';
import { argmax, modelPath, Perceptron } from '../../text/perceptron.js';
import { iobAllowed } from '../../text/pos-conll.js';
import { nerFeatures, type NerInput } from './features.js';

export const NER_MODEL = 'ner.bin.gz';
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

export interface NameSpan {
  /** Token range `[start, end)` in the input. */
  start: number;
  end: number;
  type: NerType;
}

/** Maps each class index to its entity type: 0 for `O`, 1-4 in `NER_TYPES` order plus one. */
export function typeTable(classes: readonly string[]): Int32Array {
  return Int32Array.from(classes, (c) => (c === 'O' ? 0 : NER_TYPES.indexOf(c.slice(2) as NerType) + 1));
}

export class NameTagger {
  readonly typeOf: Int32Array;
  private readonly allowed: boolean[][];
  private readonly features = new Uint32Array(64);
  private readonly scores: Float64Array;

  constructor(readonly model: Perceptron) {
    this.typeOf = typeTable(model.classes);
    this.allowed = iobAllowed(model.classes);
    this.scores = new Float64Array(model.nClasses);
  }

  /** Class index per token. */
  tag(x: NerInput): Int32Array {
    const tags = new Int32Array(x.n);
    for (let i = 0; i < x.n; i++) {
      const n = nerFeatures(x, i, tags, this.typeOf, this.features);
      this.model.score(this.features, n, this.scores);
      const prev = i > x.sStart[i] ? tags[i - 1] + 1 : 0;
      tags[i] = argmax(this.scores, this.allowed[prev]);
    }
    return tags;
  }

  /** Name spans from class indexes. */
  spans(tags: Int32Array, x: NerInput): NameSpan[] {
    const out: NameSpan[] = [];
    const classes = this.model.classes;
    let open: NameSpan | null = null;
    for (let i = 0; i < tags.length; i++) {
      const c = classes[tags[i]];
      const continues = open && c.startsWith('I-') && c.slice(2) === open.type && i > x.sStart[i];
      if (open && !continues) {
        out.push(open);
        open = null;
      }
      if (!open && c !== 'O') open = { start: i, end: i + 1, type: c.slice(2) as NerType };
      else if (open) open.end = i + 1;
    }
    if (open) out.push(open);
    return out;
  }
}

let shared: NameTagger | undefined;

/** The trained tagger, read from `models/` on first use. */
export function nameTagger(): NameTagger {
  if (shared) return shared;
  const file = modelPath(NER_MODEL);
  if (!existsSync(file)) throw new Error(`missing ${file}: run npm run train:taggers`);
  shared = new NameTagger(Perceptron.load(file));
  return shared;
}
