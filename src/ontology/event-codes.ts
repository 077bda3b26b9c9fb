/**
 * The CAMEO event ontology: name, Goldstein weight, quad class and PLOVER type of every code, loaded
 * once from `data/ontology/cameo-events.tsv`.
 */
import { readDataRows } from '../data.js';

export interface EventCodeInfo {
  code: string;
  root: string;
  name: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  /** PLOVER event type, or null (statements have none). */
  plover: string | null;
}

let table: Map<string, EventCodeInfo> | undefined;

export function eventCodes(): Map<string, EventCodeInfo> {
  if (table) return table;
  table = new Map();
  for (const [code, goldstein, quad, plover, name] of readDataRows('ontology/cameo-events.tsv')) {
    table.set(code!, {
      code: code!,
      root: code!.slice(0, 2),
      name: name ?? '',
      goldstein: Number(goldstein),
      quad: Number(quad) as 1 | 2 | 3 | 4,
      plover: plover && plover !== '-' ? plover : null,
    });
  }
  return table;
}

/** The code's entry; unknown codes fall back to their 3-digit parent, then their root. */
export function eventCode(code: string): EventCodeInfo | undefined {
  const t = eventCodes();
  return t.get(code) ?? t.get(code.slice(0, 3)) ?? t.get(code.slice(0, 2));
}
