/**
 * What the events stage needs to know of a word form, worked out once per form and cached: its lemma,
 * the verb lemma it takes when tagged as a verb, whether that lemma heads a lexicon verb, and whether a
 * lexicon entry can start with it. Building a document's view then costs one cache lookup per token.
 *
 * Half the tokens of news text are one to three characters long (`,`, `the`, `of`, `'s`); their facts
 * sit in arrays indexed by the character codes, which spares hashing the token's string (a fresh string
 * per token, so a `Map` lookup hashes it first). Longer forms go through a `Map`.
 */
import type { LexiconEntry } from './lexicon.js';
import type { Lemmatizer } from './lemma.js';

export interface WordFacts {
  /** The word form itself, as the token has it. */
  readonly form: string;
  /** The base form (`Lemmatizer.lemma(word)`: a known form of its own is kept, `shelling` stays). */
  readonly lemma: string;
  /** `lemma` is in `EventResources.verbs` (a lexicon verb head or a governor). */
  readonly verb: boolean;
  /**
   * The lemma a token of this form takes when tagged VB*: the verb lemma (`shelling` -> `shell`) when
   * `lemma` is no lexicon verb but that is; else null (the token keeps `lemma`).
   */
  readonly verbLemma: string | null;
  /** A lexicon entry starts with `lemma` or with `verbLemma`: the token may be a trigger. */
  readonly trigger: boolean;
  /** The form in lower case. */
  readonly lower: string;
}

/** Facts of at most this many longer forms are cached, so memory stays bounded on any input. */
const MAX_CACHED = 100_000;

/** One-character forms are indexed by their code below this (ASCII, Latin-1, general punctuation). */
const SINGLE = 0x2100;
/** Codes of the characters a three-character form is indexed by: letters, digits and `'`; 0 for others. */
const SYMBOL = new Uint8Array(128);
{
  let s = 1;
  for (const range of ['az', 'AZ', '09'])
    for (let c = range.charCodeAt(0); c <= range.charCodeAt(1); c++) SYMBOL[c] = s++;
  SYMBOL["'".charCodeAt(0)] = s;
}

export class WordTable {
  /** By char code; by two 7-bit ASCII codes; by three 6-bit symbol codes (see SYMBOL). */
  private readonly one: (WordFacts | undefined)[] = new Array<WordFacts | undefined>(SINGLE).fill(undefined);
  private readonly two: (WordFacts | undefined)[] = new Array<WordFacts | undefined>(1 << 14).fill(undefined);
  private three: (WordFacts | undefined)[] | null = null;

  constructor(
    private readonly lemmatizer: Lemmatizer,
    private readonly verbs: ReadonlySet<string>,
    private readonly byFirst: ReadonlyMap<string, readonly LexiconEntry[]>,
  ) {}

  get(word: string): WordFacts {
    const n = word.length;
    if (n === 1) {
      const c = word.charCodeAt(0);
      if (c < SINGLE) return (this.one[c] ??= this.make(word));
    } else if (n === 2) {
      const a = word.charCodeAt(0);
      const b = word.charCodeAt(1);
      if ((a | b) < 128) return (this.two[(a << 7) | b] ??= this.make(word));
    } else if (n === 3) {
      const a = word.charCodeAt(0);
      const b = word.charCodeAt(1);
      const c = word.charCodeAt(2);
      if ((a | b | c) < 128) {
        const x = SYMBOL[a]!;
        const y = SYMBOL[b]!;
        const z = SYMBOL[c]!;
        if (x !== 0 && y !== 0 && z !== 0) {
          const three = (this.three ??= new Array<WordFacts | undefined>(1 << 18).fill(undefined));
          return (three[(x << 12) | (y << 6) | z] ??= this.make(word));
        }
      }
    }
    // A string hash of our own: a Map would hash the token's fresh string natively, which costs more.
    let h = n;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x9e3779b1);
    h ^= h >>> 15;
    const mask = this.hashes.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const f = this.entries[slot]!;
      if (f === null) break;
      if (this.hashes[slot] === h && f.form === word) return f;
    }
    const f = this.make(word);
    if (this.size < MAX_CACHED) this.insert(h, f);
    return f;
  }

  /** Open addressing with linear probing, at most half full: each form's hash and facts by slot. */
  private hashes = new Int32Array(1 << 14);
  private entries: (WordFacts | null)[] = new Array<WordFacts | null>(1 << 14).fill(null);
  private size = 0;

  private insert(h: number, f: WordFacts): void {
    if (2 * (this.size + 1) > this.hashes.length) {
      const { hashes, entries } = this;
      this.hashes = new Int32Array(2 * hashes.length);
      this.entries = new Array<WordFacts | null>(2 * hashes.length).fill(null);
      this.size = 0;
      for (let i = 0; i < hashes.length; i++) if (entries[i] !== null) this.insert(hashes[i]!, entries[i]!);
    }
    const mask = this.hashes.length - 1;
    let slot = h & mask;
    while (this.entries[slot] !== null) slot = (slot + 1) & mask;
    this.hashes[slot] = h;
    this.entries[slot] = f;
    this.size++;
  }

  private make(word: string): WordFacts {
    const lemma = this.lemmatizer.lemma(word);
    const verb = this.verbs.has(lemma);
    let verbLemma: string | null = null;
    if (!verb) {
      const v = this.lemmatizer.lemma(word, true);
      if (this.verbs.has(v)) verbLemma = v;
    }
    const trigger = this.byFirst.has(lemma) || (verbLemma !== null && this.byFirst.has(verbLemma));
    return { form: word, lemma, verb, verbLemma, trigger, lower: word.toLowerCase() };
  }
}
