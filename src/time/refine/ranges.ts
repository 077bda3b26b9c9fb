/**
 * Joins two dates linked as a range into one DATE expression with from/to: `from 2019 to 2021`,
 * `between 2019 and 2021`, `Monday to Wednesday`, `March 20 - April 2`. The range's value is its first
 * date's (TIMEX3 has no interval value); `from` and `to` carry the extent.
 */
import { valueBounds } from '../calendar.js';
import { norm, type Candidate } from '../context.js';
import type { SentenceView } from '../words.js';

const ALWAYS = new Set(['-', '–', 'through']);

export function mergeRanges(s: SentenceView, cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return cands;
  const sorted = [...cands].sort((a, b) => a.first - b.first);
  const out: Candidate[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k];
    const b = sorted[k + 1];
    if (b && a.type === 'DATE' && b.type === 'DATE' && b.first === a.last + 2) {
      const link = norm(s, a.last + 1);
      const opener = norm(s, a.first - 1);
      const linked =
        ALWAYS.has(link) ||
        ((link === 'to' || link === 'until' || link === 'till') && opener === 'from') ||
        (link === 'and' && opener === 'between');
      const ab = valueBounds(a.value);
      const bb = valueBounds(b.value);
      if (linked && ab && bb && ab.from <= bb.to) {
        out.push({
          first: a.first,
          last: b.last,
          type: 'DATE',
          value: a.value,
          from: ab.from,
          to: bb.to,
          rule: `range(${a.rule},${b.rule})`,
        });
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
