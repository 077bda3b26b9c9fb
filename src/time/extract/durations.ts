/**
 * Durations: `three years`, `for two weeks`, `the past three months`, `the first nine months`,
 * `nearly forty years`, `a couple of years`, `several years`, `five-year` (as in `a five-year low`),
 * `24 hours`, and bare plurals after a preposition (`for years`, `over the years`). Ages
 * (`45-year-old`) are not durations.
 */
import { cls, norm, normIs, numberAt, yearWord, type Extractor, candidate } from '../context.js';
import type { SentenceView } from '../words.js';
import { START_DURATIONS } from '../starts.js';

const ORDER_WORDS = new Set([
  'past',
  'last',
  'next',
  'first',
  'coming',
  'previous',
  'following',
  'final',
  'remaining',
  'same',
]);
/** Words allowed between a number and its unit: `20 more years`, `three full days`. */
const EXTRA = new Set(['more', 'additional', 'full', 'consecutive', 'straight', 'long', 'extra']);
/** Before `one day` these make it a duration; elsewhere it is `someday` (`he will one day run`). */
const ONE_DAY_AFTER = new Set([
  'for',
  'in',
  'within',
  'after',
  'over',
  'than',
  'just',
  'only',
  'about',
  'the',
  'of',
  'by',
]);
/** Order words that are also prepositions or adjectives without `the` before them. */
const LOOSE_ORDER = new Set(['following', 'previous', 'same', 'remaining', 'final']);
const BARE_PLURAL_AFTER = new Set(['for', 'over', 'within', 'after', 'in', 'lasting']);

/** TIMEX3 period for n units (n may be X); null for units that make no duration. */
export function period(n: number | 'X', unit: string): string | null {
  const num = (k: number): string => (n === 'X' ? 'X' : String(Math.round(n * k * 100) / 100));
  switch (unit) {
    case 'Y':
    case 'M':
    case 'W':
    case 'D':
      return `P${num(1)}${unit}`;
    case 'Q':
      return `P${num(3)}M`;
    case 'H':
      return `PT${num(1)}H`;
    case 'MIN':
      return `PT${num(1)}M`;
    case 'S':
      return `PT${num(1)}S`;
    case 'DE':
      return n === 'X' ? 'PXDE' : `P${num(10)}Y`;
    case 'CE':
      return n === 'X' ? 'PXCE' : `P${num(100)}Y`;
    case 'FN':
      return `P${num(2)}W`;
    default:
      return null;
  }
}

/**
 * The two-word modifiers, as `first second`: looked up in a set, where compares of each word with
 * literals, some met first late (`at most`) and on strings of another kind, sent `durations` to more
 * compiles (words hold no spaces, so a pair reads one way only).
 */
const APPROX_PAIRS = new Set(['more than', 'less than', 'fewer than', 'up to', 'at least', 'at most']);

/** Modifiers kept inside a duration's span: `nearly`, `about`, `more than`, `up to`, `at least`. */
function approxStart(s: SentenceView, i: number): number {
  if (cls(s, i - 1, 'approx')) return i - 1;
  return APPROX_PAIRS.has(`${norm(s, i - 2)} ${norm(s, i - 1)}`) ? i - 2 : i;
}

export const durations: Extractor = (s, _ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_DURATIONS) === 0) continue; // see starts.ts
    const n = numberAt(s, i);
    if (n) {
      const u = EXTRA.has(norm(s, n.last + 1)) ? n.last + 2 : n.last + 1;
      const unit = cls(s, u, 'unit');
      if (!unit || (n.value === 1 && w[u].norm.endsWith('s') && w[u].norm !== 'hours')) continue;
      if (normIs(s, u + 1, 'old') && w[u + 1].joined) continue; // 45-year-old
      if (!Number.isNaN(yearWord(w[i]))) continue; // `the 1988 quarter` is a date
      if (w[i].norm === 'one' && w[u].norm === 'day' && !ONE_DAY_AFTER.has(norm(s, i - 1))) continue;
      // `three-quarters of`, `a quarter of` are fractions
      if (unit === 'Q' && (w[u].joined || w[i].norm === 'a' || normIs(s, u + 1, 'of'))) continue;
      const value = period(n.value, unit);
      if (!value) continue;
      let first: number;
      const order = norm(s, i - 1);
      // `following a year of talks`: a preposition, unless `the following two years`
      if (ORDER_WORDS.has(order) && (normIs(s, i - 2, 'the') || !LOOSE_ORDER.has(order))) {
        first = i - 1;
        if (normIs(s, i - 2, 'the')) first = i - 2;
      } else if (normIs(s, i - 1, 'the')) first = i - 1;
      else first = approxStart(s, i);
      out.push(candidate(first, u, 'DURATION', value, n.value === 'X' ? 'vague-duration' : 'duration'));
      i = u;
      continue;
    }
    // for years, over the years, within weeks
    const unit = cls(s, i, 'unit');
    if (unit && w[i].norm.endsWith('s') && unit !== 'WE' && unit !== 'Q') {
      const the = normIs(s, i - 1, 'the');
      const prep = norm(s, the ? i - 2 : i - 1);
      if (!BARE_PLURAL_AFTER.has(prep) || normIs(s, i + 1, 'ago')) continue;
      const value = period('X', unit);
      if (value) out.push(candidate(the ? i - 1 : i, i, 'DURATION', value, 'bare-plural'));
    }
  }
};
