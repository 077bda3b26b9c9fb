import type { Period } from './store.js';

/**
 * The period a `YYYY-MM-DD` date falls in: the day itself, its ISO week (`2023-W12`, weeks start on
 * Monday and belong to the year of their Thursday), or its month (`2023-03`).
 */
export function periodOf(date: string, by: Period): string {
  if (by === 'day') return date.slice(0, 10);
  if (by === 'month') return date.slice(0, 7);
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week
  const year = d.getUTCFullYear();
  // The week holding a year's first Thursday is week 1, so the Thursday's day of the year gives the week.
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
