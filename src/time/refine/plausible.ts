/**
 * Drops proposals whose neighbours say they are not times: a four-digit number that is money, a
 * percentage or a count (`$1990`, `2000 percent`, `1999 to 2005 people`), or a year far from the
 * publication date.
 */
import { norm, type Candidate, type TimeContext } from '../context.js';
import type { SentenceView } from '../words.js';

const NOT_BEFORE_YEAR = new Set([
  '$',
  '£',
  '€',
  '¥',
  'no',
  'number',
  '#',
  'route',
  'flight',
  'resolution',
  'article',
  'room',
  'model',
]);
const NOT_AFTER_YEAR = new Set([
  '%',
  'percent',
  'per',
  'people',
  'troops',
  'soldiers',
  'tons',
  'tonnes',
  'km',
  'kilometers',
  'miles',
  'meters',
  'metres',
  'feet',
  'points',
  'shares',
  'votes',
  'residents',
  'units',
  'cases',
  'deaths',
  'yuan',
  'dollars',
  'euros',
  'rubles',
  'barrels',
  'hectares',
  'cars',
  'jobs',
  'workers',
  'members',
  'students',
]);

const COUNT_BEFORE = new Set([
  'about',
  'some',
  'nearly',
  'almost',
  'around',
  'approximately',
  'roughly',
  'than',
  'least',
  'over',
  'only',
  'just',
]);

/** Whether a candidate stays: a bare `year` not next to words that make it a count or a code. */
function plausible(s: SentenceView, c: Candidate, ctx: TimeContext): boolean {
  if (c.rule !== 'year') return true;
  const y = +c.value;
  const before = norm(s, c.first - 1);
  const after = norm(s, c.last + 1);
  if (NOT_BEFORE_YEAR.has(before) || NOT_AFTER_YEAR.has(after)) return false;
  // `about 2000 homes`, `nearly 1500 police`: a count after an approximation word
  if (COUNT_BEFORE.has(before) && /^\p{Ll}/u.test(after)) return false;
  if (s.words[c.last + 1]?.norm === ',' && /^\d{3}$/.test(norm(s, c.last + 2))) return false;
  if (ctx.dctYear !== null && (y > ctx.dctYear + 60 || y < 1500)) return false;
  return true;
}

export function dropImplausible(s: SentenceView, cands: Candidate[], ctx: TimeContext): Candidate[] {
  // the same array when every candidate stays (most sentences: no copy, and no closure made)
  for (const c of cands) if (!plausible(s, c, ctx)) return cands.filter((d) => plausible(s, d, ctx));
  return cands;
}
