import { readDataRows } from '../data.js';

export type WordClass =
  | 'month'
  | 'weekday'
  | 'number'
  | 'ordinal'
  | 'unit'
  | 'deictic'
  | 'ref'
  | 'part'
  | 'season'
  | 'set'
  | 'shift'
  | 'approx'
  | 'edge'
  | 'tense';

/**
 * One word's readings, class to value (a word can have several: `last` is a shift and an ordinal). A
 * class with every field, so that all readings share one shape and look-ups stay fast.
 */
export class Readings {
  month?: string = undefined;
  weekday?: string = undefined;
  number?: string = undefined;
  ordinal?: string = undefined;
  unit?: string = undefined;
  deictic?: string = undefined;
  ref?: string = undefined;
  part?: string = undefined;
  season?: string = undefined;
  set?: string = undefined;
  shift?: string = undefined;
  approx?: string = undefined;
  edge?: string = undefined;
  tense?: string = undefined;
}

/** Classes whose words can start a time expression on their own: a sentence without one is skipped. */
const TRIGGER_CLASSES: ReadonlySet<WordClass> = new Set([
  'month',
  'weekday',
  'unit',
  'deictic',
  'ref',
  'part',
  'season',
  'set',
]);

export interface TimeLexicon {
  get(word: string): Readings | undefined;
  /** True when the word can anchor a time expression (the per-sentence pre-filter). */
  isTrigger(word: string): boolean;
  /** True for triggers that only count capitalised: month and weekday names (`May`, not `may`). */
  needsCapital(word: string): boolean;
  /** Every word of the lexicon with its readings. */
  entries(): IterableIterator<[string, Readings]>;
}

let loaded: TimeLexicon | undefined;

/**
 * The internalized copy of a string (the one V8 keeps for property names; an object's own key is always
 * it). Readings are compared with string literals, which are internalized: when the values are too, every
 * such compare sees one kind of string. Read from the file they are a mix (the split cache internalizes
 * some), and a compare that had seen only internalized values sent its extractor back to the interpreter,
 * and to another compile, on meeting the first other one (`unit === 'Y'` in `relative`, hit by `NIGHT`).
 */
function internalized(s: string): string {
  return Object.keys({ [s]: 0 })[0];
}

/** `data/time/lexicon.tsv`, loaded once into a map keyed by the lower-cased word. */
export function timeLexicon(): TimeLexicon {
  if (loaded) return loaded;
  const words = new Map<string, Readings>();
  const triggers = new Set<string>();
  for (const [word, cls, value] of readDataRows('time/lexicon.tsv')) {
    let r = words.get(word);
    if (!r) words.set(word, (r = new Readings()));
    if (!(cls in r)) throw new Error(`data/time/lexicon.tsv: unknown class '${cls}' for '${word}'`);
    r[cls as WordClass] = internalized(value);
    if (TRIGGER_CLASSES.has(cls as WordClass)) triggers.add(word);
  }
  const capital = new Set<string>();
  for (const [word, r] of words) {
    const other = [...TRIGGER_CLASSES].some((c) => c !== 'month' && c !== 'weekday' && r[c] !== undefined);
    if ((r.month !== undefined || r.weekday !== undefined) && !other) capital.add(word);
  }
  loaded = {
    get: (w) => words.get(w),
    isTrigger: (w) => triggers.has(w),
    needsCapital: (w) => capital.has(w),
    entries: () => words.entries(),
  };
  return loaded;
}
