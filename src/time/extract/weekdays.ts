/**
 * Weekdays: `Friday`, `last Friday`, `next Monday`, `Friday night` (a TIME). A bare weekday takes the tense
 * of its clause: `said on Friday` looks back, `will meet on Friday` looks forward.
 */
import { clauseTense, cls, isCapitalised, norm, normIs, type Extractor, candidate } from '../context.js';
import { weekdayValue } from '../resolve.js';
import { START_WEEKDAYS } from '../starts.js';

const EDGE = new Set(['early', 'late', 'mid']);

export const weekdays: Extractor = (s, ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_WEEKDAYS) === 0) continue; // see starts.ts
    const v = cls(s, i, 'weekday');
    if (v === undefined || !isCapitalised(w[i])) continue;
    if (w[i].norm.length <= 4 && !w[i].dotted) continue; // `Sun`, `Wed` without a period
    if (cls(s, i + 1, 'month') || (normIs(s, i + 1, ',') && cls(s, i + 2, 'month'))) continue; // `Friday, March 17`
    // `early Wednesday`, `late Friday`: the modifier stays inside the span, the value is the day
    let first = EDGE.has(norm(s, i - 1)) ? i - 1 : i;
    let shift = 0;
    const sw = norm(s, i - 1);
    if (sw === 'last' || sw === 'next' || sw === 'this' || sw === 'coming' || sw === 'past') {
      first = i - 1;
      shift = +(cls(s, i - 1, 'shift') ?? 0);
    }
    const value = weekdayValue(ctx, +v, clauseTense(s, first, i), shift);
    const part = cls(s, i + 1, 'part');
    if (part && !part.includes(':')) {
      out.push(candidate(first, i + 1, 'TIME', `${value}T${part}`, 'weekday-part'));
      i++;
      continue;
    }
    out.push(candidate(first, i, 'DATE', value, shift ? 'shift-weekday' : 'weekday'));
  }
};
