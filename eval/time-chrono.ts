/**
 * The chrono-node baseline for `eval:time -- --chrono`: its casual English parser on the whole text with
 * the publication date as reference (`forwardDate: false`), values at the finest granularity it is
 * certain of. Used to decide whether chrono helps the `times` stage (see README, Accuracy, Time).
 */
import * as chrono from 'chrono-node';
import type { TimeExpression } from '../src/doc.js';

const pad = (n: number): string => String(n).padStart(2, '0');

export function chronoTimes(
  text: string,
  dct: string | null,
): Pick<TimeExpression, 'start' | 'end' | 'text' | 'type' | 'value'>[] {
  const ref = dct ? new Date(`${dct}T12:00:00Z`) : new Date();
  return chrono.casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false }).map((r) => {
    const c = r.start;
    const y = c.get('year') ?? 0;
    const m = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    let value = String(y);
    if (c.isCertain('day') || c.isCertain('weekday')) value = `${y}-${pad(m)}-${pad(d)}`;
    else if (c.isCertain('month')) value = `${y}-${pad(m)}`;
    const time = c.isCertain('hour');
    if (time) value = `${y}-${pad(m)}-${pad(d)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    return {
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      type: time ? 'TIME' : 'DATE',
      value,
    };
  });
}
