/**
 * Resolves overlapping proposals: the longest span wins (`three years ago` over `three years`); between
 * equal spans the extractor listed first wins.
 */
import type { Candidate } from '../context.js';

export function dropOverlaps(cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return cands;
  // Already in order and apart (most sentences): nothing to drop, and sorting would keep this order.
  let apart = true;
  for (let k = 1; k < cands.length && apart; k++) apart = cands[k].first > cands[k - 1].last;
  if (apart) return cands;
  const order = cands.map((c, i) => ({ c, i }));
  order.sort((x, y) => y.c.last - y.c.first - (x.c.last - x.c.first) || x.i - y.i);
  const kept: Candidate[] = [];
  for (const { c } of order) {
    if (!kept.some((k) => c.first <= k.last && k.first <= c.last)) kept.push(c);
  }
  return kept.sort((a, b) => a.first - b.first);
}
