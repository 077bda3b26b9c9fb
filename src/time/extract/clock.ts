/**
 * Clock times: `10:30 a.m.`, `3 p.m.`, `10 o'clock`, `14:00 GMT`, `noon`, `midnight`. The day is the
 * nearest day-level date earlier in the sentence (`Friday at 3 p.m.`), else the publication date.
 */
import { isoDay } from '../calendar.js';
import {
  clauseTense,
  cls,
  isCapitalised,
  norm,
  type Candidate,
  type Extractor,
  type TimeContext,
  candidate,
} from '../context.js';
import { weekdayValue } from '../resolve.js';
import type { SentenceView } from '../words.js';
import { START_CLOCK } from '../starts.js';

const MERIDIEM = new Set(['a.m.', 'p.m.', 'am', 'pm', 'a.m', 'p.m']);
const ZONES = new Set([
  'gmt',
  'utc',
  'est',
  'edt',
  'cst',
  'cdt',
  'pst',
  'pdt',
  'bst',
  'cet',
  'cest',
  'msk',
  'ist',
  'jst',
  'et',
  'pt',
  'ct',
]);
const pad = (n: number): string => String(n).padStart(2, '0');

function dayBefore(out: Candidate[], from: number, i: number): string | null {
  for (let k = out.length - 1; k >= from; k--) {
    if (out[k].last < i && /^\d{4}-\d{2}-\d{2}$/.test(out[k].value)) return out[k].value;
  }
  return null;
}

/** A day named right after the clock time (`10 p.m. Wednesday`, `noon yesterday`), or null. */
function dayAfter(s: SentenceView, j: number, ctx: TimeContext): string | null {
  if (ctx.dct === null) return null;
  const deictic = cls(s, j, 'deictic');
  if (deictic !== undefined && s.words[j].norm !== 'tonight') return isoDay(ctx.dct + +deictic);
  const wd = cls(s, j, 'weekday');
  if (wd !== undefined && isCapitalised(s.words[j]) && s.words[j].norm.length > 4)
    return weekdayValue(ctx, +wd, clauseTense(s, j, j));
  return null;
}

export const clock: Extractor = (s, ctx, out) => {
  const w = s.words;
  const from = out.length;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_CLOCK) === 0) continue; // see starts.ts
    const word = w[i].norm;
    let hh: number;
    let mm = 0;
    let last = i;
    if (word === 'noon' || word === 'midday' || word === 'midnight') {
      hh = word === 'midnight' ? 24 : 12;
    } else {
      const next = norm(s, i + 1);
      const isZone = ZONES.has(next);
      // `1400 GMT`: wire copy's 24-hour clock, only with a zone after it
      const m =
        /^(\d{1,2})(?::(\d{2}))?$/.exec(word) ?? (isZone ? /^([01]\d|2[0-4])(\d{2})$/.exec(word) : null);
      if (!m) continue;
      if (!MERIDIEM.has(next) && next !== "o'clock" && !(isZone && m[2])) continue;
      hh = +m[1];
      mm = m[2] ? +m[2] : 0;
      // The tests and sums on every clock time, whichever apply: one met first after V8 optimized
      // `clock` (`12 a.m.`, a zone after the meridiem) would send it back to the interpreter.
      const pm = next.startsWith('p');
      const am = next.startsWith('a');
      const morning = hh < 12;
      const twelve = hh === 12;
      hh += pm && morning ? 12 : 0;
      if (am && twelve) hh = 0;
      const zoneAt = i + 2;
      last = i + 1;
      if (!isZone && ZONES.has(norm(s, zoneAt))) last = zoneAt;
      if (hh > 24 || mm > 59) continue;
    }
    const named = dayAfter(s, last + 1, ctx);
    last += named ? 1 : 0;
    const day = named ?? dayBefore(out, from, i) ?? (ctx.dct === null ? 'XXXX-XX-XX' : isoDay(ctx.dct));
    out.push(candidate(i, last, 'TIME', `${day}T${pad(hh)}:${pad(mm)}`, 'clock'));
    i = last;
  }
};
