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

/** One word's readings: class to value (a word can have several classes: `last` is a shift and an ordinal). */
export type Readings = ReadonlyMap<WordClass, string>;

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
}

let loaded: TimeLexicon | undefined;

/** `data/time/lexicon.tsv`, loaded once into a map keyed by the lower-cased word. */
export function timeLexicon(): TimeLexicon {
  if (loaded) return loaded;
  const words = new Map<string, Map<WordClass, string>>();
  const triggers = new Set<string>();
  for (const [word, cls, value] of readDataRows('time/lexicon.tsv')) {
    let r = words.get(word);
    if (!r) words.set(word, (r = new Map()));
    r.set(cls as WordClass, value);
    if (TRIGGER_CLASSES.has(cls as WordClass)) triggers.add(word);
  }
  loaded = { get: (w) => words.get(w), isTrigger: (w) => triggers.has(w) };
  return loaded;
}
