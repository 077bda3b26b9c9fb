/**
 * The name tagger: a greedy averaged perceptron over a document's tokens (see `features.ts`), BILOU
 * classes (`B-` begin, `I-` inside, `L-` last, `U-` a one-token name, `O`) over the CoNLL-2003 types PER,
 * ORG, LOC and MISC, trained by `npm run train:taggers`.
 */
import { existsSync } from 'node:fs';
import { argmax, modelPath, Perceptron, ScoreCache } from '../../text/perceptron.js';
import { nerContextFeatures, nerWordFeatures, type NerInput } from './features.js';

export const NER_MODEL = 'ner.bin.gz';
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

export interface NameSpan {
  /** Token range `[start, end)` in the input. */
  start: number;
  end: number;
  type: NerType;
  /** What refiners did to it, appended to the mention's rule. */
  rule?: string;
}

export const NER_CLASSES = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`])];

/** IOB2 tags to BILOU: a name's last token becomes `L-`, a one-token name `U-`. */
export function toBilou(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (tag === 'O') return tag;
    const ends = tags[i + 1] !== 'I-' + tag.slice(2);
    if (tag.startsWith('B-')) return ends ? 'U-' + tag.slice(2) : tag;
    return ends ? 'L-' + tag.slice(2) : tag;
  });
}

/**
 * Allowed transitions: `table[prev + 1][c]` (`prev` -1 at a sentence start). Inside a name (after `B-X`
 * or `I-X`) only `I-X` or `L-X` may follow; elsewhere only `O`, `B-` or `U-`.
 */
export function bilouAllowed(classes: readonly string[]): boolean[][] {
  const table: boolean[][] = [];
  for (let prev = -1; prev < classes.length; prev++) {
    const p = prev < 0 ? 'O' : classes[prev];
    const open = p.startsWith('B-') || p.startsWith('I-');
    table.push(
      classes.map((c) =>
        open
          ? (c.startsWith('I-') || c.startsWith('L-')) && c.slice(2) === p.slice(2)
          : c === 'O' || c.startsWith('B-') || c.startsWith('U-'),
      ),
    );
  }
  return table;
}

/** Maps each class index to its entity type: 0 for `O`, 1-4 in `NER_TYPES` order plus one. */
export function typeTable(classes: readonly string[]): Int32Array {
  return Int32Array.from(classes, (c) => (c === 'O' ? 0 : NER_TYPES.indexOf(c.slice(2) as NerType) + 1));
}

export class NameTagger {
  readonly typeOf: Int32Array;
  private readonly allowed: boolean[][];
  private readonly inside: boolean[];
  private readonly outside: number;
  private readonly features = new Uint32Array(64);
  private readonly scores: Float64Array;
  /** Scores of the word-only features, per word. */
  private readonly words: ScoreCache;

  constructor(readonly model: Perceptron) {
    this.typeOf = typeTable(model.classes);
    this.allowed = bilouAllowed(model.classes);
    this.inside = model.classes.map((c) => c.startsWith('B-') || c.startsWith('I-'));
    this.outside = model.classes.indexOf('O');
    this.scores = new Float64Array(model.nClasses);
    this.words = new ScoreCache(model.nClasses, 15);
  }

  /** Class index per token. */
  tag(x: NerInput): Int32Array {
    const tags = new Int32Array(x.n);
    for (let i = 0; i < x.n; i++) {
      const fixed = this.fixed(x, i, tags);
      if (fixed >= 0) {
        tags[i] = fixed;
        continue;
      }
      const v = x.v;
      if (!this.words.find(v.cased[i], v.suf4[i], this.scores)) {
        this.scores.fill(0);
        this.model.accumulate(this.features, nerWordFeatures(v, i, this.features, 0), this.scores);
        this.words.put(v.cased[i], v.suf4[i], this.scores);
      }
      const n = nerContextFeatures(x, i, tags, this.typeOf, this.features, 0);
      this.model.accumulate(this.features, n, this.scores);
      const prev = i > x.sStart[i] ? tags[i - 1] + 1 : 0;
      tags[i] = argmax(this.scores, this.allowed[prev]);
    }
    return tags;
  }

  /**
   * The fast path: a word with no capital letter (`the`, `said`, `1996`, `,`) outside a name is `O`
   * without scoring. Names that start in lower case (`de Mello`, `post-Soviet` aside, which has a capital)
   * are rare enough in news to give up. The model is trained on every token; at run time the fast path
   * skips about two thirds of them and changed no CoNLL-2003 dev name when it was introduced.
   */
  fixed(x: NerInput, i: number, tags: Int32Array): number {
    if (x.v.hasUpper[i]) return -1;
    if (i > x.sStart[i] && this.inside[tags[i - 1]]) return -1;
    return this.outside;
  }

  /** Name spans from class indexes; a name left open at a sentence's end closes there. */
  spans(tags: Int32Array, x: NerInput): NameSpan[] {
    const out: NameSpan[] = [];
    const classes = this.model.classes;
    let open: NameSpan | null = null;
    for (let i = 0; i < tags.length; i++) {
      const c = classes[tags[i]];
      const b = c[0];
      if (open && (i === x.sStart[i] || b === 'O' || b === 'B' || b === 'U' || c.slice(2) !== open.type)) {
        out.push(open);
        open = null;
      }
      if (b === 'O') continue;
      if (!open) open = { start: i, end: i + 1, type: c.slice(2) as NerType };
      else open.end = i + 1;
      if (b === 'L' || b === 'U') {
        out.push(open);
        open = null;
      }
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
