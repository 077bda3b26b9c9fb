/**
 * Dates written with a month name or in numbers: `March 20, 2023`, `20 March 2023`, `Mar. 20`,
 * `March 20-22`, `March 20 to 22`, `August 1988`, `2023-03-20`, `3/20/2023`, `early September`,
 * `last April`, and a weekday in front (`Friday, March 17`). A dateline (`BEIJING, March 17 (Xinhua) --`)
 * is a month and day like any other, resolved to the year nearest the publication date.
 */
import { validDate } from '../calendar.js';
import {
  clauseTense,
  cls,
  dayOfMonth,
  digits,
  isCapitalised,
  norm,
  normIs,
  yearAt,
  yearWord,
  type Candidate,
  type Extractor,
  type TimeContext,
  candidate,
} from '../context.js';
import { monthDayValue, monthValue } from '../resolve.js';
import type { SentenceView } from '../words.js';
import { START_CALENDAR } from '../starts.js';

const pad = (n: number): string => String(n).padStart(2, '0');
const RANGE_LINK = new Set(['-', '–', 'to', 'through', 'and', 'until', 'till']);

/** Whether word i is a month name used as one (`May` the modal and `march` the verb are not). */
function monthAt(s: SentenceView, i: number): number {
  const v = cls(s, i, 'month');
  if (v === undefined) return NaN;
  const w = s.words[i];
  if (!isCapitalised(w)) return NaN;
  const abbrev = w.norm.length <= 4 && w.norm !== 'june' && w.norm !== 'july' && w.norm !== 'may';
  const numberNext = !Number.isNaN(dayOfMonth(s.words[i + 1])) || !Number.isNaN(yearWord(s.words[i + 1]));
  if (abbrev && !w.dotted && !numberNext) return NaN;
  if (w.norm === 'may' && !numberNext) {
    // `Theresa May`, `May I`: a month only after a preposition or modifier.
    const prev = norm(s, i - 1);
    if (
      ![
        'in',
        'of',
        'since',
        'until',
        'by',
        'early',
        'late',
        'mid',
        'last',
        'next',
        'this',
        'from',
        'through',
        'before',
        'after',
        'during',
        'and',
        'to',
      ].includes(prev)
    )
      return NaN;
  }
  return +v;
}

function explicitDay(y: number, m: number, d: number): string | null {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** Extends a candidate leftwards over `Friday,` and modifiers like `early`, `mid`, `the end of`. */
function widenLeft(s: SentenceView, first: number): number {
  let f = first;
  if (normIs(s, f - 1, ',') && cls(s, f - 2, 'weekday') && isCapitalised(s.words[f - 2])) return f - 2;
  if (cls(s, f - 1, 'weekday') && isCapitalised(s.words[f - 1])) return f - 1;
  if (cls(s, f - 1, 'edge') && !normIs(s, f - 1, 'later') && !normIs(s, f - 1, 'earlier')) f--;
  else if (normIs(s, f - 1, 'of') && cls(s, f - 2, 'edge') && normIs(s, f - 3, 'the')) f -= 3;
  return f;
}

function emit(
  out: Candidate[],
  s: SentenceView,
  first: number,
  last: number,
  value: string,
  rule: string,
  extra?: Partial<Candidate>,
): void {
  out.push({
    first: widenLeft(s, first),
    last,
    type: 'DATE',
    value,
    from: undefined,
    to: undefined,
    rule,
    ...extra,
  });
}

/** Parses a year after word `i` (`, 2023`, ` 2023`, ` of 2023`); returns [year, last] or null. */
function yearAfter(s: SentenceView, i: number): [number, number] | null {
  let j = i + 1;
  if (normIs(s, j, ',') || normIs(s, j, 'of')) j++;
  const y = yearAt(s, j);
  return y ? [y.year, y.last] : null;
}

function monthFirst(s: SentenceView, i: number, m: number, ctx: TimeContext, out: Candidate[]): number {
  const d = dayOfMonth(s.words[i + 1]);
  if (!Number.isNaN(d) && !s.words[i + 1].joined) {
    let last = i + 1;
    // `March 20-22`, `March 20 to 22`, `March 20 and 21`
    let d2 = NaN;
    if (RANGE_LINK.has(norm(s, i + 2))) {
      const cand = dayOfMonth(s.words[i + 3]);
      if (!Number.isNaN(cand) && cand > d && (!normIs(s, i + 2, 'and') || normIs(s, i - 1, 'between'))) {
        d2 = cand;
        last = i + 3;
      }
    }
    const yr = yearAfter(s, last);
    const tense = clauseTense(s, i, last);
    let from: string | null;
    let to: string | null = null;
    if (yr) {
      ctx.lastYear = yr[0];
      from = explicitDay(yr[0], m, d);
      if (!Number.isNaN(d2)) to = explicitDay(yr[0], m, d2);
      last = yr[1];
    } else {
      from = monthDayValue(ctx, m, d, tense);
      if (!Number.isNaN(d2)) to = from.slice(0, 8) + pad(d2);
    }
    if (!from) return i;
    if (to)
      emit(out, s, i, last, from, 'month-day-range', {
        from: from.startsWith('X') ? undefined : from,
        to: to.startsWith('X') ? undefined : to,
      });
    else emit(out, s, i, last, from, yr ? 'month-day-year' : 'month-day');
    return last;
  }
  const yr = yearAfter(s, i);
  if (yr && !normIs(s, i + 1, ',')) {
    ctx.lastYear = yr[0];
    emit(out, s, i, yr[1], `${yr[0]}-${pad(m)}`, 'month-year');
    return yr[1];
  }
  // `June last year`, `January this year`
  const yearShift = cls(s, i + 1, 'shift');
  if (
    yearShift !== undefined &&
    normIs(s, i + 2, 'year') &&
    ctx.dctYear !== null &&
    ['last', 'this', 'next'].includes(norm(s, i + 1))
  ) {
    emit(out, s, i, i + 2, `${ctx.dctYear + +yearShift}-${pad(m)}`, 'month-shift-year');
    return i + 2;
  }
  // A month alone: `last April`, `in March`, `early September`.
  const shiftWord = cls(s, i - 1, 'shift');
  if (shiftWord !== undefined && ['last', 'next', 'this', 'coming', 'past'].includes(norm(s, i - 1))) {
    out.push(candidate(i - 1, i, 'DATE', monthValue(ctx, m, null, +shiftWord), 'shift-month'));
    return i;
  }
  emit(out, s, i, i, monthValue(ctx, m, clauseTense(s, i, i)), 'month');
  return i;
}

export const calendarDates: Extractor = (s, ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_CALENDAR) === 0) continue; // see starts.ts
    const m = monthAt(s, i);
    if (!Number.isNaN(m)) {
      i = monthFirst(s, i, m, ctx, out);
      continue;
    }
    // `20 March 2023`, `20th of March`
    const d = dayOfMonth(w[i]);
    if (!Number.isNaN(d)) {
      const j = normIs(s, i + 1, 'of') ? i + 2 : i + 1;
      const m2 = monthAt(s, j);
      if (!Number.isNaN(m2)) {
        const yr = yearAfter(s, j);
        const value = yr ? explicitDay(yr[0], m2, d) : monthDayValue(ctx, m2, d, clauseTense(s, i, j));
        if (value) emit(out, s, i, yr ? yr[1] : j, value, yr ? 'day-month-year' : 'day-month');
        i = yr ? yr[1] : j;
        continue;
      }
      // `20-22 March 2023`, `20 to 22 March`
      const d2 = RANGE_LINK.has(norm(s, i + 1)) ? dayOfMonth(w[i + 2]) : NaN;
      const m3 = Number.isNaN(d2) || d2 <= d ? NaN : monthAt(s, i + 3);
      if (!Number.isNaN(m3) && (!normIs(s, i + 1, 'and') || normIs(s, i - 1, 'between'))) {
        const yr = yearAfter(s, i + 3);
        const from = yr ? explicitDay(yr[0], m3, d) : monthDayValue(ctx, m3, d, clauseTense(s, i, i + 3));
        const to =
          from && (from.startsWith('X') || validDate(+from.slice(0, 4), m3, d2))
            ? from.slice(0, 8) + pad(d2)
            : null;
        if (from && to) {
          const known = !from.startsWith('X');
          emit(out, s, i, yr ? yr[1] : i + 3, from, 'day-range-month', known ? { from, to } : {});
          i = yr ? yr[1] : i + 3;
          continue;
        }
      }
    }
    // `2023-03-20`
    const y = yearWord(w[i]);
    if (
      !Number.isNaN(y) &&
      normIs(s, i + 1, '-') &&
      normIs(s, i + 3, '-') &&
      w[i + 4] &&
      w[i + 4].start === w[i + 3].end &&
      w[i + 1].start === w[i].end
    ) {
      const value = explicitDay(y, digits(w[i + 2]), digits(w[i + 4]));
      if (value) {
        out.push(candidate(i, i + 4, 'DATE', value, 'iso-date'));
        i += 4;
        continue;
      }
    }
    // `3/20/2023` (US order; day first when the first number cannot be a month)
    const slash = w[i].digit ? /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(w[i].norm) : null;
    if (slash) {
      let a = +slash[1];
      let b = +slash[2];
      if (a > 12) [a, b] = [b, a];
      const yy = slash[3].length === 2 ? 1900 + +slash[3] + (+slash[3] < 50 ? 100 : 0) : +slash[3];
      const value = explicitDay(yy, a, b);
      if (value) out.push(candidate(i, i, 'DATE', value, 'slash-date'));
    }
  }
};
