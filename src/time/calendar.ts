/**
 * Calendar arithmetic on plain day numbers (days since 1970-01-01, UTC), so no time zone or clock ever
 * enters a resolution. Also the TIMEX3 value formats and the first/last day a value covers.
 */

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const MS_PER_DAY = 86_400_000;

/*
 * The conversions below are integer arithmetic on the proleptic Gregorian calendar, as `Date` computes
 * it (and with its quirk that `Date.UTC` reads years 0-99 as 1900-1999), without a `Date` per call. Inputs
 * that are not plain integers in a range of years news can mention take the `Date` path itself.
 */

/** Days before the first of each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_YEAR = 100_000;

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Days from 1970-01-01 to January 1 of year y: 365 a year plus the leap days in between. */
function yearStart(y: number): number {
  const p = y - 1;
  return 365 * p + Math.floor(p / 4) - Math.floor(p / 100) + Math.floor(p / 400) - 719_162;
}

/** Whether `Date.UTC(y, m, ...)`-style arguments are plain integers within the years handled by hand. */
function plain(y: number, m: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && y > -MAX_YEAR && y < MAX_YEAR && m > -1200 && m < 1200;
}

export function dayNumber(y: number, m: number, d: number): number {
  if (!plain(y, m) || !Number.isInteger(d) || d < -100_000 || d > 100_000)
    return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
  const full = y >= 0 && y <= 99 ? 1900 + y : y;
  const yy = full + Math.floor((m - 1) / 12);
  const mi = (((m - 1) % 12) + 12) % 12;
  return yearStart(yy) + DAYS_BEFORE_MONTH[mi] + (mi >= 2 && isLeap(yy) ? 1 : 0) + d - 1;
}

export function fromDayNumber(n: number): Ymd {
  if (!Number.isInteger(n) || n < -30_000_000 || n > 30_000_000) {
    const t = new Date(n * MS_PER_DAY);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  let y = 1970 + Math.floor(n / 365.2425);
  while (yearStart(y) > n) y--;
  while (yearStart(y + 1) <= n) y++;
  const doy = n - yearStart(y);
  const leap = isLeap(y) ? 1 : 0;
  let mi = 11;
  while (DAYS_BEFORE_MONTH[mi] + (mi >= 2 ? leap : 0) > doy) mi--;
  return { y, m: mi + 1, d: doy - DAYS_BEFORE_MONTH[mi] - (mi >= 2 ? leap : 0) + 1 };
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function weekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Days in month m of year y (1-12; other months count on from January, as `Date` does). */
export function daysInMonth(y: number, m: number): number {
  if (!plain(y, m)) return new Date(Date.UTC(y, m, 0)).getUTCDate();
  const full = y >= 0 && y <= 99 ? 1900 + y : y;
  const yy = full + Math.floor((m - 1) / 12);
  const mi = (((m - 1) % 12) + 12) % 12;
  return mi === 1 && isLeap(yy) ? 29 : MONTH_DAYS[mi];
}

export function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Parses `YYYY-MM-DD` (or the date part of a date-time) into a day number, or null. */
export function parseIsoDay(s: string | null | undefined): number | null {
  if (
    !s ||
    s.length < 10 ||
    !digitsAt(s, 0, 4) ||
    s.charCodeAt(4) !== 45 ||
    !digitsAt(s, 5, 7) ||
    s.charCodeAt(7) !== 45 ||
    !digitsAt(s, 8, 10)
  )
    return null;
  const y = digitsValue(s, 0, 4);
  const mo = digitsValue(s, 5, 7);
  const d = digitsValue(s, 8, 10);
  return validDate(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/** The number written in chars [from, to) of s, all digits. */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/** `00` to `99`: the two-digit months and days of every value and bound, made once (`padStart` made them anew). */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** n with leading zeros to w digits (a two-digit integer from `TWO_DIGITS`, a four-digit year as it is). */
function pad(n: number, w = 2): string {
  if ((n | 0) === n && n >= 0) {
    if (w === 2 && n < 100) return TWO_DIGITS[n];
    if (w === 4 && n >= 1000 && n < 10000) return String(n);
  }
  return String(n).padStart(w, '0');
}

export function isoDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - weekday(n) + 4;
  const year = fromDayNumber(thursday).y;
  const jan1 = dayNumber(year, 1, 1);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

export function isoWeekValue(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Monday of ISO week `week` of `year`. */
export function weekMonday(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - weekday(jan4) + 1 + (week - 1) * 7;
}

/** Adds months to a (year, month) pair. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + k;
  return { y: Math.floor(t / 12), m: (t % 12) + 1 };
}

/** Whether chars [from, to) of s are ASCII digits. */
function digitsAt(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const SEASONS: Record<string, [string, string] | undefined> = {
  SP: ['-03-01', '-05-31'],
  SU: ['-06-01', '-08-31'],
  FA: ['-09-01', '-11-30'],
};

/**
 * The first and last day a TIMEX3 DATE value covers, as ISO dates, or null for values without a calendar
 * extent (`PAST_REF`, `XXXX-XX-XX`). Read char by char (every expression asks, so no regex): `2023-03-17`
 * and `2023-03-17T10:30` (the day), `2023-W11` and `2023-W11-WE`, `2023-03`, `2023-Q1`, `2023-H1`,
 * `2023-SU`, `2023`, `199` (a decade), `20` (a century).
 */
export function valueBounds(value: string): { from: string; to: string } | null {
  const n = value.length;
  if (n < 4) return shortBounds(value);
  if (!digitsAt(value, 0, 4)) return null;
  if (n === 4) return { from: `${value}-01-01`, to: `${value}-12-31` };
  if (value.charCodeAt(4) !== 45) return null; // -
  const y = value.slice(0, 4);
  if (n >= 10 && digitsAt(value, 5, 7) && value.charCodeAt(7) === 45 && digitsAt(value, 8, 10)) {
    if (n === 10 || value.charCodeAt(10) === 84) {
      // T
      const day = value.slice(0, 10);
      return { from: day, to: day };
    }
    return null;
  }
  const c5 = value.charCodeAt(5);
  if (c5 === 87 && digitsAt(value, 6, 8) && (n === 8 || (n === 11 && value.endsWith('-WE')))) {
    // W
    const mon = weekMonday(+y, +value.slice(6, 8));
    return n === 11
      ? { from: isoDay(mon + 5), to: isoDay(mon + 6) }
      : { from: isoDay(mon), to: isoDay(mon + 6) };
  }
  if (n !== 7) return null;
  const c6 = value.charCodeAt(6);
  if (digitsAt(value, 5, 7)) {
    const mo = value.slice(5, 7);
    return { from: `${y}-${mo}-01`, to: `${y}-${mo}-${pad(daysInMonth(+y, +mo))}` };
  }
  if (c5 === 81 && c6 >= 49 && c6 <= 52) {
    // Q1-Q4
    const last = (c6 - 48) * 3;
    return { from: `${y}-${pad(last - 2)}-01`, to: `${y}-${pad(last)}-${pad(daysInMonth(+y, last))}` };
  }
  if (c5 === 72 && (c6 === 49 || c6 === 50))
    // H1, H2
    return c6 === 49 ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
  const season = value.slice(5);
  const yn = +y;
  if (season === 'WI') return { from: `${yn}-12-01`, to: `${yn + 1}-02-${pad(daysInMonth(yn + 1, 2))}` };
  const s = SEASONS[season];
  return s ? { from: `${yn}${s[0]}`, to: `${yn}${s[1]}` } : null;
}

/** A decade (`199`) or a century (`20`). */
function shortBounds(value: string): { from: string; to: string } | null {
  if (value.length < 2 || !digitsAt(value, 0, value.length)) return null;
  return value.length === 3
    ? { from: `${value}0-01-01`, to: `${value}9-12-31` }
    : { from: `${value}00-01-01`, to: `${value}99-12-31` };
}
