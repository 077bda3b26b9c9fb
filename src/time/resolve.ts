/**
 * Anchoring underspecified expressions to the publication date. Past clauses look back, future clauses
 * look forward, clauses without a cue take the nearest reading. Without a publication date values keep
 * their unknown parts as `X`.
 */
import { addMonths, dayNumber, isoDay, isoMonth, validDate, weekday } from './calendar.js';
import type { Tense, TimeContext } from './context.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A weekday (1-7): past = latest on or before the publication date, future = next on or after. */
export function weekdayValue(ctx: TimeContext, wd: number, tense: Tense | null, shift = 0): string {
  if (ctx.dct === null) return `XXXX-WXX-${wd}`;
  const today = weekday(ctx.dct);
  const back = ctx.dct - ((today - wd + 7) % 7); // on or before
  const ahead = ctx.dct + ((wd - today + 7) % 7); // on or after
  let day: number;
  if (shift < 0) day = back === ctx.dct ? back - 7 : back;
  else if (shift > 0) day = ahead === ctx.dct ? ahead + 7 : ahead;
  else if (tense === 'future') day = ahead;
  else if (tense === 'present') day = ctx.dct - back <= ahead - ctx.dct ? back : ahead;
  else day = back;
  return isoDay(day);
}

/**
 * A month without a year. In a future clause, the next such month (this month included). Otherwise the
 * latest one no more than three months ahead: news mostly looks back, but a past clause often reports a
 * plan (`said it would close in November`), so the next few months stay in the current year.
 */
export function monthYear(ctx: TimeContext, m: number, tense: Tense | null, shift?: number): number | null {
  if (ctx.dctYear === null || ctx.dctMonth === null) return null;
  const y = ctx.dctYear;
  const cur = ctx.dctMonth;
  if (shift !== undefined) {
    if (shift < 0) return m < cur ? y : y - 1;
    if (shift > 0) return m > cur ? y : y + 1;
    return y;
  }
  if (tense === 'future') return m >= cur ? y : y + 1;
  const ahead = m - cur; // -11 .. 11
  if (ahead > 3) return y - 1;
  if (ahead < -8) return y + 1;
  return y;
}

/** Day o if it exists and is strictly nearer the publication date than best (or best is none), else best. */
function nearer(best: number, o: number, dct: number): number {
  return !Number.isNaN(o) && (Number.isNaN(best) || Math.abs(o - dct) < Math.abs(best - dct)) ? o : best;
}

/** A month and day without a year, resolved like months but at day granularity. */
export function monthDayValue(ctx: TimeContext, m: number, d: number, tense: Tense | null): string {
  if (ctx.dct === null || ctx.dctYear === null) return `XXXX-${pad(m)}-${pad(d)}`;
  const y = ctx.dctYear;
  const dct = ctx.dct;
  // The day in the year before, the year of and the year after the publication date (NaN where it does
  // not exist, as February 29), in that order.
  const before = validDate(y - 1, m, d) ? dayNumber(y - 1, m, d) : NaN;
  const same = validDate(y, m, d) ? dayNumber(y, m, d) : NaN;
  const after = validDate(y + 1, m, d) ? dayNumber(y + 1, m, d) : NaN;
  // the nearest, the earliest of equals
  let best = nearer(NaN, before, dct);
  best = nearer(best, same, dct);
  best = nearer(best, after, dct);
  if (Number.isNaN(best)) return `XXXX-${pad(m)}-${pad(d)}`;
  // A tense cue overrides the nearest reading only when that reading is far on the wrong side.
  // A past clause moves a date from months ahead to last year; reported plans (`payable Dec. 7`) are
  // often weeks ahead, so only a far one moves.
  if (tense === 'past' && best - dct > 120) {
    // the latest on or before the publication date
    if (after <= dct) best = after;
    else if (same <= dct) best = same;
    else if (before <= dct) best = before;
  }
  if (tense === 'future' && dct - best > 31) {
    // the earliest on or after the publication date
    if (before >= dct) best = before;
    else if (same >= dct) best = same;
    else if (after >= dct) best = after;
  }
  return isoDay(best);
}

export function monthValue(ctx: TimeContext, m: number, tense: Tense | null, shift?: number): string {
  const y = monthYear(ctx, m, tense, shift);
  return y === null ? `XXXX-${pad(m)}` : isoMonth(y, m);
}

/** The publication date shifted by whole months (`last month`). */
export function shiftedMonth(ctx: TimeContext, k: number): string {
  if (ctx.dctYear === null || ctx.dctMonth === null) return 'XXXX-XX';
  const { y, m } = addMonths(ctx.dctYear, ctx.dctMonth, k);
  return isoMonth(y, m);
}

/** The quarter containing the publication date, shifted by k quarters. */
export function shiftedQuarter(
  ctx: TimeContext,
  k: number,
): { y: number; q: number; sentence: number } | null {
  if (ctx.dctYear === null || ctx.dctMonth === null) return null;
  const t = ctx.dctYear * 4 + Math.floor((ctx.dctMonth - 1) / 3) + k;
  // In the shape of `TimeContext.lastQuarter` (no sentence mentions it: -1), which code reading a quarter
  // meets as well (`anchorQuarter`): a second shape, met late, sent `quarters` to another compile.
  return { y: Math.floor(t / 4), q: (t % 4) + 1, sentence: -1 };
}

/**
 * Quarter q without a year: the latest one that has begun by the publication date (earnings reports
 * look back), or in a future clause the next one not yet ended.
 */
export function quarterYear(ctx: TimeContext, q: number, tense: Tense | null): number | null {
  const cur = shiftedQuarter(ctx, 0);
  if (!cur) return null;
  if (tense === 'future') return q >= cur.q ? cur.y : cur.y + 1;
  return q <= cur.q ? cur.y : cur.y - 1;
}
