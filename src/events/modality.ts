/**
 * Modality and negation of an event from its verb group and the verbs governing it: `will visit` and
 * `plans to visit` are planned, `would`/`could`, `urged ... to` and `if` clauses hypothetical (but
 * `would` under a past verb of saying is the future of reported speech: planned), `not`, `never` and
 * `refused to` negate.
 */
import type { Modality } from '../doc.js';
import { coordinatedWith, governorOf, type ClauseView, type VerbGroup } from './clause.js';
import type { GovernorEffect } from './lexicon.js';
import { hasLength, lengthBits } from './tags.js';

export interface ModalityReading {
  modality: Modality;
  negated: boolean;
  /** A promise or agreement governs the event (`agreed to cooperate`): CAMEO codes it as intent (03x). */
  intent: boolean;
  /** The rule that decided, for provenance (`modal:will`, `governor:plan`, `conditional:if`). */
  why: string | null;
}

const HYPOTHETICAL_MODALS = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', 'ought']);
const CONDITIONAL = new Set(['if', 'unless', 'whether']);
/** A bit per length of a `CONDITIONAL` word. */
const CONDITIONAL_LENGTHS = lengthBits(CONDITIONAL);

export function readModality(
  view: ClauseView,
  g: VerbGroup,
  governors: ReadonlyMap<string, GovernorEffect>,
  reportedSpeech: boolean,
  depth = 0,
): ModalityReading {
  const r: ModalityReading = { modality: 'asserted', negated: g.negated, intent: false, why: null };
  own(g, r, reportedSpeech);
  // `will uphold its stance and play a role`: a coordinated verb takes the first one's reading; so
  // does a purpose infinitive (`would meet Putin to promote cooperation`).
  const coord =
    r.modality === 'asserted' && depth < 4 ? (coordinatedWith(view, g) ?? purposeOf(view, g)) : null;
  if (coord && !g.modal) {
    const first = readModality(view, coord, governors, reportedSpeech, depth + 1);
    // (written out, in `r`'s field order: a spread made readings of a second shape)
    return {
      modality: first.modality,
      negated: first.negated || g.negated,
      intent: first.intent,
      why: first.why,
    };
  }
  // Walk up the chain of governing verbs: `will seek to hold talks`, `refused to agree to meet`.
  let cur = g;
  for (let depth = 0; depth < 4; depth++) {
    const gov = governorOf(view, cur);
    let govGroup: VerbGroup;
    let lemma: string;
    if (gov) {
      govGroup = gov.group;
      lemma = view.lemma[govGroup.head]!;
      // `is to visit`, `is due to`, `is ready to`: the adjective or the copula governs.
      const before = cur.start - 2;
      if (lemma === 'be' && before >= 0 && governors.has(view.lemma[before]!)) lemma = view.lemma[before]!;
      else if (lemma === 'be') lemma = 'plan';
      if (lemma === 'go' && govGroup.future) lemma = 'plan';
    } else break;
    const effect = governors.get(lemma);
    if (effect === 'negated') {
      r.negated = true;
      r.why ??= `governor:${lemma}`;
    } else if (effect === 'hypothetical' && r.modality === 'asserted') {
      r.modality = 'hypothetical';
      r.why ??= `governor:${lemma}`;
    } else if ((effect === 'planned' || effect === 'intent') && r.modality === 'asserted') {
      r.modality = 'planned';
      r.why ??= `governor:${lemma}`;
    }
    if (effect === 'intent') r.intent = true;
    if (govGroup.negated) r.negated = true;
    if (r.modality === 'asserted') own(govGroup, r, reportedSpeech);
    cur = govGroup;
  }
  if (r.modality !== 'hypothetical' && conditionalClause(view, g)) {
    r.modality = 'hypothetical';
    r.why = 'conditional';
  }
  return r;
}

function own(g: VerbGroup, r: ModalityReading, reportedSpeech: boolean): void {
  if (r.modality !== 'asserted') return;
  if (g.future) {
    r.modality = 'planned';
    r.why ??= 'modal:will';
  } else if (g.modal === 'would' && reportedSpeech) {
    r.modality = 'planned';
    r.why ??= 'modal:would-reported';
  } else if (g.modal && HYPOTHETICAL_MODALS.has(g.modal)) {
    r.modality = 'hypothetical';
    r.why ??= `modal:${g.modal}`;
  }
}

/** `if`, `unless`, `whether` in any case (most words told apart by their length: see `lengthBits`). */
function isConditional(word: string): boolean {
  return hasLength(CONDITIONAL_LENGTHS, word.length) && CONDITIONAL.has(word.toLowerCase());
}

/** An `if`/`unless` before the group within its clause. */
function conditionalClause(view: ClauseView, g: VerbGroup): boolean {
  const from = view.sentenceStart[g.start]!;
  for (let k = g.start - 1; k >= from && k >= g.start - 12; k--) {
    if (isConditional(view.tokens[k]!.text)) return true;
    if (view.groupAt[k]! >= 0 || view.tokens[k]!.text === ';') return false;
  }
  return false;
}

/** The clause a purpose infinitive serves (`... to promote`, with no governing verb right before). */
function purposeOf(view: ClauseView, g: VerbGroup): VerbGroup | null {
  const from = view.sentenceStart[g.start]!;
  const k = g.start - 1;
  if (k <= from || view.tag[k] !== 'TO' || governorOf(view, g)) return null;
  for (let j = k - 1; j >= from; j--) {
    const gi = view.groupAt[j]!;
    if (gi >= 0) return view.groups[gi]!;
    if (view.tokens[j]!.text === ';') return null;
  }
  return null;
}
