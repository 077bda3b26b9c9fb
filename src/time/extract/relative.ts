/**
 * Expressions anchored to the publication date by a word rather than a number: `yesterday`, `tonight`,
 * `this morning`, `last week`, `next year`, `earlier this month`, `three years ago`, `a year earlier`.
 */
import { addMonths, isoDay, isoMonth, isoWeekValue, weekday } from '../calendar.js';
import {
  clauseTense,
  cls,
  capitalisedInside,
  norm,
  normIs,
  numberAt,
  SHIFT_WORDS,
  type Extractor,
  type TimeContext,
  candidate,
} from '../context.js';
import { shiftedMonth, shiftedQuarter } from '../resolve.js';
import { START_RELATIVE } from '../starts.js';

/** Values with the unknown parts left as X, for articles without a publication date. */
const UNKNOWN: Record<string, string> = {
  D: 'XXXX-XX-XX',
  W: 'XXXX-WXX',
  WE: 'XXXX-WXX-WE',
  M: 'XXXX-XX',
  Y: 'XXXX',
  Q: 'XXXX-QX',
  DE: 'XXX',
  CE: 'XX',
};
const ANAPHORIC = new Set(['previous', 'following', 'preceding', 'prior']);

/** The DATE value of the unit containing the publication date shifted k units. */
function shiftedUnit(ctx: TimeContext, unit: string, k: number): string | null {
  if (ctx.dct === null || ctx.dctYear === null) return UNKNOWN[unit] ?? null;
  switch (unit) {
    case 'D':
      return isoDay(ctx.dct + k);
    case 'W':
      return isoWeekValue(ctx.dct + 7 * k);
    case 'WE':
      return `${isoWeekValue(ctx.dct + 7 * k)}-WE`;
    case 'M':
      return shiftedMonth(ctx, k);
    case 'Y':
      return String(ctx.dctYear + k);
    case 'Q': {
      const q = shiftedQuarter(ctx, k);
      return q ? `${q.y}-Q${q.q}` : null;
    }
    case 'DE':
      return String(Math.floor(ctx.dctYear / 10) + k);
    case 'CE':
      return String(Math.floor(ctx.dctYear / 100) + k).padStart(2, '0');
    default:
      return null;
  }
}

/** `a year earlier`, `year-ago`: the quarter under discussion a year back, else last year. */
function yearBack(ctx: TimeContext, sentence: number): string | null {
  const q = ctx.lastQuarter;
  if (q && sentence - q.sentence <= 3) return `${q.y - 1}-Q${q.q}`;
  if (ctx.quarterly) {
    const a = q ?? shiftedQuarter(ctx, -1);
    if (a) return `${a.y - 1}-Q${a.q}`;
  }
  return ctx.dctYear === null ? null : String(ctx.dctYear - 1);
}

export const relative: Extractor = (s, ctx, out) => {
  const w = s.words;
  const anchors = s.anchors;
  for (let k = 0, i = -1; k < anchors.length; k++) {
    if (anchors[k] <= i) continue;
    i = anchors[k];
    if ((s.words[i].starts & START_RELATIVE) === 0) continue; // see starts.ts
    const word = w[i].norm;
    // yesterday, today, tomorrow, tonight (+ morning/night)
    const deictic = cls(s, i, 'deictic');
    if (deictic !== undefined) {
      // `VOA Today`, `USA Today`: part of a name. Both words are tested on every deictic (the one before
      // is the word itself at the sentence's start, which is no name's inside): a test met only after a
      // capitalised one would first run after V8 optimized `relative` and send it back to the interpreter.
      const before = i > 0 ? i - 1 : i;
      const inName = capitalisedInside(w[i]);
      const afterName = capitalisedInside(w[before]);
      if (inName && afterName) continue;
      const day = ctx.dct === null ? 'XXXX-XX-XX' : isoDay(ctx.dct + +deictic);
      const first = normIs(s, i - 1, 'late') || normIs(s, i - 1, 'early') ? i - 1 : i;
      const part = cls(s, i + 1, 'part');
      if (word === 'tonight') out.push(candidate(first, i, 'TIME', `${day}TNI`, 'tonight'));
      else if (part && !part.includes(':'))
        out.push(candidate(first, i + 1, 'TIME', `${day}T${part}`, 'deictic-part'));
      else out.push(candidate(first, i, 'DATE', day, 'deictic'));
      continue;
    }
    // this morning, last night
    const part = cls(s, i + 1, 'part');
    if (part && !part.includes(':') && (word === 'this' || (word === 'last' && normIs(s, i + 1, 'night')))) {
      const day = ctx.dct === null ? 'XXXX-XX-XX' : isoDay(ctx.dct + (word === 'last' ? -1 : 0));
      out.push(candidate(i, i + 1, 'TIME', `${day}T${part}`, 'this-part'));
      i++;
      continue;
    }
    // last week, this year, next month, the past year, earlier this month
    if (SHIFT_WORDS.has(word)) {
      const unit = cls(s, i + 1, 'unit');
      if (unit && !s.words[i + 1].norm.endsWith('s')) {
        // `the past year` is a DATE in TimeML (the year before), `the past three years` a duration
        const the = normIs(s, i - 1, 'the');
        const k = +(cls(s, i, 'shift') ?? 0);
        // `the following year` counts from the year last mentioned, `next year` from the publication date
        const anaphoric = ANAPHORIC.has(word) && unit === 'Y' && ctx.lastYear !== null;
        const value = anaphoric ? String((ctx.lastYear ?? 0) + k) : shiftedUnit(ctx, unit, k);
        if (value) {
          const previous = i - 1; // (one sum for both starts: see the deictic's name test)
          let first = the ? previous : i;
          // `this past weekend`
          if (word === 'past' && normIs(s, previous, 'this')) first = previous;
          const before = norm(s, first - 1);
          if (
            before === 'earlier' ||
            before === 'later' ||
            before === 'early' ||
            before === 'late' ||
            before === 'mid'
          )
            first--;
          // `the end of this year`, `the beginning of next month`
          else if (before === 'of' && cls(s, first - 2, 'edge') && normIs(s, first - 3, 'the')) first -= 3;
          if (unit === 'Q' && ctx.dct !== null) {
            // The quarter `value` names (`shiftedUnit` made it from this one), not parsed back from it.
            const { y, q } = shiftedQuarter(ctx, k)!;
            ctx.lastQuarter = { y, q, sentence: s.index };
          }
          out.push(candidate(first, i + 1, 'DATE', value, `shift-unit`));
          i++;
          continue;
        }
      }
    }
    // the end of the year, the beginning of the month: the current one
    if (word === 'the' && normIs(s, i - 1, 'of') && cls(s, i - 2, 'edge') && normIs(s, i - 3, 'the')) {
      const unit = cls(s, i + 1, 'unit');
      const value = unit === 'Y' || unit === 'M' || unit === 'W' ? shiftedUnit(ctx, unit, 0) : null;
      if (value && !s.words[i + 1].norm.endsWith('s')) {
        out.push(candidate(i - 3, i + 1, 'DATE', value, 'edge-of-unit'));
        i++;
        continue;
      }
    }
    // the weekend: by tense, the one just past or the one coming
    if (word === 'weekend' && normIs(s, i - 1, 'the') && ctx.dct !== null) {
      const today = weekday(ctx.dct);
      const future = clauseTense(s, i - 1, i) === 'future';
      const saturday = ctx.dct - today + 6; // this ISO week's Saturday
      const day = future || today >= 6 ? saturday : saturday - 7;
      out.push(candidate(i - 1, i, 'DATE', `${isoWeekValue(day)}-WE`, 'the-weekend'));
      continue;
    }
    // three years ago, a week ago, a year earlier
    const n = numberAt(s, i);
    if (n) {
      const unit = cls(s, n.last + 1, 'unit');
      const after = norm(s, n.last + 2);
      const adjective = s.words[n.last + 2]?.joined; // `a year-earlier figure`: see below
      // Every test of the unit and the number made once, on each number here: a compare first reached
      // by a rarer phrase (`a few years earlier`, `two decades ago`) after V8 optimized `relative` would
      // send it back to the interpreter (see `numberAt`).
      const one = n.value === 1;
      const ago = after === 'ago';
      const days = unit === 'D';
      const weeks = unit === 'W';
      const months = unit === 'M';
      const years = unit === 'Y';
      const decades = unit === 'DE';
      if (unit && !adjective && (ago || ((after === 'earlier' || after === 'before') && years && one))) {
        let value: string | null;
        if (!ago || (years && one && ctx.quarterly)) value = yearBack(ctx, s.index);
        else if (n.value === 'X') value = 'PAST_REF';
        else if (ctx.dct === null || ctx.dctYear === null || ctx.dctMonth === null) value = null;
        else if (days) value = isoDay(ctx.dct - n.value);
        else if (weeks) value = isoWeekValue(ctx.dct - 7 * n.value);
        else if (months) {
          const { y, m } = addMonths(ctx.dctYear, ctx.dctMonth, -n.value);
          value = isoMonth(y, m);
        } else if (years || decades) {
          // years and decades by one sum (a decade's own, met late, sent `relative` to another compile)
          value = decades || n.value < 200 ? String(ctx.dctYear - (decades ? 10 : 1) * n.value) : 'PAST_REF';
        } else value = 'PAST_REF';
        if (value) {
          const first = cls(s, i - 1, 'approx') ? i - 1 : i;
          out.push(candidate(first, n.last + 2, 'DATE', value, ago ? 'ago' : 'year-earlier'));
          i = n.last + 2;
          continue;
        }
      }
    }
    // year-earlier, year-ago (as in `the year-ago quarter`)
    if (
      word === 'year' &&
      (normIs(s, i + 1, 'earlier') || normIs(s, i + 1, 'ago')) &&
      s.words[i + 1].joined
    ) {
      const value = yearBack(ctx, s.index);
      if (value) {
        const noun = norm(s, i + 2);
        const withNoun = noun === 'quarter' || noun === 'period';
        const first = withNoun && normIs(s, i - 1, 'the') ? i - 1 : i;
        out.push(candidate(first, withNoun ? i + 2 : i + 1, 'DATE', value, 'year-earlier'));
        i += withNoun ? 2 : 1;
      }
    }
  }
};
