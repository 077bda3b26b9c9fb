/**
 * Clock times: `10:30 a.m.`, `3 p.m.`, `10 o'clock`, `14:00 GMT`, `noon`, `midnight`. The day is the
 * nearest day-level date earlier in the sentence (`Friday at 3 p.m.`), else the publication date.
 */
import { isoDay } from '../calendar.js';
import { norm, type Candidate, type Extractor } from '../context.js';

const MERIDIEM = new Set(['a.m.', 'p.m.', 'am', 'pm', 'a.m', 'p.m']);
const ZONES = new Set(['gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'bst', 'cet']);
const pad = (n: number): string => String(n).padStart(2, '0');

function dayBefore(out: Candidate[], from: number, i: number): string | null {
  for (let k = out.length - 1; k >= from; k--) {
    if (out[k].last < i && /^\d{4}-\d{2}-\d{2}$/.test(out[k].value)) return out[k].value;
  }
  return null;
}

export const clock: Extractor = (s, ctx, out) => {
  const w = s.words;
  const from = out.length;
  for (let i = 0; i < w.length; i++) {
    const word = w[i].norm;
    let hh: number;
    let mm = 0;
    let last = i;
    if (word === 'noon' || word === 'midday' || word === 'midnight') {
      hh = word === 'midnight' ? 24 : 12;
    } else {
      const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(word);
      if (!m) continue;
      const next = norm(s, i + 1);
      const isZone = ZONES.has(next);
      if (!MERIDIEM.has(next) && next !== "o'clock" && !(isZone && m[2])) continue;
      hh = +m[1];
      mm = m[2] ? +m[2] : 0;
      if (next.startsWith('p') && hh < 12) hh += 12;
      if (next.startsWith('a') && hh === 12) hh = 0;
      last = i + 1;
      if (!isZone && ZONES.has(norm(s, i + 2))) last = i + 2;
      if (hh > 24 || mm > 59) continue;
    }
    const day = dayBefore(out, from, i) ?? (ctx.dct === null ? 'XXXX-XX-XX' : isoDay(ctx.dct));
    out.push({ first: i, last, type: 'TIME', value: `${day}T${pad(hh)}:${pad(mm)}`, rule: 'clock' });
    i = last;
  }
};
