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

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function weekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Parses `YYYY-MM-DD` (or the date part of a date-time) into a day number, or null. */
export function parseIsoDay(s: string | null | undefined): number | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  return validDate(y, mo, d) ? dayNumber(y, mo, d) : null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

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

/**
 * The first and last day a TIMEX3 DATE value covers, as ISO dates, or null for values without a calendar
 * extent (`PAST_REF`, `XXXX-XX-XX`).
 */
export function valueBounds(value: string): { from: string; to: string } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { from: day, to: day };
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const mon = weekMonday(+m[1], +m[2]);
    return m[3] ? { from: isoDay(mon + 5), to: isoDay(mon + 6) } : { from: isoDay(mon), to: isoDay(mon + 6) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = +m[1];
    const mo = +m[2];
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(daysInMonth(y, mo))}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const y = +m[1];
    const q = +m[2];
    const last = q * 3;
    return { from: `${m[1]}-${pad(last - 2)}-01`, to: `${m[1]}-${pad(last)}-${pad(daysInMonth(y, last))}` };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m)
    return m[2] === '1'
      ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` }
      : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const y = +m[1];
    if (m[2] === 'SP') return { from: `${y}-03-01`, to: `${y}-05-31` };
    if (m[2] === 'SU') return { from: `${y}-06-01`, to: `${y}-08-31` };
    if (m[2] === 'FA') return { from: `${y}-09-01`, to: `${y}-11-30` };
    return { from: `${y}-12-01`, to: `${y + 1}-02-${pad(daysInMonth(y + 1, 2))}` };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{3})$/.exec(value); // decade
  if (m) return { from: `${m[1]}0-01-01`, to: `${m[1]}9-12-31` };
  m = /^(\d{2})$/.exec(value); // century
  if (m) return { from: `${m[1]}00-01-01`, to: `${m[1]}99-12-31` };
  return null;
}
