/**
 * Recurring times: `every Monday`, `each year`, `every two weeks`, `each July`, `twice a year`,
 * `$5 million a year`, `on Mondays`, `annually`, `weekly`.
 */
import { cls, isCapitalised, modifiesNext, normIs, numberAt, type Extractor, candidate } from '../context.js';
import { period } from './durations.js';
import { START_SETS } from '../starts.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const COUNT_WORDS = new Set(['million', 'billion', 'thousand', 'hundred', 'dollars', 'cents', 'percent']);
const FREQUENCY = new Set(['once', 'twice', 'times']);

export const sets: Extractor = (s, _ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_SETS) === 0) continue; // see starts.ts
    const word = w[i].norm;
    if (word === 'every' || word === 'each' || word === 'per') {
      const wd = cls(s, i + 1, 'weekday');
      const mo = cls(s, i + 1, 'month');
      // (the next word's index and case worked out on every such word, not only before a weekday or month
      // name, which few are: a test or sum met first after V8 optimized `sets` would send it back to the
      // interpreter)
      const after = i + 1;
      const capital = isCapitalised(w[after]);
      if (wd && capital) {
        out.push(candidate(i, after, 'SET', `XXXX-WXX-${wd}`, 'every-weekday'));
        i++;
        continue;
      }
      if (mo && capital) {
        out.push(candidate(i, after, 'SET', `XXXX-${pad(+mo)}`, 'every-month'));
        i++;
        continue;
      }
      let j = i + 1;
      let n: number | 'X' = 1;
      if (normIs(s, j, 'other')) {
        n = 2;
        j++;
      } else {
        const num = numberAt(s, j);
        if (num && num.value !== 'X') {
          n = num.value;
          j = num.last + 1;
        }
      }
      const unit = cls(s, j, 'unit');
      const value = unit ? period(n, unit) : null;
      if (value) {
        out.push(candidate(i, j, 'SET', value, 'every-unit'));
        i = j;
      }
      continue;
    }
    // twice a year, $5 million a year, three times a week
    if ((word === 'a' || word === 'an') && cls(s, i + 1, 'unit') && !w[i + 1].norm.endsWith('s')) {
      // Words before the first are undefined, checked, not read (a read out of bounds, first met after V8
      // optimized `sets`, would send it back to the interpreter).
      const prev = i > 0 ? w[i - 1] : undefined;
      const counted = (j: number): boolean => {
        const x = j >= 0 ? w[j] : undefined;
        if (!x) return false;
        if (FREQUENCY.has(x.norm) || x.digit || COUNT_WORDS.has(x.norm)) return true;
        return (
          x.readings?.number !== undefined && x.readings.number !== 'X' && x.norm !== 'a' && x.norm !== 'an'
        );
      };
      // `twice a year`, `$5 million a year`, and a counted plural: `four flights a week`
      const countBefore = counted(i - 1) || (!!prev && /^\p{Ll}+s$/u.test(prev.norm) && counted(i - 2));
      const value = countBefore ? period(1, cls(s, i + 1, 'unit') ?? '') : null;
      if (value) {
        const first = prev && (prev.norm === 'once' || prev.norm === 'twice') ? i - 1 : i;
        out.push(candidate(first, i + 1, 'SET', value, 'rate'));
        i++;
      }
      continue;
    }
    const adverb = cls(s, i, 'set');
    // `paid quarterly` is a set; `its quarterly dividend` is an adjective
    if (adverb && !modifiesNext(s, i + 1)) {
      out.push(candidate(i, i, 'SET', adverb, 'set-adverb'));
      continue;
    }
    // on Mondays
    if (word.endsWith('s') && isCapitalised(w[i]) && normIs(s, i - 1, 'on')) {
      const k = DAYS.indexOf(word.slice(0, -1));
      if (k >= 0) out.push(candidate(i, i, 'SET', `XXXX-WXX-${k + 1}`, 'plural-weekday'));
    }
  }
};
