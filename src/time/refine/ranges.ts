/**
 * Joins two dates linked as a range into one DATE expression with from/to: `from 2019 to 2021`,
 * `between 2019 and 2021`, `Monday to Wednesday`, `March 20 - April 2`. The range's value is its first
 * date's (TIMEX3 has no interval value); `from` and `to` carry the extent.
 */
import { valueBounds } from '../calendar.js';
import { norm, type Candidate } from '../context.js';
import type { SentenceView } from '../words.js';

const ALWAYS = new Set(['-', '–', 'through']);

/** The shape of a value (`2023-03-20` and `2023-03-22` share one, `2023` and `2023-10-09` do not). */
function granularity(value: string): string {
  return value.replace(/\d/g, '9');
}

export function mergeRanges(s: SentenceView, cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return cands;
  // In order, and no two dates one or two words apart (most sentences): nothing to merge.
  let mergeable = false;
  for (let k = 1; k < cands.length && !mergeable; k++) {
    const a = cands[k - 1];
    const b = cands[k];
    mergeable =
      b.first <= a.first ||
      (a.type === 'DATE' && b.type === 'DATE' && (b.first === a.last + 1 || b.first === a.last + 2));
  }
  if (!mergeable) return cands;
  const sorted = [...cands].sort((a, b) => a.first - b.first);
  const out: Candidate[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k];
    const b = sorted[k + 1];
    // `January-March`: two dates joined by a hyphen inside one token
    if (b && a.type === 'DATE' && b.type === 'DATE' && b.first === a.last + 1 && s.words[b.first].joined) {
      const ab = valueBounds(a.value);
      const bb = valueBounds(b.value);
      if (ab && bb && ab.from <= bb.to && granularity(a.value) === granularity(b.value)) {
        out.push(range(a, b, ab.from, bb.to));
        k++;
        continue;
      }
    }
    if (b && a.type === 'DATE' && b.type === 'DATE' && b.first === a.last + 2) {
      const link = norm(s, a.last + 1);
      const opener = norm(s, a.first - 1);
      // `this year through Oct. 9` is a year and a day, not a range; `Monday through Friday` is one
      const sameGrain = granularity(a.value) === granularity(b.value);
      // (the opener compared once for all cases, on every pair: a compare met first after V8 optimized
      // `mergeRanges`, or on a string of another kind, sent it back to the interpreter)
      const fromOpener = opener === 'from';
      const betweenOpener = opener === 'between';
      const linked =
        (ALWAYS.has(link) && (sameGrain || fromOpener)) ||
        ((link === 'to' || link === 'until' || link === 'till') && fromOpener) ||
        (link === 'and' && betweenOpener);
      const ab = valueBounds(a.value);
      const bb = valueBounds(b.value);
      if (linked && ab && bb && ab.from <= bb.to) {
        out.push(range(a, b, ab.from, bb.to));
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** One DATE from `a` to `b`, valued as `a` (its anchor) and spanning from `a`'s start to `b`'s end. */
function range(a: Candidate, b: Candidate, from: string, to: string): Candidate {
  return {
    first: a.first,
    last: b.last,
    type: 'DATE',
    value: a.value,
    from,
    to,
    rule: `range(${a.rule},${b.rule})`,
  };
}
