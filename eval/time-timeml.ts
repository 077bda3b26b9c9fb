/**
 * TimeML reading and TempEval-3 scoring for the `times` evaluation. A `.tml` file's `<TEXT>` with its tags
 * stripped is the article; its TIMEX3 elements are the gold spans; the DCT (outside the text) is the
 * publication date.
 */
import type { TimeExpression } from '../src/doc.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimemlDoc {
  id: string;
  dct: string | null;
  text: string;
  gold: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);
const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export function readTimeml(id: string, content: string): TimemlDoc {
  const dctTag = /<DCT>[^<]*(<TIMEX3[^>]*>)/.exec(content)?.[1];
  const dctValue = dctTag ? attr(dctTag, 'value') : undefined;
  const dct = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const open = content.indexOf('<TEXT>');
  const close = content.lastIndexOf('</TEXT>');
  const body = open >= 0 && close > open ? content.slice(open + 6, close) : '';
  let text = '';
  const gold: GoldTimex[] = [];
  let current: { start: number; type: string; value: string } | null = null;
  const TAG = /<[^>]+>/g;
  let last = 0;
  for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
    text += decode(body.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[0];
    if (tag.startsWith('<TIMEX3')) {
      current = { start: text.length, type: attr(tag, 'type') ?? '', value: attr(tag, 'value') ?? '' };
    } else if (tag === '</TIMEX3>' && current) {
      gold.push({ ...current, end: text.length, text: text.slice(current.start, text.length) });
      current = null;
    }
  }
  text += decode(body.slice(last));
  return { id, dct, text, gold };
}

export interface TimeScore {
  gold: number;
  system: number;
  strict: number;
  relaxedGold: number;
  relaxedSystem: number;
  typeCorrect: number;
  valueCorrect: number;
  matchedPairs: number;
}

export interface ScoredPair {
  gold: GoldTimex | null;
  system: Pick<TimeExpression, 'start' | 'end' | 'text' | 'type' | 'value'> | null;
}

export function emptyScore(): TimeScore {
  return {
    gold: 0,
    system: 0,
    strict: 0,
    relaxedGold: 0,
    relaxedSystem: 0,
    typeCorrect: 0,
    valueCorrect: 0,
    matchedPairs: 0,
  };
}

/**
 * TempEval-3: a relaxed match is any overlap; each system expression pairs with the first gold one it
 * overlaps (one-to-one). Type and value are compared on matched pairs; value F1 counts a match only when
 * the values are equal.
 */
export function scoreDoc(
  gold: GoldTimex[],
  system: ScoredPair['system'][],
  score: TimeScore,
  pairs: ScoredPair[],
): void {
  score.gold += gold.length;
  score.system += system.length;
  const used = new Set<number>();
  for (const s of system) {
    if (!s) continue;
    let match = -1;
    for (let g = 0; g < gold.length; g++) {
      if (used.has(g)) continue;
      if (gold[g].start < s.end && s.start < gold[g].end) {
        match = g;
        break;
      }
    }
    if (match < 0) {
      pairs.push({ gold: null, system: s });
      continue;
    }
    used.add(match);
    const g = gold[match];
    score.relaxedGold++;
    score.relaxedSystem++;
    score.matchedPairs++;
    if (g.start === s.start && g.end === s.end) score.strict++;
    if (g.type === s.type) score.typeCorrect++;
    if (g.value === s.value) score.valueCorrect++;
    pairs.push({ gold: g, system: s });
  }
  gold.forEach((g, k) => {
    if (!used.has(k)) pairs.push({ gold: g, system: null });
  });
}

export function prf(correct: number, system: number, gold: number): { p: number; r: number; f: number } {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface TimeReport {
  docs: number;
  score: TimeScore;
  strict: { p: number; r: number; f: number };
  relaxed: { p: number; r: number; f: number };
  typeAccuracy: number;
  value: { p: number; r: number; f: number };
}

export function report(docs: number, score: TimeScore): TimeReport {
  return {
    docs,
    score,
    strict: prf(score.strict, score.system, score.gold),
    relaxed: prf(score.relaxedSystem, score.system, score.gold),
    typeAccuracy: score.matchedPairs ? score.typeCorrect / score.matchedPairs : 0,
    value: prf(score.valueCorrect, score.system, score.gold),
  };
}
