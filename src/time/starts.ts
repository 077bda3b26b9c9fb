/**
 * Where each extractor can start: its first test of the anchor word, hoisted out of the extractors so it
 * is computed once per word type (see `words.ts`) instead of by nine extractors at every anchor. A word
 * no extractor can start at is not an anchor at all (`said`, `was`, `will` are lexicon words for tense
 * only). Each mask is a superset of the words where the extractor can propose anything or change the
 * context: when an extractor starts at new words, its test here must grow with it.
 */
import type { Readings } from './lexicon.js';
import { SHIFT_WORDS } from './context.js';

export const START_CALENDAR = 1 << 0;
export const START_YEARS = 1 << 1;
export const START_QUARTERS = 1 << 2;
export const START_RELATIVE = 1 << 3;
export const START_WEEKDAYS = 1 << 4;
export const START_SETS = 1 << 5;
export const START_DURATIONS = 1 << 6;
export const START_VAGUE = 1 << 7;
export const START_CLOCK = 1 << 8;

const SPOKEN_CENTURY = new Set(['eighteen', 'nineteen', 'twenty', 'two']);
const QUARTER_SHORT = /^[qh][1-4]$/;
const RELATIVE_WORDS = new Set(['the', 'weekend', 'year']);
const SET_WORDS = new Set([
  'every',
  'each',
  'per',
  'a',
  'an',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
]);
const VAGUE_WORDS = new Set(['these', 'coming', 'upcoming']);
const CLOCK_WORDS = new Set(['noon', 'midday', 'midnight']);

/** The extractors that can start at a word, from its lower-cased form, readings and leading digit. */
export function startsOf(norm: string, r: Readings | undefined, digit: boolean): number {
  let m = 0;
  // months; days of month, years, ISO and slashed dates
  if (digit || r?.month !== undefined) m |= START_CALENDAR;
  // years, decades, centuries (`20th`, `twenty-first`), spoken years
  if (digit || r?.ordinal !== undefined || SPOKEN_CENTURY.has(norm)) m |= START_YEARS;
  // `third quarter`, `the quarter`, `this year's quarter`, `Q3`, seasons
  if (
    r?.ordinal !== undefined ||
    r?.shift !== undefined ||
    r?.season !== undefined ||
    norm === 'the' ||
    QUARTER_SHORT.test(norm)
  )
    m |= START_QUARTERS;
  // deictics, `this morning`, `last week`, `the end of the year`, `the weekend`, `three years ago`, `year-ago`
  if (
    digit ||
    r?.deictic !== undefined ||
    r?.number !== undefined ||
    SHIFT_WORDS.has(norm) ||
    RELATIVE_WORDS.has(norm)
  )
    m |= START_RELATIVE;
  if (r?.weekday !== undefined) m |= START_WEEKDAYS;
  // `every Monday`, `twice a year`, `annually`, `on Mondays`
  if (r?.set !== undefined || SET_WORDS.has(norm)) m |= START_SETS;
  // `three years`, `for years`
  if (digit || r?.number !== undefined || r?.unit !== undefined) m |= START_DURATIONS;
  // `now`, `the future`, `these days`, `the coming months`
  if (r?.ref !== undefined || VAGUE_WORDS.has(norm)) m |= START_VAGUE;
  // `10:30 a.m.`, `noon`
  if (digit || CLOCK_WORDS.has(norm)) m |= START_CLOCK;
  return m;
}
