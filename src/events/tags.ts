/**
 * Part-of-speech access for the clause analyser. The `pos` stage's Penn tags are used when present; a
 * token without a tag gets a rough guess from its word, so the analyser degrades instead of failing on a
 * document the tagger has not seen (and hand-built test documents stay short).
 */
import type { Token } from '../doc.js';

const MODALS = new Set([
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  "'ll",
  'wo',
  'ca',
]);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", "'m"]);
const HAVE = new Set(['has', 'have', 'had', 'having', "'ve", "'d"]);
const DO = new Set(['do', 'does', 'did']);
const NEG = new Set(['not', "n't", 'never', 'n’t']);
/** A bit per length of a `NEG` word (for `isNegation`). */
const NEG_LENGTHS = lengthBits(NEG);
const DET = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  'some',
  'any',
  'each',
  'every',
  'no',
]);
const PREP = new Set([
  'of',
  'in',
  'on',
  'at',
  'to',
  'with',
  'from',
  'by',
  'for',
  'against',
  'into',
  'over',
  'between',
  'during',
  'after',
  'before',
  'toward',
  'towards',
  'about',
  'under',
  'near',
  'along',
  'amid',
  'through',
  'since',
  'despite',
  'across',
  'upon',
]);
const SUBORDINATORS = new Set([
  'if',
  'unless',
  'whether',
  'because',
  'while',
  'although',
  'though',
  'as',
  'when',
  'where',
  'than',
]);
const PRON = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'them', 'us']);

/**
 * Penn tags for a sentence's tokens: the stored tag where there is one, else a guess. `verbs` holds the
 * lemmas the lexicon knows as verb heads.
 */
export function sentenceTags(
  tokens: readonly Token[],
  from: number,
  to: number,
  lemmas: readonly string[],
  verbs: ReadonlySet<string>,
  out: string[],
): void {
  for (let i = from; i < to; i++) out[i] = tokens[i]!.tag ?? guessTag(tokens, i, from, lemmas, verbs, out);
}

function guessTag(
  tokens: readonly Token[],
  i: number,
  from: number,
  lemmas: readonly string[],
  verbs: ReadonlySet<string>,
  tags: readonly string[],
): string {
  const text = tokens[i]!.text;
  const w = text.toLowerCase();
  if (MODALS.has(w)) return 'MD';
  if (NEG.has(w)) return 'RB';
  if (w === "'s" || w === '’s')
    return i > from && /^(he|she|it|that|there)$/i.test(tokens[i - 1]!.text) ? 'VBZ' : 'POS';
  if (BE.has(w) || HAVE.has(w) || DO.has(w))
    return w.endsWith('ing') ? 'VBG' : /^(was|were|had|did)$/.test(w) ? 'VBD' : w === 'been' ? 'VBN' : 'VBZ';
  if (w === 'to') return 'TO';
  if (DET.has(w)) return 'DT';
  if (PREP.has(w)) return 'IN';
  if (PRON.has(w)) return 'PRP';
  if (w === 'and' || w === 'or' || w === 'but') return 'CC';
  if (w === 'who' || w === 'which') return 'WDT';
  if (SUBORDINATORS.has(w)) return 'IN';
  if (!/\p{L}/u.test(text)) return /\p{N}/u.test(text) ? 'CD' : text;
  const prev = i > from ? tags[i - 1]! : '';
  const prevWord = i > from ? tokens[i - 1]!.text.toLowerCase() : '';
  const nominalContext =
    prev === 'DT' || prev === 'POS' || prev === 'JJ' || prev === 'PRP$' || prevWord === 'of';
  if (verbs.has(lemmas[i]!) && !nominalContext) {
    if (w.endsWith('ed') || (w !== lemmas[i] && !w.endsWith('s') && !w.endsWith('ing')))
      return prev.startsWith('VB') ? 'VBN' : 'VBD';
    if (w.endsWith('ing')) return 'VBG';
    if (w.endsWith('s')) return 'VBZ';
    return prev === 'TO' || prev === 'MD' ? 'VB' : 'VBP';
  }
  if (/^\p{Lu}/u.test(text) && i > from) return 'NNP';
  if (w.endsWith('ly')) return 'RB';
  return w.endsWith('s') && !w.endsWith('ss') ? 'NNS' : 'NN';
}

// Tag tests run for every token: a prefix is checked by character codes (`V` 86, `B` 66, `N` 78, `J` 74).

export function isVerbTag(tag: string): boolean {
  return (tag.charCodeAt(0) === 86 && tag.charCodeAt(1) === 66) || tag === 'MD';
}

export function isNounTag(tag: string): boolean {
  return tag.charCodeAt(0) === 78 && tag.charCodeAt(1) === 78;
}

/** Tags of words that may sit inside a noun phrase before its head (`a state visit`, `Chinese troops`). */
export function isModifierTag(tag: string): boolean {
  const a = tag.charCodeAt(0);
  const b = tag.charCodeAt(1);
  return (
    tag === 'DT' ||
    (a === 74 && b === 74) ||
    (a === 78 && b === 78) ||
    tag === 'CD' ||
    tag === 'PRP$' ||
    tag === 'POS' ||
    tag === 'VBN' ||
    tag === 'VBG' ||
    tag === 'HYPH' ||
    tag === 'PDT'
  );
}

/**
 * A bit per length of the words of `words`, lengths from 31 up sharing bit 31: a word whose bit
 * (`hasLength`) is clear is none of them, told without lower-casing it (lower-casing changes a length
 * only by adding U+0307, which none of these words holds).
 */
export function lengthBits(words: Iterable<string>): number {
  let bits = 0;
  for (const w of words) bits |= 1 << Math.min(w.length, 31);
  return bits;
}

/** Whether `lengthBits` set the bit of length `n`. */
export function hasLength(bits: number, n: number): boolean {
  return ((bits >>> (n < 31 ? n : 31)) & 1) === 1;
}

/** `not`, `n't`, `never` in any case (most words told apart by their length: see `lengthBits`). */
export function isNegation(word: string): boolean {
  return hasLength(NEG_LENGTHS, word.length) && NEG.has(word.toLowerCase());
}

/**
 * Repairs the tagger's commonest slips around event words: `are demanding/JJ`, `has been attacked/JJ`
 * (a lexicon verb in -ing or -ed right after a form of `be` or `have` is a participle), and `to
 * demands/VBZ`, `its demands/VBZ` (a finite verb form after `to` or a determiner is a noun).
 */
export function repairParticiples(
  tokens: readonly Token[],
  from: number,
  to: number,
  lemmas: readonly string[],
  verbs: ReadonlySet<string>,
  tags: string[],
): void {
  for (let i = from + 1; i < to; i++) {
    const t = tags[i]!;
    const before = tags[i - 1]!;
    // `to demands/VBZ`, `its demands/VBZ`: a finite verb form right after `to` or a determiner is a noun.
    if (
      (t === 'VBZ' || t === 'VBD' || t === 'VBP') &&
      (before === 'TO' || before === 'DT' || before === 'PRP$' || before === 'POS')
    ) {
      tags[i] = tokens[i]!.text.endsWith('s') ? 'NNS' : 'NN';
      continue;
    }
    if (t.startsWith('VB') || !verbs.has(lemmas[i]!)) continue;
    const prev = lemmas[i - 1];
    if (prev !== 'be' && prev !== 'have') continue;
    const w = tokens[i]!.text.toLowerCase();
    if (w.endsWith('ing')) tags[i] = 'VBG';
    else if (w.endsWith('ed') || w !== lemmas[i]) tags[i] = 'VBN';
  }
}
