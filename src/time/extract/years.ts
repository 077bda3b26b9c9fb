/**
 * Years, decades and centuries: `1988`, `fiscal 1989`, `late 1989`, `the end of 1990`, `the 1990s`,
 * `mid-1990s`, `the 20th century`. A four-digit number is a year unless its neighbours say it counts
 * something (`$1990`, `1990 percent`, `2000 troops`); that check is the refiner `plausible-years`.
 */
import { cls, normIs, yearAt, type Extractor, candidate } from '../context.js';
import { START_YEARS } from '../starts.js';

const ORDINAL_CENTURY = /^(\d{1,2})(?:st|nd|rd|th)$/;

export const years: Extractor = (s, ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_YEARS) === 0) continue; // see starts.ts
    const at = yearAt(s, i);
    if (at) {
      const y = at.year;
      if (w[i].joined && !cls(s, i - 1, 'edge')) continue; // `1990-91`? the part after a hyphen
      let first = i;
      if (normIs(s, i - 1, 'fiscal')) first = i - 1;
      else if (normIs(s, i - 1, 'year') && normIs(s, i - 2, 'the')) first = i - 2;
      else if (cls(s, i - 1, 'edge') && !normIs(s, i - 1, 'later') && !normIs(s, i - 1, 'earlier'))
        first = i - 1;
      else if (normIs(s, i - 1, 'of') && cls(s, i - 2, 'edge') && normIs(s, i - 3, 'the')) first = i - 3;
      ctx.lastYear = y;
      out.push(candidate(first, at.last, 'DATE', String(y), at.last > i ? 'spoken-year' : 'year'));
      i = at.last;
      continue;
    }
    // `1990s`
    const dec = /^(\d{3})0s$/.exec(w[i].norm);
    if (dec) {
      let first = i;
      if (cls(s, i - 1, 'edge')) first = i - 1;
      if (normIs(s, first - 1, 'the')) first--;
      out.push(candidate(first, i, 'DATE', dec[1], 'decade'));
      continue;
    }
    // `20th century`, `the twenty-first century`
    if (normIs(s, i + 1, 'century')) {
      // (both readings made, in digits and in words: the one a rarer century met first after V8 optimized
      // `years` would send it back to the interpreter)
      const c = ORDINAL_CENTURY.exec(w[i].norm);
      const inWords = Number(cls(s, i, 'ordinal')) || 0; // (0, not NaN: `n` stays a small integer)
      const n = c ? +c[1] : inWords;
      if (n >= 1 && n <= 22) {
        const first = normIs(s, i - 1, 'the') ? i - 1 : i;
        out.push(candidate(first, i + 1, 'DATE', String(n - 1).padStart(2, '0'), 'century'));
        i++;
      }
    }
  }
};
