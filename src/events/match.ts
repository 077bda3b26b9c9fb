/**
 * Finds lexicon phrases in a sentence: one map lookup per token, then the few entries starting with that
 * lemma are tried, longest first. Gaps (`~`) and slots (`X`) are bounded, so matching stays linear.
 */
import { timeAdjunct, type ClauseView } from './clause.js';
import type { EventLexicon, LexiconEntry, PatternPart } from './lexicon.js';
import { isModifierTag, isNounTag, isVerbTag } from './tags.js';

export interface PhraseMatch {
  entry: LexiconEntry;
  /** Token range `[start, end)` of the whole phrase. */
  start: number;
  end: number;
  /** Token range of the `X` slot, when the pattern has one. */
  slot: [number, number] | null;
}

const MAX_GAP = 6;
const MAX_SLOT = 6;

/**
 * The phrase starting at token `i`, if any; `to` is the sentence's end. `entries` are the lexicon's
 * entries starting with the token's lemma (or those of them its tag allows), when the caller has them.
 */
export function matchAt(
  lexicon: EventLexicon,
  view: ClauseView,
  i: number,
  to: number,
  entries?: readonly LexiconEntry[],
): PhraseMatch | null {
  const list = entries ?? lexicon.byFirst.get(view.lemma[i]!);
  if (!list) return null;
  const tag = view.tag[i]!;
  // An auxiliary is no trigger: `has been mediating talks` is not `have ~ talk`.
  const gi = view.groupAt[i]!;
  const w = view.lemma[i]!;
  const auxiliary = gi >= 0 && view.groups[gi]!.head !== i && (w === 'have' || w === 'do' || w === 'get');
  const next = i + 1 < to ? view.lemma[i + 1]! : null;
  const slot = slotScratch;
  for (const entry of list) {
    if (entry.kind === 'v' && (!isVerbTag(tag) || auxiliary)) continue;
    if (entry.kind === 'n' && !isNounTag(tag)) continue;
    // The commonest miss, without a call: the pattern's second word is not the next token's.
    if (entry.second !== null && entry.second !== next) continue;
    slot[0] = slot[1] = -1;
    const end = matchParts(view, entry.parts, 1, i + 1, to, slot);
    if (end < 0) continue;
    // The slot's pair is made on every match, not only on one with a slot (rare): see `matchParts`.
    const filled: [number, number] = [slot[0], slot[1]];
    return { entry, start: i, end, slot: filled[0] >= 0 ? filled : null };
  }
  return null;
}

/** Where `matchParts` notes the slot it filled (it writes only on a match), copied out on a match. */
const slotScratch: [number, number] = [-1, -1];

function matchParts(
  view: ClauseView,
  parts: readonly PatternPart[],
  p: number,
  k: number,
  to: number,
  slot: [number, number],
): number {
  if (p === parts.length) return k;
  const part = parts[p]!;
  if ('lemma' in part) {
    // A pattern's preposition heading a time is no part of it: `agreed on Thursday` is no `agree on`.
    if (k < to && view.lemma[k] === part.lemma && !(view.tag[k] === 'IN' && timeAdjunct(view, k)))
      return matchParts(view, parts, p + 1, k + 1, to, slot);
    return -1;
  }
  if ('gap' in part) {
    for (let n = 0; n <= MAX_GAP && k + n <= to; n++) {
      const t = n > 0 ? view.tag[k + n - 1]! : '';
      // Modifiers, `and` between them, and `of` inside a measure (`25,000 tons of food aid`).
      const of = view.lemma[k + n - 1] === 'of' && n > 1 && view.tag[k + n - 2]!.startsWith('NN');
      if (n > 0 && !isModifierTag(t) && !(t === 'CC' && n > 1) && !of) break;
      const end = matchParts(view, parts, p + 1, k + n, to, slot);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (p === parts.length - 1) {
    // A slot at the end of a pattern (`call on X`) takes the whole noun phrase there.
    let n = 0;
    while (n < MAX_SLOT && k + n < to) {
      const t = view.tag[k + n]!;
      if (!(
        isModifierTag(t) ||
        t === 'NNP' ||
        t === 'NNPS' ||
        t === 'PRP' ||
        t === 'CC' ||
        view.actorAt[k + n]! >= 0
      ))
        break;
      n++;
    }
    if (n === 0) return -1;
    slot[0] = k;
    slot[1] = k + n;
    return k + n;
  }
  for (let n = 1; n <= MAX_SLOT && k + n <= to; n++) {
    const t = view.tag[k + n - 1]!;
    if (isVerbTag(t) || t === '.' || t === ':' || t === ',') break;
    const end = matchParts(view, parts, p + 1, k + n, to, slot);
    // Written on every try, keeping the old values but on a match: code that has not run when V8
    // optimizes the matcher (a slot inside a pattern matches rarely) would send it back to the interpreter.
    const matched = end >= 0;
    const slotEnd = k + n;
    slot[0] = matched ? k : slot[0];
    slot[1] = matched ? slotEnd : slot[1];
    if (matched) return end;
  }
  return -1;
}
