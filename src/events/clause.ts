/**
 * Clause analysis over tagged tokens: verb groups (auxiliaries, modal, negation, passive voice), the
 * subject of a verb group (through coordination, relative pronouns and control verbs: `urged Iran to
 * stop`), and the actor filling a target slot (the object, a prepositional phrase, a pattern slot).
 *
 * Everything works on token indexes into `doc.tokens`; the caller fills `lemma`, `tag` and `actorAt`
 * (the actor mention covering each token, or -1) once per document.
 */
import type { Token } from '../doc.js';
import { isModifierTag, isNegation, isVerbTag } from './tags.js';

export interface VerbGroup {
  start: number;
  /** Exclusive. */
  end: number;
  /** The main verb: the group's last verb. */
  head: number;
  /** The first modal's lemma (`will`, `would`, `could`), or null. */
  modal: string | null;
  negated: boolean;
  passive: boolean;
  /** `will visit`, `is going to visit`, `'ll`. */
  future: boolean;
  /** The head is a past form (VBD), or a perfect (`has visited`). */
  past: boolean;
}

export interface ClauseView {
  tokens: readonly Token[];
  lemma: readonly string[];
  tag: readonly string[];
  /** Index of the actor mention covering each token, or -1. */
  actorAt: Int32Array;
  /** Index of the verb group each token belongs to, or -1. */
  groupAt: Int32Array;
  groups: VerbGroup[];
  /** Token range of each token's sentence. */
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  /** 1 for each token inside a DATE or TIME expression (`Thursday`, `last week`), when known. */
  timeAt?: Uint8Array;
  /**
   * 1 for each sentence token tagged as a verb or modal (VB*, MD: `isVerbTag`), else 0: a byte, read
   * by the verb group scan at every token, where the tag would be a string to load.
   */
  verbTag: Uint8Array;
}

/** Token `k` is a time adjunct or the preposition heading one (`on Thursday`). */
export function timeAdjunct(view: ClauseView, k: number): boolean {
  const t = view.timeAt;
  return !!t && (t[k] === 1 || (view.tag[k] === 'IN' && t[k + 1] === 1));
}

const FUTURE = new Set(['will', 'shall', "'ll", 'wo']);
const SAY = new Set([
  'say',
  'tell',
  'announce',
  'add',
  'state',
  'declare',
  'claim',
  'insist',
  'confirm',
  'note',
  'warn',
  'promise',
  'pledge',
  'vow',
  'threaten',
]);
const ADJUNCT = new Set(['after', 'before', 'while', 'by', 'since', 'without', 'despite']);
const RELATIVE = new Set(['who', 'which', 'whom']);
const HARD_STOP = new Set([';', ':', '“', '”', '"', '(', ')', '—', '–']);
const CLAUSE_LINK = new Set([
  'that',
  'because',
  'while',
  'although',
  'though',
  'whereas',
  'if',
  'unless',
  'when',
  'after',
  'before',
  'since',
  'as',
]);

/** Finds the verb groups of one sentence `[from, to)` and appends them to `view.groups`. */
export function findVerbGroups(view: ClauseView, from: number, to: number): void {
  const { tag, lemma, tokens } = view;
  let i = from;
  while (i < to) {
    if (!verbAt(view, i)) {
      i++;
      continue;
    }
    const start = i;
    let head = i;
    let j = i;
    // A group: verbs and modals, with adverbs and negation between them (`has not yet visited`).
    while (j < to) {
      if (verbAt(view, j)) {
        head = j;
        j++;
      } else if (tag[j]!.startsWith('RB') && j + 1 < to && groupContinues(view, j + 1, to)) j++;
      else break;
    }
    const end = head + 1;
    let modal: string | null = null;
    let negated = false;
    let future = false;
    let hasBe = false;
    let hasHave = false;
    for (let k = start; k < end; k++) {
      // Lower-cased only for a modal (`isNegation` takes any case).
      const text = tokens[k]!.text;
      if (tag[k] === 'MD') {
        const w = text.toLowerCase();
        modal ??= FUTURE.has(w) ? 'will' : w;
        if (FUTURE.has(w)) future = true;
      } else if (isNegation(text)) negated = true;
      else if (k < head && lemma[k] === 'be') hasBe = true;
      else if (k < head && lemma[k] === 'have') hasHave = true;
    }
    if (end < to && isNegation(tokens[end]!.text) && lemma[head] === 'be') negated = true;
    const headTag = tag[head]!;
    const passive = hasBe && headTag === 'VBN';
    // `is going to visit`: the group `is going`, then `to visit` is governed by it.
    if (headTag === 'VBG' && tokens[end]?.text.toLowerCase() === 'to' && lemma[head] === 'go') future = true;
    const g: VerbGroup = {
      start,
      end,
      head,
      modal,
      negated,
      passive,
      future,
      past: headTag === 'VBD' || (hasHave && headTag === 'VBN'),
    };
    const index = view.groups.length;
    view.groups.push(g);
    for (let k = start; k < end; k++) view.groupAt[k] = index;
    i = end;
  }
}

/** A verb, unless inside an actor mention: that is never a verb, whatever the tagger said (`Beijing/VBG`). */
function verbAt(view: ClauseView, k: number): boolean {
  return view.verbTag[k] === 1 && view.actorAt[k]! < 0;
}

function groupContinues(view: ClauseView, j: number, to: number): boolean {
  const tag = view.tag;
  while (j < to && tag[j]!.startsWith('RB')) j++;
  return j < to && view.verbTag[j] === 1;
}

/** The group whose head is governed by an earlier verb through `to` (`plans to visit`), with the slot between. */
export function governorOf(view: ClauseView, g: VerbGroup): { group: VerbGroup; object: number } | null {
  const from = view.sentenceStart[g.start]!;
  let k = g.start - 1;
  if (k < from || view.tag[k] !== 'TO') return null;
  k--;
  // `urged Iran to stop`: an object between the governor and `to`.
  let object = -1;
  let time = false;
  for (let steps = 0; k >= from && steps < 8; k--, steps++) {
    const gi = view.groupAt[k]!;
    if (gi >= 0) return { group: view.groups[gi]!, object };
    // `agreed on Thursday to strengthen ties`: a time adjunct between them; but not between an object
    // and `to` (`would blockade Paris from Monday to demand ...` is a purpose, not Paris demanding).
    if (timeAdjunct(view, k)) {
      time = true;
      continue;
    }
    if (view.actorAt[k]! >= 0 && time) return null;
    if (view.actorAt[k]! >= 0 && object < 0) object = view.actorAt[k]!;
    const t = view.tag[k]!;
    if (!isModifierTag(t) && t !== 'PRP' && t !== 'NNP' && t !== ',' && t !== 'RB') return null;
  }
  return null;
}

/**
 * Whether a token is `(`, by its char code: a string compare here had seen only `(` (an internalized
 * string) and, meeting a word at the end of a long parenthesis, sent `subjectOf` back to the interpreter.
 */
function isOpenParenthesis(text: string): boolean {
  return text.length === 1 && text.charCodeAt(0) === 40;
}

/**
 * The actor mention that is the subject of group `g`, or -1. Looks left within the clause; follows
 * coordination (`arrived and met`), relative pronouns (`Russia, which attacked`) and control verbs;
 * for verbs of saying also looks right (`..., said Wang`).
 */
export function subjectOf(view: ClauseView, g: VerbGroup, speech = false, depth = 0): number {
  if (depth > 4) return -1;
  const from = view.sentenceStart[g.start]!;
  const gov = governorOf(view, g);
  if (gov) return gov.object >= 0 ? gov.object : subjectOf(view, gov.group, false, depth + 1);
  // Coordinated verb phrases share the subject: `X arrived and met Y`.
  const coord = coordinatedWith(view, g, speech);
  if (coord) return subjectOf(view, coord, speech, depth + 1);
  let k = g.start - 1;
  while (k >= from && view.tag[k]!.startsWith('RB')) k--;
  // A purpose infinitive takes the subject of the clause it serves: `X will visit Y to promote ...`,
  // also past a long object phrase (`hold talks with Y on ... of common concern to promote ...`).
  if (k >= from && view.tag[k] === 'TO') {
    const prev = previousGroup(view, k, from);
    if (!prev || k - prev.end > 24) return -1;
    // Not across a new clause: `makes it clear that to destroy records ...` has no subject.
    for (let j = prev.end; j < k; j++)
      if (CLAUSE_LINK.has(view.lemma[j]!) || view.tokens[j]!.text === ',') return -1;
    return subjectOf(view, prev, false, depth + 1);
  }
  const w = k >= from ? view.tokens[k]!.text.toLowerCase() : '';
  // A gerund after a preposition: `accused Russia of shelling` (the actor before it), `arrested after
  // attacking` (the clause's subject), `convictions for raping` (nobody named).
  if (k > from && view.tag[k] === 'IN' && view.tag[g.head] === 'VBG' && g.start === g.head) {
    if (view.actorAt[k - 1]! >= 0) return view.actorAt[k - 1]!;
    if (!ADJUNCT.has(w)) return -1;
    const prev = previousGroup(view, k, from);
    return prev ? subjectOf(view, prev, false, depth + 1) : -1;
  }
  if (RELATIVE.has(w) || (w === 'that' && view.tag[k] === 'WDT')) {
    let j = k - 1;
    if (j >= from && view.tokens[j]!.text === ',') j--;
    if (j >= from && view.actorAt[j]! >= 0) return view.actorAt[j]!;
  }
  // `Pakistan, a key U.S. ally, has refused`: skip the apposition to the noun phrase it describes.
  // `Kenya, which hosted Ugandan officials, said`: likewise skip a relative clause or an adjunct phrase
  // between commas.
  if (k > from && view.tokens[k]!.text === ',') {
    let verb = false;
    for (let j = k - 1; j > from && j >= k - 20; j--) {
      if (HARD_STOP.has(view.tokens[j]!.text)) break;
      if (view.groupAt[j]! >= 0) verb = true;
      if (view.tokens[j]!.text === ',') {
        // A relative clause, or an adjunct phrase (`Uganda, under a new accord, will ...`).
        const relative = RELATIVE.has(view.tokens[j + 1]!.text.toLowerCase()) || view.tag[j + 1] === 'IN';
        if ((!verb || relative) && view.actorAt[j - 1]! >= 0) return view.actorAt[j - 1]!;
        break;
      }
      if (verb && j < k - 15) break;
    }
  }
  // Walk left to the nearest actor; one inside a prepositional phrase (`Xi's visit to Russia`, `the
  // president of Russia`) is kept only if the phrase's head has no actor of its own.
  let fallback = -1;
  let noun = false;
  for (let steps = 0; k >= from && steps < 30; k--, steps++) {
    const tok = view.tokens[k]!.text;
    // `The Asia-Pacific Economic Cooperation (APEC) forum`: step over a parenthesis.
    if (tok === ')') {
      let j = k - 1;
      while (j >= from && j > k - 12 && !isOpenParenthesis(view.tokens[j]!.text)) j--;
      if (j >= from && isOpenParenthesis(view.tokens[j]!.text)) {
        k = j;
        continue;
      }
    }
    if (HARD_STOP.has(tok)) break;
    // `..., a port official said`: a subject without an actor; what lies before the comma is not it.
    if (tok === ',' && noun && fallback < 0) break;
    if (view.tag[k]!.startsWith('NN')) noun = true;
    if (view.groupAt[k]! >= 0 && !participle(view, k)) break;
    const low = tok.toLowerCase();
    if (CLAUSE_LINK.has(low) && view.tag[k] !== 'DT' && view.tag[k] !== 'RB') break;
    const m = view.actorAt[k]!;
    if (m < 0) {
      // An unresolved `it`/`they` right after a verb of saying is its speaker: `Syria says it will ...`.
      if (view.tag[k] === 'PRP' && fallback < 0) {
        const say = previousGroup(view, k, from);
        if (say && SAY.has(view.lemma[say.head]!)) return subjectOf(view, say, true, depth + 1);
        return -1;
      }
      continue;
    }
    let start = k;
    while (start > from && view.actorAt[start - 1] === m) start--;
    const before = start - 1;
    const inPP =
      before > from &&
      (view.tag[before] === 'IN' || view.tag[before] === 'TO') &&
      isModifierTag(view.tag[before - 1]!);
    if (!inPP) return m;
    if (fallback < 0) fallback = m;
    k = start;
  }
  if (fallback >= 0) return fallback;
  // `..., said Wang`; but `Officials said Russia ...` has its subject, only without an actor.
  if (speech && !noun) return inverted(view, g);
  return -1;
}

/**
 * The verb group heading the clause token `k` sits in, for attaching adjuncts (`on Friday`) to events:
 * the nearest group to its left in the sentence, so that a participle or relative clause keeps its own
 * (`citing a report published last month, he said`: `last month` is `published`'s). Before any verb
 * (`On Friday, X said`, `Xi's visit next week`), the first finite group after it: the main clause.
 * -1 when there is none.
 */
export function clauseOf(view: ClauseView, k: number): number {
  const from = view.sentenceStart[k]!;
  const to = view.sentenceEnd[k]!;
  let j = k - 1;
  for (; j >= from; j--) {
    const gi = view.groupAt[j]!;
    if (gi >= 0 && !statementParticiple(view, view.groups[gi]!) && !speakingOpener(view, view.groups[gi]!))
      return gi;
    if (HARD_STOP.has(view.tokens[j]!.text)) break;
  }
  for (j = k; j < to; j++) {
    const gi = view.groupAt[j]!;
    if (gi < 0) continue;
    const g = view.groups[gi]!;
    j = g.end - 1;
    if (statementParticiple(view, g)) continue;
    // A participle opening a phrase (`On Friday, citing ...,`) or an infinitive is a clause of its own.
    const before = g.start > from ? view.tokens[g.start - 1]!.text : ',';
    const bare = g.start === g.head && (view.tag[g.head] === 'VBG' || view.tag[g.head] === 'VBN');
    if ((bare && before === ',') || (g.start > from && view.tag[g.start - 1] === 'TO')) continue;
    return gi;
  }
  return -1;
}

const STATEMENT = new Set([
  'statement',
  'communique',
  'communiqué',
  'declaration',
  'interview',
  'speech',
  'remark',
  'letter',
  'briefing',
  'conference',
]);

/**
 * `in a statement released on Sunday`: a participle describing the statement an act is made in is no
 * clause of its own; its time is the act's.
 */
function statementParticiple(view: ClauseView, g: VerbGroup): boolean {
  if (g.start !== g.head || (view.tag[g.head] !== 'VBN' && view.tag[g.head] !== 'VBG')) return false;
  const from = view.sentenceStart[g.start]!;
  const noun = g.start - 1;
  if (noun <= from || !STATEMENT.has(view.lemma[noun]!)) return false;
  for (let j = noun - 1; j >= from && j >= noun - 4; j--) if (view.lemma[j] === 'in') return true;
  return false;
}

const SPEAKING = new Set(['speak', 'talk', 'address', 'write', 'respond', 'reply', 'answer', 'comment']);

/** `Speaking to reporters on Monday, X said`: an opening participle of speaking is the saying itself. */
function speakingOpener(view: ClauseView, g: VerbGroup): boolean {
  return (
    g.start === g.head &&
    g.start === view.sentenceStart[g.start] &&
    view.tag[g.head] === 'VBG' &&
    (SPEAKING.has(view.lemma[g.head]!) || SAY.has(view.lemma[g.head]!))
  );
}

/** A lone participle inside a noun phrase (`aircraft including gunships`, `troops based in`). */
function participle(view: ClauseView, k: number): boolean {
  const g = view.groups[view.groupAt[k]!]!;
  if (g.start !== g.end - 1 || view.lemma[k] === 'be' || view.lemma[k] === 'have') return false;
  if (view.tag[k] === 'VBG' || view.tag[k] === 'VBN') return true;
  // `precision guided/VBD missiles`: a past form between nouns is an adjective.
  return view.tag[k] === 'VBD' && /^NN/.test(view.tag[k + 1] ?? '') && /^(NN|JJ)/.test(view.tag[k - 1] ?? '');
}

/** The verb group `g` is coordinated with (`met Putin and signed`, `..., deepen ...`), or null. */
export function coordinatedWith(view: ClauseView, g: VerbGroup, speech = false): VerbGroup | null {
  const from = view.sentenceStart[g.start]!;
  let k = g.start - 1;
  while (k >= from && view.tag[k]!.startsWith('RB')) k--;
  if (k <= from) return null;
  const w = view.tokens[k]!.text.toLowerCase();
  // `noting that China and Russia, on the basis of ..., will practice`: a verb with its own modal after
  // a comma has its own subject, and so has `..., said Lavrov`; a clause link between the two verbs
  // (`that`) opens another clause.
  if (w === ',' && (speech || g.modal || SAY.has(view.lemma[g.head]!))) return null;
  if (w === 'and' || w === 'but' || w === 'or' || w === ',') {
    let j = k - 1;
    if (w === 'and' && view.tokens[j]!.text === ',') j--;
    const prev = previousGroup(view, j + 1, from);
    if (!prev) return null;
    for (let i = prev.end; i < j; i++)
      if (CLAUSE_LINK.has(view.lemma[i]!) && view.tag[i] !== 'DT' && view.tag[i] !== 'RB') return null;
    return prev;
  }
  return null;
}

function inverted(view: ClauseView, g: VerbGroup): number {
  const to = view.sentenceEnd[g.start]!;
  for (let k = g.end; k < to && k < g.end + 5; k++) {
    if (view.actorAt[k]! >= 0) return view.actorAt[k]!;
    if (!isModifierTag(view.tag[k]!)) break;
  }
  return -1;
}

function previousGroup(view: ClauseView, k: number, from: number): VerbGroup | null {
  for (let j = k - 1; j >= from; j--) {
    const gi = view.groupAt[j]!;
    if (gi >= 0) return view.groups[gi]!;
    if (HARD_STOP.has(view.tokens[j]!.text)) return null;
  }
  return null;
}

/** The `by` agent of a passive group (`was attacked by rebels`), or -1. */
export function agentOf(view: ClauseView, g: VerbGroup): number {
  const to = view.sentenceEnd[g.start]!;
  for (let k = g.end; k < to && k < g.end + 6; k++) {
    if (view.lemma[k] === 'by') return firstActor(view, k + 1, Math.min(to, k + 8));
    if (view.groupAt[k]! >= 0 || HARD_STOP.has(view.tokens[k]!.text)) break;
  }
  return -1;
}

/** The first actor mention in `[from, to)` inside one noun phrase, or -1. */
export function firstActor(view: ClauseView, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (view.actorAt[k]! >= 0) return view.actorAt[k]!;
    const t = view.tag[k]!;
    if (isModifierTag(t) || t === 'RB' || t === 'PRP' || t === 'JJR' || t === 'RP') continue;
    const w = view.lemma[k]!;
    // `of`/`in` chains (`targets in Jericho`) and quantities (`more than 100`, `at least 5`, `up to 20`).
    if (w === 'of' || (w === 'in' && k > from && view.tag[k - 1]!.startsWith('NN'))) continue;
    if (QUANTITY.has(w) && (view.tag[k + 1] === 'CD' || view.lemma[k + 1] === 'least')) continue;
    return -1;
  }
  return -1;
}

const QUANTITY = new Set(['than', 'at', 'up', 'to', 'about', 'nearly', 'almost', 'around', 'over', 'some']);

/**
 * The actor filling `slot` after token `after` (exclusive end of the trigger phrase): `obj` the noun
 * phrase right after it, a preposition the phrase it heads later in the clause. -1 when none.
 */
export function slotActor(view: ClauseView, slot: string, after: number, skip: ReadonlySet<number>): number {
  const to = view.sentenceEnd[Math.max(0, after - 1)]!;
  if (slot === 'obj') {
    const m = firstActor(view, after, Math.min(to, after + 8));
    return skip.has(m) ? -1 : m;
  }
  if (slot === 'that') {
    // `demanded (on Friday) that Israel ...`: the subject of the complement clause.
    for (let k = after; k < to && k < after + 5; k++) {
      if (view.lemma[k] === 'that') {
        const m = firstActor(view, k + 1, Math.min(to, k + 6));
        return skip.has(m) ? -1 : m;
      }
      if (view.groupAt[k]! >= 0 || HARD_STOP.has(view.tokens[k]!.text)) break;
    }
    return -1;
  }
  if (slot === 'vp') return complementActor(view, after, to, skip);
  for (let k = after; k < to && k < after + 16; k++) {
    const tok = view.tokens[k]!.text;
    if (HARD_STOP.has(tok) || view.lemma[k] === 'that') break;
    // Another clause's verb ends the search, except participles inside noun phrases.
    if (view.groupAt[k]! >= 0 && view.tag[k] !== 'VBN' && view.tag[k] !== 'VBG') break;
    if (view.lemma[k] === slot || (slot === 'toward' && view.lemma[k] === 'towards')) {
      const m = firstActor(view, k + 1, Math.min(to, k + 8));
      if (m >= 0 && !skip.has(m)) return m;
    }
  }
  return -1;
}

/**
 * `threatened to resume attacks in Israel`, `offered to hand over to Britain`: the first actor inside
 * the infinitive the phrase governs, for verbs whose target sits there. -1 when none.
 */
function complementActor(view: ClauseView, after: number, to: number, skip: ReadonlySet<number>): number {
  let k = after;
  while (k < to && k < after + 3 && view.tag[k] !== 'TO') k++;
  if (k >= to || view.tag[k] !== 'TO' || k + 1 >= to || !isVerbTag(view.tag[k + 1]!)) return -1;
  for (k += 2; k < to && k < after + 16; k++) {
    const tok = view.tokens[k]!.text;
    if (HARD_STOP.has(tok) || view.lemma[k] === 'that' || tok === ',') break;
    const m = view.actorAt[k]!;
    if (m >= 0 && !skip.has(m)) return m;
  }
  return -1;
}
