/**
 * Office holders by date: the article's date picks the office a person held that day, so a 2015
 * story's `Obama` is USAGOV and a 2023 story's is USAELI (a former official).
 */
import { gazetteer, type Tenure } from './gazetteer.js';

export interface OfficeCoding {
  /** Canonical full name of the holder. */
  name: string;
  country: string;
  sector: string | null;
  rule: string;
}

/**
 * The coding of `name` (a full name or a listed short form) on `date` (YYYY-MM-DD): the tenure covering
 * the date; else, after the last tenure, the country with sector ELI; else, before the first, the country
 * with no sector. Without a date, the latest tenure. Null when the name is not listed.
 */
export function officeOn(name: string, date: string | null): OfficeCoding | null {
  const tenures = gazetteer().tenures.get(name);
  if (!tenures?.length) return null;
  if (!date) return coding(tenures.at(-1)!, tenures.at(-1)!.sector, 'latest');
  const held = tenures.find((t) => t.from <= date && (t.to === null || date < t.to));
  if (held) return coding(held, held.sector, 'held');
  // Several people may share a short form (Bush, Clinton): take the one whose last tenure ended most recently.
  const ended = tenures.filter((t) => t.to !== null && t.to <= date);
  if (ended.length) {
    const last = ended.reduce((a, b) => (a.to! >= b.to! ? a : b));
    return coding(last, 'ELI', 'former');
  }
  const first = tenures.reduce((a, b) => (a.from <= b.from ? a : b));
  return coding(first, null, 'before');
}

function coding(t: Tenure, sector: string | null, how: string): OfficeCoding {
  return { name: t.name, country: t.country, sector, rule: `office:${how}:${t.office}:${t.from}` };
}
