/**
 * The event lexicon (data/events/lexicon.tsv), loaded once into a map keyed by the first lemma, so
 * candidate triggers are found with one lookup per token and a short walk over the entries for that word.
 */
import { readDataRows } from '../data.js';
import { Lemmatizer } from './lemma.js';
import { WordTable } from './words.js';

export type EntryKind = 'v' | 'n' | 'c';

/** One pattern element: a lemma, a modifier gap (`~`) or the target slot (`X`). */
export type PatternPart = { lemma: string } | { gap: true } | { slot: true };

export interface LexiconEntry {
  kind: EntryKind;
  /** The pattern as written, also the rule name (`lexicon:v:pay ~ visit`). */
  pattern: string;
  parts: PatternPart[];
  /** The lemma of the pattern's second part when that is a word (`off` in `call off`), else null. */
  second: string | null;
  code: string;
  /** Where to look for the target, in order (`obj`, `X`, a preposition). */
  targets: string[];
  /** Only an event when a target actor is found. */
  needsTarget: boolean;
}

/**
 * The entries starting with one lemma, split by what a token of that lemma may start given its tag (as
 * `matchAt` checks it): a verb (VB*, MD) verb entries and cues, a noun (NN*) noun entries and cues,
 * any other token cues only. Each list keeps the entries' order; null when empty.
 */
export interface EntrySets {
  verb: readonly LexiconEntry[] | null;
  noun: readonly LexiconEntry[] | null;
  other: readonly LexiconEntry[] | null;
}

export class EventLexicon {
  readonly byFirst = new Map<string, LexiconEntry[]>();
  /** `byFirst` split by tag (see `EntrySets`). */
  readonly setsByFirst = new Map<string, EntrySets>();
  readonly lemmatizer: Lemmatizer;

  constructor(entries: readonly LexiconEntry[], extraWords: Iterable<string> = []) {
    const known = new Set<string>(extraWords);
    for (const e of entries) {
      for (const p of e.parts) if ('lemma' in p) known.add(p.lemma);
      const first = (e.parts[0] as { lemma: string }).lemma;
      const list = this.byFirst.get(first) ?? [];
      list.push(e);
      this.byFirst.set(first, list);
    }
    // Longest patterns first, so `pay ~ visit` is tried before a bare `pay` and `accuse X of
    // corruption` before `accuse`.
    for (const list of this.byFirst.values()) list.sort((a, b) => weight(b) - weight(a));
    const some = (list: LexiconEntry[]): LexiconEntry[] | null => (list.length ? list : null);
    for (const [first, list] of this.byFirst)
      this.setsByFirst.set(first, {
        verb: some(list.filter((e) => e.kind !== 'n')),
        noun: some(list.filter((e) => e.kind !== 'v')),
        other: some(list.filter((e) => e.kind === 'c')),
      });
    for (const w of GRAMMAR_WORDS) known.add(w);
    this.lemmatizer = new Lemmatizer(known);
  }
}

function weight(e: LexiconEntry): number {
  let w = 0;
  for (const p of e.parts) w += 'lemma' in p ? 10 : 'slot' in p ? 3 : 1;
  return w;
}

/** Words the clause analyser looks for by lemma, known to the lemmatizer besides the lexicon's. */
const GRAMMAR_WORDS = ['be', 'have', 'do', 'will', 'plan', 'intend', 'schedule', 'expect', 'aim', 'hope'];

export function parseEntry(kind: string, pattern: string, code: string, target: string): LexiconEntry {
  if (kind !== 'v' && kind !== 'n' && kind !== 'c') throw new Error(`bad kind '${kind}' for '${pattern}'`);
  if (!/^\d{2,4}$/.test(code)) throw new Error(`bad code '${code}' for '${pattern}'`);
  const parts: PatternPart[] = pattern
    .split(' ')
    .map((w) => (w === '~' ? { gap: true } : w === 'X' ? { slot: true } : { lemma: w }));
  if (!('lemma' in parts[0]!)) throw new Error(`pattern '${pattern}' must start with a word`);
  const needsTarget = target.endsWith('!');
  const spec = needsTarget ? target.slice(0, -1) : target;
  return {
    kind,
    pattern,
    parts,
    second: parts.length > 1 && 'lemma' in parts[1]! ? parts[1].lemma : null,
    code,
    targets: spec === '-' ? [] : spec.split(','),
    needsTarget,
  };
}

export type GovernorEffect = 'planned' | 'intent' | 'hypothetical' | 'negated';

/** Everything the events stage reads from data/events/, loaded once. */
export interface EventResources {
  lexicon: EventLexicon;
  /** Verbs governing another through `to`, with their effect on it (data/events/governors.tsv). */
  governors: Map<string, GovernorEffect>;
  /** Sector nouns after a country word (data/events/sectors.tsv). */
  sectors: Map<string, string>;
  /** Lemmas that head verb entries, for tag guessing. */
  verbs: Set<string>;
  /** Per word form: lemma, verb lemma and whether it heads a verb, cached (see words.ts). */
  words: WordTable;
}

let shared: EventResources | undefined;

export function eventResources(): EventResources {
  if (!shared) {
    const governors = new Map<string, GovernorEffect>();
    for (const [lemma, effect] of readDataRows('events/governors.tsv'))
      governors.set(lemma!, effect as GovernorEffect);
    const sectors = new Map<string, string>();
    for (const [noun, sector] of readDataRows('events/sectors.tsv')) sectors.set(noun!, sector!);
    const rows = readDataRows('events/lexicon.tsv');
    const entries = rows.map(([k, p, c, t]) => parseEntry(k!, p!, c!, t ?? '-'));
    const lexicon = new EventLexicon(entries, [...governors.keys(), ...sectors.keys()]);
    const verbs = new Set<string>(governors.keys());
    for (const e of entries) if (e.kind === 'v') verbs.add((e.parts[0] as { lemma: string }).lemma);
    shared = {
      lexicon,
      governors,
      sectors,
      verbs,
      words: new WordTable(lexicon.lemmatizer, verbs, lexicon.setsByFirst),
    };
  }
  return shared;
}
