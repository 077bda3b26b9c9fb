/**
 * Publication dates. Accepts an ISO date (`2023-03-18`) or an ISO date-time (`2023-03-18T09:30:00Z`) and
 * returns the calendar date; rejects impossible dates such as 2023-02-30.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export type DateCheck = { ok: true; date: string } | { ok: false; reason: string };

export function checkDate(value: unknown): DateCheck {
  if (value === undefined || value === null || value === '') return { ok: false, reason: 'missing date' };
  if (typeof value !== 'string') return { ok: false, reason: `date must be a string, got ${typeof value}` };
  const m = ISO.exec(value.trim());
  if (!m) return { ok: false, reason: `date '${value}' is not YYYY-MM-DD` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return { ok: false, reason: `impossible date '${value}'` };
  return { ok: true, date: `${m[1]}-${m[2]}-${m[3]}` };
}
