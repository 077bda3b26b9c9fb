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
  // Longest first, the earlier proposal first among equals (an insertion sort: a sentence has a few).
  const order: Candidate[] = [];
  for (const c of cands) {
    const span = c.last - c.first;
    let j = order.length;
    while (j > 0 && order[j - 1].last - order[j - 1].first < span) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = c;
  }
  // Each kept unless it overlaps one kept before it; the kept are apart, so their starts differ, and
  // they end up in order of their start.
  const kept: Candidate[] = [];
  for (const c of order) {
    if (kept.some((k) => c.first <= k.last && k.first <= c.last)) continue;
    let j = kept.length;
    while (j > 0 && kept[j - 1].first > c.first) {
      kept[j] = kept[j - 1];
      j--;
    }
    kept[j] = c;
  }
  return kept;
}
