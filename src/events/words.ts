/**
 * What the events stage needs to know of a word form, worked out once per form and cached: its lemma,
 * the verb lemma it takes when tagged as a verb, whether that lemma heads a lexicon verb, and the lexicon
 * entries starting with either. Building a document's view then costs one cache lookup per token.
 *
 * The lookup is most of the stage's time, and most of that is waiting on memory (the table, the facts
 * and the cached forms are out of cache after the other stages ran), so:
 * - half the tokens of news text are one to three characters long (`,`, `the`, `of`, `'s`); their facts
 *   sit in arrays indexed by the character codes, with no string to compare;
 * - longer forms go to an open-addressing table under a hash of our own (a `Map` would hash each token's
 *   fresh string natively, which costs more), kept at most a quarter full so that one slot mostly holds
 *   the form;
 * - `fill` looks up a whole document in passes (hash every token, then load every token's slot, then
 *   check every candidate), so the memory loads of different tokens wait in parallel, not in turn;
 * - before all that, `fill` reads each token's facts by its word-type id (`tokenTypes`), kept per id for
 *   the table's epoch: a type seen before in the epoch is one array read, with no text to hash; only the
 *   tokens of new types go through the tables above.
 */
import type { Token } from '../doc.js';
import { tokenTypes, TypeEpoch, TYPES_SAME, wordTypes } from '../text/word-types.js';
import type { EntrySets } from './lexicon.js';
import { belowAt, hasSuffixCandidates, type Lemmatizer } from './lemma.js';

/**
 * Fields are in the order they are read by `fill` and `buildView`, so the ones read per token share a
 * cache line; all numbers fit a small integer (31 bits), which V8 keeps in the object, not boxed.
 */
export interface WordFacts {
  /** `hash(form)` for forms in the hash table, else 0. */
  readonly hash: number;
  /** The form's codes packed (see `pack`): equal keys are equal forms, with no string to load. */
  readonly k0: number;
  readonly k1: number;
  readonly k2: number;
  readonly k3: number;
  /**
   * The base form (`Lemmatizer.lemma(word)`: a known form of its own is kept, `shelling` stays); '' in
   * the facts shared by forms below `@` (see `WordTable.symbols`), whose lemma is the form itself.
   */
  readonly lemma: string;
  /** `lemma` is in `EventResources.verbs` (a lexicon verb head or a governor). */
  readonly verb: boolean;
  /** `lemma` is `be` or `have` (tested often: a flag spares loading the lemma string). */
  readonly beOrHave: boolean;
  /**
   * The lemma a token of this form takes when tagged VB*: the verb lemma (`shelling` -> `shell`) when
   * `lemma` is no lexicon verb but that is; else null (the token keeps `lemma`).
   */
  readonly verbLemma: string | null;
  /**
   * The tag a token of this form takes when it is not tagged VB* and follows a form of `be` or `have`
   * (`are demanding/JJ` -> VBG, `has been attacked/JJ` -> VBN), or null (it keeps its tag): for a lexicon
   * verb (`verb`), VBG when the form ends in `ing`, VBN when it ends in `ed` or is not its lemma.
   */
  readonly participle: string | null;
  /** The lexicon entries starting with `lemma`, and with `verbLemma`, or null (`setsByFirst`). */
  readonly entries: EntrySets | null;
  readonly verbEntries: EntrySets | null;
  /** The word form itself, as the token has it. */
  readonly form: string;
  /**
   * Kept by the table for good (the arrays of short forms, the hash table, `symbols`), not one of the
   * recent forms made once it is full: other facts are kept per word type only up to a bound (see
   * `byId`), so that the facts the table drops are not all held on to for the rest of an epoch.
   */
  readonly lasting: boolean;
}

/**
 * Facts of at most this many longer forms are cached, so memory stays bounded on any input. The table
 * fills within the first thousand or so articles: with 16,384 it went on filling for tens of thousands,
 * and peak memory grew with the input (`npm run bench:memory`); the forms it leaves out are rare.
 */
const MAX_CACHED = 8_192;

/**
 * Forms made once the table is full go to an array of this many slots, two for each hash (`recentAt`): a
 * new form takes the first, whose form moves to the second, dropping the one there. So a name or rare
 * word repeated within an article or a few articles apart (nearly all the forms made after the first
 * thousand articles) is made once, not at every mention; it is bounded like the table. (One slot a hash
 * made 35,446 forms a pass over 6,000 articles, two 29,496.)
 */
const RECENT_SLOTS = 4_096;

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

/**
 * A form of at most 12 ASCII characters packed into four numbers `k[0, 4)`: 7 bits a character, three to
 * a number, and the length in the first number's bits 21-24, so that equal keys mean equal forms. Any
 * other form gets `[-1, 0, 0, 0]` (no packed key is negative).
 */
function pack(word: string, k: Int32Array): void {
  k.fill(0);
  if (word.length > 12) {
    k[0] = -1;
    return;
  }
  for (let j = 0; j < word.length; j++) {
    const c = word.charCodeAt(j);
    if (c >= 128) {
      k.fill(0);
      k[0] = -1;
      return;
    }
    k[(j / 3) | 0]! |= c << (7 * (j % 3));
  }
  k[0]! |= word.length << 21;
}

/** Where `make` has `pack` put a form's key. */
const packed = new Int32Array(4);

/** A 30-bit hash, odd (so never 0). */
function hash(word: string): number {
  let h = word.length;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x9e3779b1);
  return ((h ^ (h >>> 15)) & 0x3fffffff) | 1;
}

export class WordTable {
  /** By char code; by two 7-bit ASCII codes; by three 6-bit symbol codes (see SYMBOL). */
  private readonly one: (WordFacts | undefined)[] = new Array<WordFacts | undefined>(SINGLE).fill(undefined);
  private readonly two: (WordFacts | undefined)[] = new Array<WordFacts | undefined>(1 << 14).fill(undefined);
  private three: (WordFacts | undefined)[] | null = null;
  /** The hash table of longer forms: linear probing, at most a quarter full. */
  private slots: (WordFacts | null)[] = new Array<WordFacts | null>(1 << 15).fill(null);
  /**
   * The hash of the facts in each slot (0: empty), so that a probe walks a run of slots without loading
   * the facts it passes (each one mostly a cache miss), and loads only the one whose hash is the form's.
   */
  private slotHashes = new Int32Array(1 << 15);
  private size = 0;
  /** Facts made while the table was full, at `recentAt(hash)` or the slot after it (see `RECENT_SLOTS`). */
  private recent: (WordFacts | null)[] | null = null;
  /** The hash of the facts at each place of `recent` (0: none), read before the facts are loaded. */
  private readonly recentHashes = new Int32Array(RECENT_SLOTS);
  /**
   * Per-token hashes of the document `fill` is looking up (0: looked up already), and packed keys. They
   * are sized for nearly any document (1 in 600 news articles has over 1,024 tokens), so that growing them
   * is code that practically never runs: such code, met first after V8 optimized `fill`, would send it
   * back to the interpreter (and to a second compile).
   */
  private hashes = new Int32Array(4096);
  private keys = new Int32Array(4 * 4096);

  /**
   * Per word-type id (see `tokenTypes`), the facts of its text, or null when not looked up yet in this
   * epoch of `wordTypes()`. The facts depend on the text alone, so any facts of the text will do. Made
   * for the table as `byIdFor` saw it (its epoch and capacity); emptied when either moves on. Facts that are
   * not `lasting` (recent forms', which the table drops in time) are kept only up to `byIdRecent` a
   * epoch, so that memory holds at most that many more facts than the table does: an epoch meets tens
   * of thousands of forms, and keeping every one's facts raised the peak memory of a long run.
   */
  private byId: (WordFacts | string | null)[] = [];
  /**
   * What `byId` holds for each id: 0 nothing yet, `FACTS` the facts, `PLAIN` the lemma of facts that are
   * `isPlain` (most forms: no verb lemma, participle or entries, not `be` or `have`). Read first (a byte
   * an id: the array stays in cache), so that a plain form's token stores its lemma and the shared
   * `plain` facts without loading its own facts, mostly a cache miss after the other stages ran.
   */
  private kindById = new Uint8Array(0);
  private readonly byIdFor = new TypeEpoch();
  /** How many facts that are not `lasting` `byId` holds, at most `RECENT_SLOTS`. */
  private byIdRecent = 0;

  /**
   * Forms of four or more characters below `@` (numbers: `1990`, `2,000`) are their own lemma and
   * nothing else to the stage (when the lexicon agrees: see the constructor); they are often seen only
   * once, so they get these shared facts, not a table entry each. Their lemma is the form itself.
   */
  private readonly symbols: WordFacts | null;
  /**
   * The facts of a plain form (see `kindById`) as `fill` gives them: lemma '' (the lemma is in `lemmas`),
   * the rest as every plain form's. One object for all, so reading it costs no cache miss.
   */
  private readonly plain: WordFacts;

  /**
   * Every lower-case form some table of the stage holds (the lemmatizer's irregular and known forms, the
   * verbs, the entries' first words): a form made outside it and with no suffix to strip is its own
   * lemma and nothing else to the stage, which one look-up tells (most forms made after the table is
   * full are names and rare words: this spares each the four look-ups and the suffix candidates).
   */
  private readonly tableForms: ReadonlySet<string>;

  constructor(
    private readonly lemmatizer: Lemmatizer,
    private readonly verbs: ReadonlySet<string>,
    private readonly byFirst: ReadonlyMap<string, EntrySets>,
  ) {
    this.tableForms = new Set([...lemmatizer.tableForms(), ...verbs, ...byFirst.keys()]);
    let ownLemmas = lemmatizer.symbolsAreOwnLemmas();
    for (const w of verbs) if (belowAt(w)) ownLemmas = false;
    for (const w of byFirst.keys()) if (belowAt(w)) ownLemmas = false;
    this.plain = {
      hash: 0,
      k0: -1,
      k1: 0,
      k2: 0,
      k3: 0,
      lemma: '',
      verb: false,
      beOrHave: false,
      verbLemma: null,
      participle: null,
      entries: null,
      verbEntries: null,
      form: '',
      lasting: true,
    };
    // (The same facts: a number's lemma is in `lemmas` too.)
    this.symbols = ownLemmas ? this.plain : null;
  }

  /** The facts of `word`. */
  get(word: string): WordFacts {
    return this.short(word) ?? this.probe(word, hash(word));
  }

  /**
   * The facts of tokens `[0, n)` into `out[0, n)`: `out[i]` is `get(tokens[i].text)`, except for forms
   * below `@` (see `symbols`), which get the shared facts and themselves as lemma in `lemmas[i]`. The
   * other tokens' lemmas are left to the caller (their `WordFacts.lemma`), which reads the facts anyway:
   * a pass here storing them would load every token's facts once more.
   */
  fill(tokens: readonly Token[], n: number, out: (WordFacts | null)[], lemmas: string[]): void {
    if (this.hashes.length < n) {
      this.hashes = new Int32Array(Math.max(n, 2 * this.hashes.length));
      this.keys = new Int32Array(4 * this.hashes.length);
    }
    const { hashes, keys } = this;
    const symbols = this.symbols;
    const ids = tokenTypes(tokens);
    const types = wordTypes();
    if (this.byIdFor.change(types) !== TYPES_SAME) {
      this.byId = new Array<WordFacts | string | null>(types.capacity).fill(null);
      this.kindById = new Uint8Array(types.capacity);
      this.byIdRecent = 0;
    }
    const byId = this.byId;
    const kindById = this.kindById;
    const plain = this.plain;
    // Types seen before in the epoch at once (a plain one's lemma, or the facts); short forms at once;
    // the others hashed, and numbers told apart on the way.
    let looked = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const kind = kindById[id]!;
      if (kind !== 0) {
        const known = byId[id]!;
        if (kind === PLAIN) {
          out[i] = plain;
          lemmas[i] = known as string;
        } else {
          out[i] = known as WordFacts;
          if (known === symbols) lemmas[i] = tokens[i]!.text;
        }
        hashes[i] = 0;
        continue;
      }
      looked++;
      const word = tokens[i]!.text;
      const f = this.short(word);
      out[i] = f;
      if (f !== null) {
        hashes[i] = 0;
        continue;
      }
      // `hash` and `pack` in one pass over the characters.
      const len = word.length;
      let h = len;
      let high = 0;
      let k0 = 0;
      let k1 = 0;
      let k2 = 0;
      let k3 = 0;
      for (let j = 0; j < len; j++) {
        const c = word.charCodeAt(j);
        high |= c & 0xffc0;
        h = Math.imul(h ^ c, 0x9e3779b1);
        if (j < 3) k0 |= c << (7 * j);
        else if (j < 6) k1 |= c << (7 * (j - 3));
        else if (j < 9) k2 |= c << (7 * (j - 6));
        else if (j < 12) k3 |= c << (7 * (j - 9));
      }
      if (high === 0 && symbols !== null) {
        out[i] = symbols;
        lemmas[i] = word;
        hashes[i] = 0;
        continue;
      }
      hashes[i] = ((h ^ (h >>> 15)) & 0x3fffffff) | 1;
      if (len > 12 || (high & 0xff80) !== 0) {
        k0 = -1;
        k1 = k2 = k3 = 0;
      } else k0 |= len << 21;
      keys[4 * i] = k0;
      keys[4 * i + 1] = k1;
      keys[4 * i + 2] = k2;
      keys[4 * i + 3] = k3;
    }
    // Each hashed form's facts: those in the first slot of its run holding its hash (a hash is odd, so 0
    // marks the tokens done already, and an empty slot), or null. The run is walked on the hashes (mostly
    // in one cache line), and only the facts of the form's hash are loaded. A form not in the table may
    // be the recent one of its hash (see `RECENT_SLOTS`): those facts, checked by key like the others,
    // not by the form's text in `probe` (the older of the pair is left to `probe`, which swaps the two).
    const slots = this.slots;
    const slotHashes = this.slotHashes;
    const mask = slots.length - 1;
    const recent = this.recent;
    const recentHashes = this.recentHashes;
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      if (h === 0) continue;
      let slot = h & mask;
      let sh = slotHashes[slot]!;
      while (sh !== h && sh !== 0) sh = slotHashes[(slot = (slot + 1) & mask)]!;
      const at = h & (RECENT_SLOTS - 2);
      out[i] = sh === h ? slots[slot]! : recent !== null && recentHashes[at] === h ? recent[at]! : null;
    }
    // The form is mostly there, told by its packed key, or for a form without one (long or not ASCII:
    // rare) by the form itself; else probe (a form of the same hash, or none: look further or make it).
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      if (h === 0) continue;
      const f = out[i]!;
      const k0 = keys[4 * i]!;
      if (
        f === null ||
        (k0 === -1
          ? f.form !== tokens[i]!.text
          : f.k0 !== k0 || f.k1 !== keys[4 * i + 1] || f.k2 !== keys[4 * i + 2] || f.k3 !== keys[4 * i + 3])
      )
        out[i] = this.probe(tokens[i]!.text, h);
    }
    // The new types' facts kept by id, a plain form's as its lemma (a recent form's up to `byIdRecent`; a
    // token's `hashes[i]` no longer tells it was looked up here).
    if (looked > 0)
      for (let i = 0; i < n; i++) {
        const id = ids[i]!;
        if (kindById[id] !== 0) continue;
        const f = out[i]!;
        if (!f.lasting) {
          if (this.byIdRecent === RECENT_SLOTS) continue;
          this.byIdRecent++;
        }
        const asLemma = isPlain(f);
        byId[id] = asLemma ? f.lemma : f;
        kindById[id] = asLemma ? PLAIN : FACTS;
      }
  }

  /** The facts of a form of one to three characters, from the arrays; null for other forms. */
  private short(word: string): WordFacts | null {
    const n = word.length;
    if (n === 1) {
      const c = word.charCodeAt(0);
      if (c < SINGLE) return (this.one[c] ??= this.make(word, 0, true));
    } else if (n === 2) {
      const a = word.charCodeAt(0);
      const b = word.charCodeAt(1);
      if ((a | b) < 128) return (this.two[(a << 7) | b] ??= this.make(word, 0, true));
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
          return (three[(x << 12) | (y << 6) | z] ??= this.make(word, 0, true));
        }
      }
    }
    return null;
  }

  /** The facts of a longer form with hash `h` (`hash(word)`), from the hash table or made and added. */
  private probe(word: string, h: number): WordFacts {
    const slotHashes = this.slotHashes;
    const mask = slotHashes.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const sh = slotHashes[slot]!;
      if (sh === 0) break;
      if (sh === h) {
        const f = this.slots[slot]!;
        if (f.form === word) return f;
      }
    }
    if (this.size < MAX_CACHED) {
      const f = this.make(word, h, true);
      this.insert(f);
      return f;
    }
    const recent = (this.recent ??= new Array<WordFacts | null>(RECENT_SLOTS).fill(null));
    const recentHashes = this.recentHashes;
    const at = h & (RECENT_SLOTS - 2);
    if (recentHashes[at] === h) {
      const seen = recent[at]!;
      if (seen.form === word) return seen;
    }
    // The other of the pair, used less recently: found, it takes the first slot (the two swap); else it
    // is dropped for this form's new facts, and the first slot's form takes its place.
    const older = recent[at + 1] ?? null;
    const found = recentHashes[at + 1] === h && older !== null && older.form === word;
    const f = found ? older : this.make(word, h, false);
    recentHashes[at + 1] = recentHashes[at]!;
    recent[at + 1] = recent[at] ?? null;
    recentHashes[at] = h;
    return (recent[at] = f);
  }

  private insert(f: WordFacts): void {
    if (4 * (this.size + 1) > this.slots.length) {
      const old = this.slots;
      this.slots = new Array<WordFacts | null>(2 * old.length).fill(null);
      this.slotHashes = new Int32Array(2 * old.length);
      this.size = 0;
      for (const e of old) if (e !== null) this.insert(e);
    }
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = f.hash & mask;
    while (slots[slot] !== null) slot = (slot + 1) & mask;
    slots[slot] = f;
    this.slotHashes[slot] = f.hash;
    this.size++;
  }

  /** The facts of `word` (hash `h`), `lasting` or not (see `WordFacts.lasting`). */
  private make(word: string, h: number, lasting: boolean): WordFacts {
    const lower = word.toLowerCase();
    pack(word, packed);
    // A form in no table (`tableForms`) with no suffix to strip: `lemmas` would give it itself as both
    // lemmas, which is no verb and starts no entry. (A form with `’` is lower-cased further by `lemmas`.)
    // Most forms made once the table is full are such (names, rare words): their facts at once.
    if (!hasSuffixCandidates(lower) && !this.tableForms.has(lower) && !lower.includes('’'))
      return factsOf(word, h, lower, false, false, null, null, null, null, lasting);
    const [lemma, v] = this.lemmatizer.lemmasOfLower(lower);
    const verb = this.verbs.has(lemma);
    const verbLemma = !verb && this.verbs.has(v) ? v : null;
    const entries = this.byFirst.get(lemma) ?? null;
    const verbEntries = verbLemma === null ? null : (this.byFirst.get(verbLemma) ?? null);
    const participle = !verb
      ? null
      : lower.endsWith('ing')
        ? 'VBG'
        : lower.endsWith('ed') || lower !== lemma
          ? 'VBN'
          : null;
    const beOrHave = lemma === 'be' || lemma === 'have';
    return factsOf(word, h, lemma, verb, beOrHave, verbLemma, participle, entries, verbEntries, lasting);
  }
}

/** `WordTable.kindById`: the id's facts are in `byId`; the id's form is plain, its lemma in `byId`. */
const FACTS = 1;
const PLAIN = 2;

/**
 * Facts that the events stage reads as the shared `WordTable.plain` with the lemma beside them: the form
 * has a lemma of its own (not '', as `symbols` and `plain` have), and nothing else the stage looks at.
 */
function isPlain(f: WordFacts): boolean {
  return (
    f.lemma !== '' &&
    !f.verb &&
    !f.beOrHave &&
    f.verbLemma === null &&
    f.participle === null &&
    f.entries === null &&
    f.verbEntries === null
  );
}

/** The facts of `word` (hash `h`, its key in `packed`), made in one place so that all have one shape. */
function factsOf(
  word: string,
  h: number,
  lemma: string,
  verb: boolean,
  beOrHave: boolean,
  verbLemma: string | null,
  participle: string | null,
  entries: EntrySets | null,
  verbEntries: EntrySets | null,
  lasting: boolean,
): WordFacts {
  return {
    hash: h,
    k0: packed[0]!,
    k1: packed[1]!,
    k2: packed[2]!,
    k3: packed[3]!,
    lemma,
    verb,
    beOrHave,
    verbLemma,
    participle,
    entries,
    verbEntries,
    form: word,
    lasting,
  };
}
