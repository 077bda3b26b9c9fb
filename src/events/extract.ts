/**
 * The event extractor: finds lexicon phrases in each sentence, fills their frames from the clause
 * (source, target, modality, negation), dates them from the time expressions of their sentence, and
 * proposes one event per phrase. Refiners (refine.ts) then recode and merge the proposals.
 */
import type { Actor, Doc, Event, EventArgument, Quote, Span, TimeExpression, Token } from '../doc.js';
import { eventCode } from '../ontology/event-codes.js';
import { emptyObjectArray } from '../object-arrays.js';
import {
  agentOf,
  clauseOf,
  findVerbGroups,
  governorOf,
  slotActor,
  subjectOf,
  type ClauseView,
  type VerbGroup,
} from './clause.js';
import { eventResources, type EventResources, type LexiconEntry } from './lexicon.js';
import { matchAt, type PhraseMatch } from './match.js';
import { readModality, type ModalityReading } from './modality.js';
import { isModifierTag, isNounTag, repairParticiples, sentenceTags } from './tags.js';
import type { WordFacts } from './words.js';

export const STAGE = 'events';

/** A proposed event before refinement: the event plus what the refiners need to know. */
export interface Proposal {
  event: Event;
  match: PhraseMatch;
  /** The date came from a time expression in the text (not the publication date). */
  datedInText: boolean;
  /** A definite noun without an actor of its own (`the visit`): evidence for an earlier event. */
  anaphoric: boolean;
  /** A statement (root 01) made by a verb of saying: its content may recode it. */
  speech: boolean;
  /** Token range of what was said, for statements. */
  content: [number, number] | null;
  /** A promise or agreement governs the event (`agreed to cooperate`). */
  intent: boolean;
  /** What made the modality (`modal:will`, `governor:urge`), or null. */
  why: string | null;
  /** Index of the trigger's verb group, and of the group governing it through `to`, or -1. */
  group: number;
  governor: number;
}

/** Everything one document's extraction needs, computed once. */
export interface DocView extends ClauseView {
  doc: Doc;
  actors: Map<string, Actor>;
  mentionActor: (string | null)[];
  /** Content cue matches (`double standards`), as token ranges with their rule. */
  cues: { start: number; end: number; rule: string; code: string }[];
  /** First and last (exclusive) token of each mention, or -1. */
  mentionStart: Int32Array;
  mentionEnd: Int32Array;
  /**
   * The lexicon entries each sentence token may start, or null: those of `byFirst.get(lemma[i])` that
   * its tag allows (see `EntrySets`), kept from the word facts; with `reuse`, a buffer shared like the
   * typed arrays.
   */
  entriesAt: readonly (readonly LexiconEntry[] | null)[];
}

const NOUN = { anaphoric: true, speech: false, content: null, group: -1, governor: -1 };
const LIGHT_VERBS = new Set([
  'have',
  'hold',
  'make',
  'conduct',
  'launch',
  'carry',
  'stage',
  'begin',
  'start',
  'resume',
  'continue',
  'announce',
  'pay',
  'undertake',
  'open',
  'impose',
  'provide',
  'send',
]);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'such']);

/**
 * Builds the view of a document. With `reuse`, the view's typed arrays share buffers with the view
 * built by the previous call with `reuse`, which they overwrite: for a caller that is done with one
 * view before it builds the next (`codeEvents`), this spares allocating them for each document.
 */
export function buildView(doc: Doc, res: EventResources = eventResources(), reuse = false): DocView {
  const tokens = doc.tokens ?? [];
  const n = tokens.length;
  const mentions = doc.mentions ?? [];
  const m = mentions.length;
  const { ints, bytes } = buffers(4 * n + 2 * m, 2 * n, reuse);
  // (filled below: each token's sentence, 0 for a token outside every sentence)
  const sentenceStart = ints.subarray(0, n);
  const sentenceEnd = ints.subarray(n, 2 * n);
  const actorAt = ints.subarray(2 * n, 3 * n).fill(-1);
  const groupAt = ints.subarray(3 * n, 4 * n).fill(-1);
  const mentionStart = ints.subarray(4 * n, 4 * n + m).fill(-1);
  const mentionEnd = ints.subarray(4 * n + m, 4 * n + 2 * m).fill(-1);
  const timeAt = bytes.subarray(0, n).fill(0);
  // (written by `settle` for every sentence token)
  const verbTag = bytes.subarray(n, 2 * n);
  const lemma = new Array<string>(n);
  const facts = reuse ? (factsScratch = grown(factsScratch, n)) : new Array<WordFacts | null>(n).fill(null);
  const entriesAt = reuse ? (entriesScratch = grown(entriesScratch, n)) : new Array<Entries>(n).fill(null);
  res.words.fill(tokens, n, facts, lemma);
  const tag = new Array<string>(n);
  // Tokens outside every sentence (none in a segmented document) keep their base lemmas, and sentence
  // range 0 to 0. Each token before `outside` is in some sentence seen or given that already.
  let outside = 0;
  for (const s of doc.sentences ?? []) {
    const from = s.tokenStart;
    const to = s.tokenEnd;
    if (outside < from) outsideSentences(facts, outside, from, lemma, sentenceStart, sentenceEnd);
    outside = Math.max(outside, to);
    if (!repairAndLemmatize(tokens, from, to, facts, lemma, tag, entriesAt, verbTag)) {
      // Some token has no tag (a hand-built document): guess, repair, then give verbs their verb lemma.
      baseLemmas(facts, from, to, lemma);
      sentenceTags(tokens, from, to, lemma, res.verbs, tag);
      repairParticiples(tokens, from, to, lemma, res.verbs, tag);
      for (let i = from; i < to; i++) settle(facts[i]!, tag[i]!, lemma, entriesAt, verbTag, i);
    }
    sentenceStart.fill(from, from, to);
    sentenceEnd.fill(to, from, to);
  }
  if (outside < n) outsideSentences(facts, outside, n, lemma, sentenceStart, sentenceEnd);
  const actors = new Map<string, Actor>();
  for (const a of doc.actors ?? []) actors.set(a.id, a);
  const mentionActor = new Array<string | null>(m);
  let sorted = true;
  for (let i = 0; i < m; i++) {
    const actor = mentions[i]!.actor;
    mentionActor[i] = actor && actors.has(actor) ? actor : null;
    if (i > 0 && mentions[i]!.start < mentions[i - 1]!.start) sorted = false;
  }
  // Mentions and tokens are both in text order: one merge pass.
  const order = sorted
    ? null
    : mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  let t = 0;
  for (let o = 0; o < m; o++) {
    const mi = order ? order[o]! : o;
    const mention = mentions[mi]!;
    while (t < n && tokens[t]!.end <= mention.start) t++;
    let k = t;
    for (; k < n && tokens[k]!.start < mention.end; k++) if (mentionActor[mi]) actorAt[k] = mi;
    mentionStart[mi] = t;
    mentionEnd[mi] = k;
  }
  // Tokens inside dates and times, by one merge pass (both lists are in text order).
  let times = doc.times ?? [];
  for (let i = 1; i < times.length; i++)
    if (times[i]!.start < times[i - 1]!.start) {
      times = [...times].sort((a, b) => a.start - b.start);
      break;
    }
  let tk = 0;
  for (const te of times) {
    if (te.type !== 'DATE' && te.type !== 'TIME') continue;
    while (tk < n && tokens[tk]!.end <= te.start) tk++;
    for (let k = tk; k < n && tokens[k]!.start < te.end; k++) timeAt[k] = 1;
  }
  const view: DocView = {
    doc,
    timeAt,
    verbTag,
    tokens,
    lemma,
    tag,
    actorAt,
    groupAt,
    groups: [],
    sentenceStart,
    sentenceEnd,
    actors,
    mentionActor,
    // (see `emptyObjectArray`: `proposeEvents`, pushing to these and to filled lists, went back to the
    // interpreter when it met a `[]`)
    cues: emptyObjectArray<DocView['cues'][number]>(),
    mentionStart,
    mentionEnd,
    entriesAt,
  };
  for (const s of doc.sentences ?? []) findVerbGroups(view, s.tokenStart, s.tokenEnd);
  return view;
}

let sharedInts = new Int32Array(4096);
let sharedBytes = new Uint8Array(2048);

/** Buffers of at least the given sizes: the shared ones (grown as needed) with `reuse`, else new ones. */
function buffers(ints: number, bytes: number, reuse: boolean): { ints: Int32Array; bytes: Uint8Array } {
  if (!reuse) return { ints: new Int32Array(ints), bytes: new Uint8Array(bytes) };
  if (sharedInts.length < ints) sharedInts = new Int32Array(Math.max(ints, 2 * sharedInts.length));
  if (sharedBytes.length < bytes) sharedBytes = new Uint8Array(Math.max(bytes, 2 * sharedBytes.length));
  return { ints: sharedInts, bytes: sharedBytes };
}

type Entries = readonly LexiconEntry[] | null;

/** Per-token word facts and entries of the view built last with `reuse`, shared like `sharedInts`. */
let factsScratch: (WordFacts | null)[] = [];
let entriesScratch: Entries[] = [];

/** `list` when it holds `n` items, else a longer one (of nulls). */
function grown<T>(list: (T | null)[], n: number): (T | null)[] {
  return list.length >= n ? list : new Array<T | null>(Math.max(n, 2 * list.length)).fill(null);
}

/** Tokens `[from, to)`, outside every sentence: their base lemmas, and sentence range 0 to 0. */
function outsideSentences(
  facts: readonly (WordFacts | null)[],
  from: number,
  to: number,
  lemma: string[],
  sentenceStart: Int32Array,
  sentenceEnd: Int32Array,
): void {
  baseLemmas(facts, from, to, lemma);
  sentenceStart.fill(0, from, to);
  sentenceEnd.fill(0, from, to);
}

/** The base lemmas of `[from, to)` (`WordFacts.lemma`; forms below `@` have theirs from `fill`). */
function baseLemmas(facts: readonly (WordFacts | null)[], from: number, to: number, lemma: string[]): void {
  for (let i = from; i < to; i++) {
    const own = facts[i]!.lemma;
    if (own !== '') lemma[i] = own;
  }
}

/** A tag starting `VB` (any verb form; not `MD`). */
function isVerbTag0(t: string): boolean {
  return t.charCodeAt(0) === 86 && t.charCodeAt(1) === 66;
}

/**
 * Token `i`'s final lemma, given its final tag `t`, and the entries it may start: a verb (tagged VB*)
 * takes its verb lemma (`shelling/VBG` -> `shell`, while the noun stays `shelling`); the entries are
 * those starting with the lemma that the tag allows (see `EntrySets`).
 */
function settle(
  f: WordFacts,
  t: string,
  lemma: string[],
  entries: Entries[],
  verbTag: Uint8Array,
  i: number,
): void {
  const verb = isVerbTag0(t);
  const modal = t === 'MD';
  verbTag[i] = verb || modal ? 1 : 0;
  // Every field is read and the lemma stored for every token, choosing by conditional values rather than
  // by a branch that few tokens take: code that has not run when V8 optimizes the caller would send the
  // optimized `buildView` back to the interpreter (and to a second compile) when it first does.
  // The base lemma is the facts' own, or for a form below `@` (lemma '') the one `fill` stored.
  const verbLemma = f.verbLemma;
  const asVerb = verb && verbLemma !== null;
  const base = f.lemma;
  const own = f.entries;
  const ofVerb = f.verbEntries;
  const kept = base === '' ? lemma[i]! : base;
  lemma[i] = asVerb ? verbLemma : kept;
  const sets = asVerb ? ofVerb : own;
  entries[i] = sets === null ? null : verb || modal ? sets.verb : isNounTag(t) ? sets.noun : sets.other;
}

/**
 * The stored tags of a sentence into `tag`, with `repairParticiples` (tags.ts) and the verb lemmas, in
 * one pass reading the word facts instead of looking words up; false when a token has no tag (a
 * hand-built document), for the caller to guess the sentence's tags. The repair reads the lemmas as they
 * were before any verb lemma was given (`facts[i].beOrHave`), as the separate passes did.
 */
function repairAndLemmatize(
  tokens: readonly Token[],
  from: number,
  to: number,
  facts: readonly (WordFacts | null)[],
  lemma: string[],
  tag: string[],
  entries: Entries[],
  verbTag: Uint8Array,
): boolean {
  let before = '';
  let afterBeOrHave = false;
  for (let i = from; i < to; i++) {
    const f = facts[i]!;
    let t = tokens[i]!.tag;
    if (t === undefined) return false;
    if (
      (t === 'VBZ' || t === 'VBD' || t === 'VBP') &&
      (before === 'TO' || before === 'DT' || before === 'PRP$' || before === 'POS')
    ) {
      // `to demands/VBZ`, `its demands/VBZ`: a finite verb form after `to` or a determiner is a noun.
      t = tokens[i]!.text.endsWith('s') ? 'NNS' : 'NN';
      tag[i] = t;
      settle(f, t, lemma, entries, verbTag, i);
      afterBeOrHave = f.beOrHave;
      before = t;
      continue;
    }
    // `are demanding/JJ`, `has been attacked/JJ`: a lexicon verb after `be` or `have` is a participle
    // (`WordFacts.participle`). The tag is stored for every token, as `settle` stores the lemma.
    const participle = f.participle;
    const repaired = participle !== null && afterBeOrHave && !isVerbTag0(t);
    t = repaired ? participle : t;
    tag[i] = t;
    settle(f, t, lemma, entries, verbTag, i);
    afterBeOrHave = f.beOrHave;
    before = t;
  }
  return true;
}

/** Proposes the events of a document. */
export function proposeEvents(
  doc: Doc,
  res: EventResources = eventResources(),
  reuse = false,
): { proposals: Proposal[]; view: DocView } {
  const view = buildView(doc, res, reuse);
  const entriesAt = view.entriesAt;
  const matches: PhraseMatch[] = [];
  for (const s of doc.sentences ?? []) {
    if (s.heading) continue;
    for (let i = s.tokenStart; i < s.tokenEnd;) {
      const list = entriesAt[i]!;
      const m = list === null ? null : matchAt(res.lexicon, view, i, s.tokenEnd, list);
      if (!m) {
        i++;
        continue;
      }
      // A word inside a name is no trigger (`Asia-Pacific Economic Cooperation`, `Ministry of Defence`).
      if (m.entry.kind !== 'c' && insideName(view, m)) {
        i++;
        continue;
      }
      if (m.entry.kind === 'c')
        view.cues.push({
          start: m.start,
          end: m.end,
          rule: `content:${m.entry.pattern}`,
          code: m.entry.code,
        });
      else matches.push(m);
      i = m.end;
    }
  }
  const speechSentences = new Set<number>();
  for (const m of matches)
    if (m.entry.code.startsWith('01') && m.entry.targets.length <= 1)
      speechSentences.add(view.tokens[m.start]!.sentence);
  const proposals: Proposal[] = [];
  for (const m of matches) {
    const p = m.entry.kind === 'v' ? verbEvent(view, m, res, speechSentences) : nounEvent(view, m, res);
    if (p) proposals.push(p);
  }
  assignDates(view, proposals);
  return { proposals, view };
}

function insideName(view: DocView, m: PhraseMatch): boolean {
  const k = view.actorAt[m.start]!;
  return k >= 0 && view.mentionStart[k]! < m.start && view.doc.mentions![k]!.type !== 'pronoun';
}

function verbEvent(view: DocView, m: PhraseMatch, res: EventResources, speech: Set<number>): Proposal | null {
  const gi = view.groupAt[m.start]!;
  if (gi < 0) return null;
  const g = view.groups[gi]!;
  const isSpeech = m.entry.code.startsWith('01') && m.entry.targets.length <= 1 && m.entry.code === '010';
  let source: number;
  let target = -1;
  let voice = '';
  if (g.passive) {
    source = agentOf(view, g);
    // What was said or announced is no target (`the visit was announced by`); who was told is.
    target = isSpeech && m.entry.targets.length === 0 ? -1 : subjectOf(view, g);
    voice = '+passive';
  } else {
    source = subjectOf(view, g, isSpeech);
    if (isSpeech && source < 0) {
      const q = quoteWithCue(view.doc.quotes, view.tokens[m.start]!);
      const speaker = q ? speakerMention(view, q, view.sentenceStart[m.start]!) : -1;
      if (speaker >= 0) source = speaker;
    }
  }
  // `Demonstrators blocked roads`: a group noun with no actor of its own still names the source.
  if (source === -1 && !g.passive && !isSpeech) source = groupNounBefore(view, g.start);
  if (source === -1 || (source >= 0 && !known(view, source))) return null;
  // `China and Russia will ...`: the first conjunct is the source (the pair is reciprocal, not a target).
  const compound = source >= 0 ? compoundPartner(view, source) : -1;
  const partner = compound >= 0 ? source : -1;
  if (compound >= 0) source = compound;
  if (target === -1) target = findTarget(view, m, source);
  // `China and Russia will strengthen ties with each other`: the pair's other member.
  if (target === -1 && partner >= 0 && reciprocal(view, m.end)) target = partner;
  if (target === -1 && g.passive) target = groupNounBefore(view, g.start);
  if (target === -1 && m.entry.targets[0] === 'obj') target = groupNounAfter(view, m.end);
  if (target === -1 && m.entry.needsTarget) return null;
  const reading = readModality(view, g, res.governors, speech.has(view.tokens[m.start]!.sentence));
  const gov = governorOf(view, g);
  const content = isSpeech ? speechContent(view, m, g) : null;
  const p = propose(view, m, source, target, reading, voice, {
    anaphoric: false,
    speech: isSpeech,
    content,
    group: gi,
    governor: gov ? view.groupAt[gov.group.head]! : -1,
  });
  // A statement's evidence holds what was said, so that its code (010, 111, 100) can be checked.
  if (p && content) {
    p.event.start = Math.min(p.event.start, view.tokens[content[0]]!.start);
    p.event.end = Math.max(p.event.end, view.tokens[content[1] - 1]!.end);
  }
  return p;
}

function nounEvent(view: DocView, m: PhraseMatch, res: EventResources): Proposal | null {
  const from = view.sentenceStart[m.start]!;
  let source = -1;
  let k = m.start - 1;
  let definite = false;
  // The possessor or an actor word inside the noun phrase: `Xi's visit`, `Russian shelling`.
  for (; k >= from && k >= m.start - 6; k--) {
    if (view.actorAt[k]! >= 0) {
      source = view.actorAt[k]!;
      break;
    }
    if (DEFINITE.has(view.tokens[k]!.text.toLowerCase())) definite = true;
    if (!isModifierTag(view.tag[k]!)) break;
    // A participle after a noun is a verb with its subject (`Police arrested 20 protesters`), not a
    // modifier like `armed` in `the armed protesters`.
    if (view.groupAt[k]! >= 0 && k > from && /^(NN|PRP$)/.test(view.tag[k - 1]!)) break;
  }
  let reading: ModalityReading = { modality: 'asserted', negated: false, intent: false, why: null };
  // Or the subject of a light verb taking the noun: `China announced sanctions on ...`.
  const gi = k >= from ? view.groupAt[k]! : -1;
  if (gi >= 0) {
    const g: VerbGroup = view.groups[gi]!;
    if (source < 0 && LIGHT_VERBS.has(view.lemma[g.head]!)) source = subjectOf(view, g);
    reading = readModality(view, g, res.governors, false);
  } else {
    const next = nextGroup(view, m.end);
    if (next) reading = readModality(view, next, res.governors, false);
  }
  if (source >= 0 && !known(view, source)) source = -1;
  if (source < 0) {
    if (!definite) return null;
    return propose(view, m, -1, -1, reading, '', NOUN);
  }
  const target = findTarget(view, m, source);
  if (target < 0 && m.entry.needsTarget) return null;
  return propose(view, m, source, target, reading, '', { ...NOUN, anaphoric: false });
}

/** The verb group right after a noun phrase (its predicate: `Xi's visit will be ...`), if close. */
function nextGroup(view: DocView, k: number): VerbGroup | null {
  const to = view.sentenceEnd[Math.max(0, k - 1)]!;
  for (let j = k; j < to && j < k + 8; j++) {
    const gi = view.groupAt[j]!;
    if (gi >= 0) return view.groups[gi]!;
    if (view.tokens[j]!.text === ',' || view.tokens[j]!.text === ';') return null;
  }
  return null;
}

/** Roots whose verbs often govern an infinitive holding the target (promise, appeal, demand, reject, threaten). */
const COMPLEMENT_ROOTS = new Set(['02', '03', '10', '12', '13']);

function findTarget(view: DocView, m: PhraseMatch, source: number): number {
  const skip = new Set<number>([source]);
  // Never null nor undefined (no actor, no source): the compares below then meet strings alone, the
  // engine keeps them as string compares (an actor id is never empty).
  const sourceActor = view.mentionActor[source] ?? '';
  const slots =
    m.entry.kind === 'v' && COMPLEMENT_ROOTS.has(m.entry.code.slice(0, 2))
      ? [...m.entry.targets, 'vp']
      : m.entry.targets;
  let weak = -1;
  for (const slot of slots) {
    let t = -1;
    if (slot === 'X') {
      if (m.slot)
        for (let k = m.slot[0]; k < m.slot[1] && t < 0; k++) if (view.actorAt[k]! >= 0) t = view.actorAt[k]!;
    } else if (slot === 'obj' && m.entry.kind === 'n') continue;
    else if (slot === 'obj' && m.end - m.start > 1 && (t = gapActor(view, m, skip)) >= 0) {
      // `rejected a U.S. request`, `condemned Israel's raid`: the actor inside the phrase.
    } else t = slotActor(view, slot, m.end, skip);
    // `cooperation between China and Russia` said by China: the other party.
    if (t >= 0 && slot === 'between' && source >= 0 && sameParty(view, t, source)) t = nextConjunct(view, t);
    if (t < 0 || (t >= 0 && view.mentionActor[t] === sourceActor)) continue;
    if (!known(view, t) && !(source >= 0 && otherMember(view, t, source))) continue;
    // An actor of unknown country (`its troops`, `---MIL`) is kept only if nothing better turns up.
    if (!view.actors.get(view.mentionActor[t]!)!.code.startsWith('---')) return t;
    if (weak < 0) weak = t;
  }
  if (weak < 0 && m.entry.kind === 'v' && m.end - m.start > 1) {
    // `agreed to US mediation`, `rejected a Senegalese peace plan`: whose the phrase's noun is.
    const g = gapActor(view, m, skip);
    if (g >= 0 && view.mentionActor[g] !== sourceActor) return g;
  }
  return weak;
}

/**
 * Arguments are mention indexes; a group noun that no actor covers (`demonstrators`, `rebels`) is
 * passed as `GROUP_BASE - token`, and becomes an argument of unknown country with the noun's sector.
 */
const GROUP_BASE = -10;

function groupToken(arg: number): number {
  return GROUP_BASE - arg;
}

function groupNoun(view: DocView, k: number): number {
  return view.actorAt[k]! < 0 && eventResources().sectors.has(view.lemma[k]!) && view.tag[k]!.startsWith('NN')
    ? GROUP_BASE - k
    : -1;
}

/** The head noun of the phrase right before `k` (`angry demonstrators blocked`), if a group noun. */
function groupNounBefore(view: DocView, k: number): number {
  const from = view.sentenceStart[k]!;
  let j = k - 1;
  while (j >= from && view.tag[j]!.startsWith('RB')) j--;
  return j >= from ? groupNoun(view, j) : -1;
}

/** A group noun heading the object phrase after `k` (`dispersed the demonstrators`). */
function groupNounAfter(view: DocView, k: number): number {
  const to = view.sentenceEnd[Math.max(0, k - 1)]!;
  for (let j = k; j < to && j < k + 6; j++) {
    const g = groupNoun(view, j);
    if (g !== -1) return g;
    if (!isModifierTag(view.tag[j]!)) return -1;
  }
  return -1;
}

/** An actor in the modifier gap of a phrase (`reject ~ request`), or -1. */
function gapActor(view: DocView, m: PhraseMatch, skip: ReadonlySet<number>): number {
  for (let k = m.start + 1; k < m.end; k++) {
    const a = view.actorAt[k]!;
    if (a >= 0 && !skip.has(a) && view.actorAt[m.start] !== a) return a;
  }
  return -1;
}

/** Two mentions of one party: the same actor, or actors of the same country (`Xi` and `China`). */
function sameParty(view: DocView, a: number, b: number): boolean {
  const x = view.actors.get(view.mentionActor[a]!)!;
  const y = view.actors.get(view.mentionActor[b]!)!;
  if (x.id === y.id) return true;
  const cx = countryOf(x);
  return cx !== null && cx === countryOf(y);
}

function countryOf(a: Actor): string | null {
  const c = a.country ?? a.code.slice(0, 3);
  return /^[A-Z]{3}$/.test(c) && c !== 'IGO' && c !== 'NGO' ? c : null;
}

/** `between China and Russia`: the actor right after the `and` that follows `mention`, or -1. */
function nextConjunct(view: DocView, mention: number): number {
  let k = view.mentionEnd[mention]!;
  if (k < 0 || view.lemma[k] !== 'and') return -1;
  k++;
  if (view.tag[k] === 'DT') k++;
  return k < view.sentenceEnd[k - 1]! ? view.actorAt[k]! : -1;
}

/**
 * A group actor standing for several (`the two countries`, `both sides`) as the target of an event by
 * one of them: the one member that is not the source's party, or null when that is not unique.
 */
function otherMember(view: DocView, group: number, source: number): Actor | null {
  const g = view.actors.get(view.mentionActor[group]!)!;
  const s = view.actors.get(view.mentionActor[source]!)!;
  if (!g.members || g.members.length < 2) return null;
  // Only a relation's other side (`with`, `between`): `help both countries` helps both.
  const k = view.mentionStart[group]!;
  if (k < 1 || (view.lemma[k - 1] !== 'between' && view.lemma[k - 1] !== 'with')) return null;
  const country = countryOf(s);
  let found: Actor | null = null;
  let own = false;
  for (const id of g.members) {
    const a = view.actors.get(id);
    if (!a) return null;
    if (a.id === s.id || (country !== null && countryOf(a) === country)) {
      own = true;
      continue;
    }
    if (found) return null;
    found = a;
  }
  // Only when the source is one of the parties: `the UN urged cooperation between the two countries`
  // names no single target.
  return own ? found : null;
}

/** An actor with at least a country or a sector (`---` alone names nobody). */
function known(view: DocView, mention: number): boolean {
  return view.actors.get(view.mentionActor[mention]!)!.code !== '---';
}

/** `with each other`, `with one another` shortly after the trigger, in its clause. */
function reciprocal(view: DocView, k: number): boolean {
  const to = Math.min(view.sentenceEnd[Math.max(0, k - 1)]!, k + 6);
  for (let j = k; j + 1 < to; j++) {
    const a = view.lemma[j]!;
    const b = view.lemma[j + 1]!;
    if ((a === 'each' && b === 'other') || (a === 'one' && b === 'another')) return true;
    if (view.groupAt[j]! >= 0 || view.tokens[j]!.text === ',') return false;
  }
  return false;
}

/** `China and Russia will ...`: the other conjunct of the subject, or -1. */
function compoundPartner(view: DocView, mention: number): number {
  const k = view.mentionStart[mention]!;
  if (k < 0) return -1;
  const from = view.sentenceStart[k]!;
  if (k - 1 > from && view.lemma[k - 1] === 'and' && view.actorAt[k - 2]! >= 0) {
    const other = view.actorAt[k - 2]!;
    return view.mentionActor[other] !== view.mentionActor[mention] ? other : -1;
  }
  return -1;
}

function quoteWithCue(quotes: Quote[] | undefined, token: Span): Quote | null {
  if (!quotes) return null;
  for (const q of quotes) if (q.cue.start < token.end && token.start < q.cue.end) return q;
  return null;
}

function speakerMention(view: DocView, q: Quote, sentenceStart: number): number {
  const sp = q.speaker;
  if (!sp || !sp.actor || !view.actors.has(sp.actor)) return -1;
  const mentions = view.doc.mentions ?? [];
  const from = view.tokens[sentenceStart]!.start;
  // The speaker's mention in the cue's sentence: the given span, else the nearest before the cue.
  let best = -1;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.actor !== sp.actor || m.start < from) continue;
    if (sp.start !== undefined && sp.end !== undefined && m.start < sp.end && sp.start < m.end) return i;
    if (m.start <= q.cue.start) best = i;
  }
  return best;
}

/** What a statement says: its sentence, and its quote's content when that reaches further. */
function speechContent(view: DocView, m: PhraseMatch, g: VerbGroup): [number, number] {
  let a = view.sentenceStart[g.start]!;
  let b = view.sentenceEnd[g.start]!;
  const q = quoteWithCue(view.doc.quotes, view.tokens[m.start]!);
  if (q) {
    while (a > 0 && view.tokens[a - 1]!.start >= q.start) a--;
    while (b < view.tokens.length && view.tokens[b]!.end <= q.end) b++;
  }
  return [a, b];
}

function propose(
  view: DocView,
  m: PhraseMatch,
  source: number,
  target: number,
  reading: ModalityReading,
  voice: string,
  extra: Pick<Proposal, 'anaphoric' | 'speech' | 'content' | 'group' | 'governor'>,
): Proposal | null {
  const info = eventCode(m.entry.code);
  if (!info) return null;
  const tokens = view.tokens;
  const first = tokens[m.start]!;
  // The trigger is the phrase without a trailing target slot (`called on` in `called on Iraq`).
  const last = tokens[(m.slot && m.slot[1] === m.end ? m.slot[0] : m.end) - 1]!;
  const mentions = view.doc.mentions ?? [];
  let start = first.start;
  let end = last.end;
  for (const i of [source, target]) {
    if (i === -1) continue;
    const span = i >= 0 ? mentions[i]! : tokens[groupToken(i)]!;
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  // The evidence opens with the whole noun phrase of its first argument (`Chinese President Xi ...`).
  let k = m.start;
  for (const i of [source, target])
    if (i >= 0 && view.mentionStart[i]! >= 0) k = Math.min(k, view.mentionStart[i]!);
  const from = view.sentenceStart[m.start]!;
  while (k > from && /^(NNP|JJ|DT|NN)/.test(view.tag[k - 1]!) && view.groupAt[k - 1]! < 0) k--;
  start = Math.min(start, tokens[k]!.start);
  const rule = `lexicon:${m.entry.kind}:${m.entry.pattern}${voice}${reading.why ? `+${reading.why}` : ''}`;
  const event: Event = {
    code: m.entry.code,
    root: info.root,
    quad: info.quad,
    goldstein: info.goldstein,
    source: source === -1 ? { actor: null, code: '---' } : argument(view, source),
    target: target === -1 ? null : targetArgument(view, target, source),
    date: view.doc.date,
    dateTo: view.doc.date,
    modality: reading.modality,
    negated: reading.negated,
    sentence: first.sentence,
    start,
    end,
    trigger: { start: first.start, end: last.end, text: view.doc.text.slice(first.start, last.end) },
    stage: STAGE,
    rule,
    // Made here, undefined (and so not written out), rather than added when an event told again gets
    // further evidence: events of two shapes sent the code reading them (`mergeRetellings`) to more compiles.
    evidence: undefined,
  };
  return { event, match: m, datedInText: false, intent: reading.intent, why: reading.why, ...extra };
}

/** The target's argument: for a group target, the member that is not the source (see `otherMember`). */
function targetArgument(view: DocView, target: number, source: number): EventArgument {
  const member = target >= 0 && source >= 0 ? otherMember(view, target, source) : null;
  return member ? { actor: member.id, code: member.code } : argument(view, target);
}

/** The actor of a mention as an event argument, with a sector from the noun after a bare country word. */
export function argument(view: DocView, mention: number): EventArgument {
  if (mention <= GROUP_BASE) {
    const sector = eventResources().sectors.get(view.lemma[groupToken(mention)]!)!;
    return { actor: null, code: `---${sector}` };
  }
  const id = view.mentionActor[mention]!;
  const actor = view.actors.get(id)!;
  let code = actor.code;
  if (code.length === 3 && (actor.kind === 'country' || actor.kind === 'group')) {
    const k = view.mentionEnd[mention]!;
    const to = view.sentenceEnd[Math.max(0, k - 1)]!;
    for (let j = k; j < to && j < k + 3; j++) {
      const sector = eventResources().sectors.get(view.lemma[j]!);
      if (sector) {
        code += sector;
        break;
      }
      if (!view.tag[j]!.startsWith('JJ') && !view.tag[j]!.startsWith('NN')) break;
    }
  }
  return { actor: id, code };
}

/**
 * Dates: each DATE expression goes to the nearest trigger among the events of its own clause (see
 * `clauseOf`: `said in a statement on Friday` dates the statement; `citing a report published last
 * month, he said` dates no event, since no event is `published`); an event takes the first date it got,
 * else keeps the publication date.
 */
function assignDates(view: DocView, proposals: Proposal[]): void {
  const byClause = new Map<number, Proposal[]>();
  for (const p of proposals) {
    const k = view.tokens.length ? tokenAt(view, p.event.trigger.start) : -1;
    const clause = p.group >= 0 ? p.group : k >= 0 ? clauseOf(view, k) : -1;
    if (clause < 0) continue;
    const list = byClause.get(clause) ?? [];
    list.push(p);
    byClause.set(clause, list);
  }
  if (byClause.size === 0) return;
  for (const t of view.doc.times ?? []) {
    // The clause first: it is cheap, and most times have no event in theirs.
    if (t.type !== 'DATE') continue;
    const k = tokenAt(view, t.start);
    const list = k >= 0 ? byClause.get(clauseOf(view, k)) : undefined;
    if (!list) continue;
    const dates = isoRange(t);
    if (!dates || boundOnly(view, t)) continue;
    let best: Proposal | null = null;
    let bestDist = Infinity;
    for (const p of list) {
      // An adjunct follows its head: a trigger before the time wins over one after it (`Xi's visit to
      // Kenya next week was announced`: the visit is next week).
      const d =
        t.start >= p.event.trigger.end
          ? t.start - p.event.trigger.end
          : FOLLOWING + p.event.trigger.start - t.end;
      if (d < bestDist) {
        bestDist = d;
        best = p;
      }
    }
    if (!best || best.datedInText) continue;
    best.event.date = dates[0];
    best.event.dateTo = dates[1];
    best.event.start = Math.min(best.event.start, t.start);
    best.event.end = Math.max(best.event.end, t.end);
    best.datedInText = true;
    // An act dated after the publication is not reported as done (`Xi's visit next week was announced`).
    const e = best.event;
    const published = view.doc.date;
    if (published && dates[0] > published && e.modality === 'asserted' && !e.negated && e.root !== '01') {
      e.modality = 'planned';
      e.rule = `${e.rule}+future-date`;
    }
  }
}

const FOLLOWING = 1_000_000;

/** The token holding character `offset` (the first ending after it), or -1. */
function tokenAt(view: DocView, offset: number): number {
  const tokens = view.tokens;
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** `since 2020`, `until May`: a bound, not the event's date. */
function boundOnly(view: DocView, t: TimeExpression): boolean {
  const before = /(\S+)\s*$/.exec(view.doc.text.slice(Math.max(0, t.start - 12), t.start));
  return !!before && BOUNDS.has(before[1]!.toLowerCase());
}

const BOUNDS = new Set(['since', 'until', 'till', 'before', 'after', 'by']);

/** `[from, to]` ISO days of a DATE expression, or null for durations, sets and vague references. */
function isoRange(t: TimeExpression): [string, string] | null {
  if (t.type !== 'DATE') return null;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (t.from && day.test(t.from)) return [t.from, t.to && day.test(t.to) ? t.to : t.from];
  if (day.test(t.value)) return [t.value, t.value];
  return null;
}
