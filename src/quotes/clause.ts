/** Helpers for walking a clause around a cue: adjuncts after a verb, the object of `tell`, punctuation. */
import type { Token } from '../doc.js';
import {
  DETERMINERS,
  isCapitalised,
  isWord,
  OBJECT_PRONOUNS,
  PHRASE_BREAKERS,
  SUBJECT_PRONOUNS,
} from './words.js';

const ADJUNCT_PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'via',
  'through',
  'from',
  'to',
  'with',
  'late',
  'early',
]);
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
  'recently',
  'earlier',
  'later',
  'again',
  'also',
  'repeatedly',
  'publicly',
  'privately',
  'last',
  'this',
  'morning',
  'afternoon',
  'evening',
  'night',
  'week',
  'month',
  'year',
  'then',
]);

const lower = (t: Token) => t.text.toLowerCase();

/** Punctuation that ends a clause (`.`, `!`, `?`, `;`) or closes a quotation, trimmed off content ends. */
export function isTrailingPunct(t: Token): boolean {
  return t.text.length === 1 && '.!?;:,”"’»)'.includes(t.text);
}

/** Skips `in a statement on Friday`, `Thursday morning`, `on Fox News` after a verb, from `i`. */
export function skipAdjuncts(tokens: readonly Token[], i: number, hi: number): number {
  let j = i;
  for (let rounds = 0; rounds < 4 && j < hi; rounds++) {
    const w = lower(tokens[j]);
    if (TIME_WORDS.has(w)) {
      j++;
      continue;
    }
    if (!ADJUNCT_PREPOSITIONS.has(w)) break;
    let k = j + 1;
    // `in a televised address`: a participle before a noun is an adjective here.
    const adjectival = (i: number) =>
      /^VB[NG]$/.test(tokens[i].tag ?? '') && i + 1 < hi && /^NN/.test(tokens[i + 1].tag ?? '');
    while (k < hi && k - j <= 5 && (phraseLike(tokens[k]) || adjectival(k))) k++;
    if (k === j + 1) break;
    j = k;
  }
  return j;
}

function phraseLike(t: Token): boolean {
  const w = lower(t);
  if (w === "'s" || w === '’s') return true;
  if (!isWord(t.text)) return false;
  if (t.tag) return /^(NN|JJ|CD|POS|DT|PRP\$)/.test(t.tag);
  return !PHRASE_BREAKERS.has(w) && !SUBJECT_PRONOUNS.has(w);
}

/** Skips the addressee of `tell` (`told reporters`, `told a regular press briefing`, `told CNN`). */
export function skipObject(tokens: readonly Token[], i: number, hi: number): number {
  if (i >= hi) return i;
  const t = tokens[i];
  const w = lower(t);
  if (OBJECT_PRONOUNS.has(w)) return i + 1;
  if (DETERMINERS.has(w)) {
    let k = i + 1;
    while (k < hi && k - i <= 5 && phraseLike(tokens[k]) && !DETERMINERS.has(lower(tokens[k]))) k++;
    return k;
  }
  if (isCapitalised(t.text) && isWord(t.text)) {
    let k = i + 1;
    while (
      k < hi &&
      k - i <= 4 &&
      ((isCapitalised(tokens[k].text) && isWord(tokens[k].text)) || /^['’]s$/.test(tokens[k].text))
    )
      k++;
    return k;
  }
  if (isWord(t.text) && !PHRASE_BREAKERS.has(w) && !SUBJECT_PRONOUNS.has(w)) return i + 1;
  return i;
}
