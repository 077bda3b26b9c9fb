import type { Doc, Sentence, Token } from '../doc.js';
import { TypeEpoch, TYPES_SAME, wordTypes } from '../text/word-types.js';
import { timeLexicon, type Readings } from './lexicon.js';
import { startsOf } from './starts.js';

/**
 * A sentence as the time extractors see it: words made from the tokens, lower-cased, with a final period
 * dropped (`Sept.` -> `sept`), hyphenated tokens split into their parts (`third-quarter` -> `third`,
 * `quarter`), and a number glued to its suffix (`1990` `s` -> `1990s`, `20` `th` -> `20th`).
 */
export interface Word {
  /** Lower-cased form used for lexicon look-ups. */
  norm: string;
  /** The text as written (for capitalisation checks). */
  text: string;
  start: number;
  end: number;
  /** Attached to the previous word by a hyphen inside one token. */
  joined: boolean;
  /** Written with a final period (`Sept.`). */
  dotted: boolean;
  /** Penn tag of the token, when a tagger has run. */
  tag?: string;
  /** Index of the sentence's first word of the token (for sentence-start checks). */
  first: boolean;
  /** Starts with a digit. */
  digit: boolean;
  /** Its value when all digits, else NaN. */
  num: number;
  /** The word's lexicon readings, looked up once. */
  readings: Readings | undefined;
  /** The extractors that can start at this word (`START_*` bits of `starts.ts`); 0 unless it is an anchor. */
  starts: number;
}

export interface SentenceView {
  index: number;
  words: Word[];
  /**
   * Indexes of the words an extractor can start at (lexicon words, numbers, `the`, `every`, ... for which
   * `startsOf` names an extractor), in order: extractors visit only these, so a long sentence with one
   * date costs a few steps.
   */
  anchors: number[];
  /** The `starts` of all its words together: an extractor none of them names has nothing to do here. */
  starts: number;
}

/** Words outside the lexicon where an extractor starts (`the quarter`, `every Monday`, `these days`, `on Mondays`). */
const EXTRA_ANCHORS = new Set([
  'the',
  'every',
  'each',
  'per',
  'these',
  'mondays',
  'tuesdays',
  'wednesdays',
  'thursdays',
  'fridays',
  'saturdays',
  'sundays',
]);

const DIGITS = /^\d+$/;
/** Four digits not followed by a fifth or a decimal part: `1990`, `1990s`, `2023-03-20`, not `1,000` or `1990.5`. */
const YEAR_LIKE = /^\d{4}(?![\d.,]\d)/;
const NUMBERS_WITH_HYPHENS = /^\d+(?:[-–]\d+)+$/;
/** Words outside the trigger classes that trigger a sentence: a spoken year's opening (`nineteen ninety-six`), `Q3`, `H1`, `half`. */
const SPOKEN_YEAR = new Set(['eighteen', 'nineteen', 'thousand', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'half']);
const NUMBER_SUFFIX = new Set(['s', 'th', 'st', 'nd', 'rd']);
const LETTER_START = /^\p{L}/u;

function isDigit(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** What one word of a token contributes, computed from the text alone (so it is shared by every token of that text). */
class WordForm {
  constructor(
    readonly norm: string,
    readonly text: string,
    /** Offset of the word in its token (a hyphenated token's parts). */
    readonly offset: number,
    /** A part after the token's first (a hyphenated token's `quarter` in `third-quarter`). */
    readonly later: boolean,
    readonly dotted: boolean,
    readonly readings: Readings | undefined,
    readonly digit: boolean,
    readonly num: number,
    /** The extractors that can start at this word, 0 when it is no anchor (see `SentenceView.anchors`). */
    readonly starts: number,
  ) {}
}

/** The extractors that can start at an anchor word (lexicon words, numbers, `EXTRA_ANCHORS`, `SPOKEN_YEAR`). */
function anchorStarts(norm: string, readings: Readings | undefined, digit: boolean): number {
  const anchor = !!readings || digit || EXTRA_ANCHORS.has(norm) || SPOKEN_YEAR.has(norm);
  return anchor ? startsOf(norm, readings, digit) : 0;
}

function wordForm(
  norm: string,
  text: string,
  offset: number,
  later: boolean,
  dotted: boolean,
  readings: Readings | undefined,
  num: number,
): WordForm {
  const digit = isDigit(norm);
  return new WordForm(
    norm,
    text,
    offset,
    later,
    dotted,
    readings,
    digit,
    num,
    anchorStarts(norm, readings, digit),
  );
}

/** How a token becomes words. */
const PLAIN = 0;
/** `20-22`, `2023-03-20`: numbers and hyphens, each a word, none joined. */
const NUMBER_PARTS = 1;
/** `third-quarter`: the parts between hyphens, the later ones joined to the first. */
const WORD_PARTS = 2;

/**
 * Everything the times stage needs to know about a token's text, computed once per distinct text and
 * cached: whether it triggers the sentence, and the word(s) it becomes in the view.
 */
class TokenForm {
  constructor(
    /** Triggers the sentence on its text alone (see `triggered` in the comments below). */
    readonly trigger: boolean,
    /** Starts with a digit: triggers also when a number suffix follows without a space (`20` `th`). */
    readonly digitStart: boolean,
    /** All digits: glued to a number suffix after it (`1990` `s`). */
    readonly allDigits: boolean,
    readonly hyphen: boolean,
    readonly kind: number,
    readonly words: readonly WordForm[],
  ) {}
}

/**
 * The pre-filter on one token's text: whether it could anchor a time expression (a lexicon trigger, a
 * year-like or clock-like number). Month and weekday names count only capitalised (`May`, not `may`).
 */
function textTriggers(text: string): boolean {
  const lex = timeLexicon();
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    // years and decades (`1990`, `1990s`, `2023-03-20`), clock times, slashed dates, `20th`, `10-year`
    if (YEAR_LIKE.test(text) || text.includes(':') || text.includes('/') || /\p{L}/u.test(text)) {
      if (!text.includes('-') || YEAR_LIKE.test(text)) return true;
      if (
        text
          .toLowerCase()
          .split('-')
          .some((p) => lex.isTrigger(p))
      )
        return true;
    }
    return false;
  }
  let lower = text.toLowerCase();
  if (lower.endsWith('.')) lower = lower.slice(0, -1);
  if (lex.isTrigger(lower) && !(c >= 97 && c <= 122 && lex.needsCapital(lower))) return true;
  if (SPOKEN_YEAR.has(lower)) return true;
  return lower.includes('-') && lower.split('-').some((p) => lex.isTrigger(p) || SPOKEN_YEAR.has(p));
}

/** The words a token's text becomes (before gluing and hyphen joins, which depend on its neighbours). */
function tokenWords(text: string): { kind: number; words: WordForm[] } {
  const lex = timeLexicon();
  const words: WordForm[] = [];
  if (text.length > 2 && NUMBERS_WITH_HYPHENS.test(text)) {
    let offset = 0;
    for (const piece of text.split(/([-–])/)) {
      const digit = isDigit(piece);
      words.push(wordForm(piece, piece, offset, offset > 0, false, undefined, digit ? Number(piece) : NaN));
      offset += piece.length;
    }
    return { kind: NUMBER_PARTS, words };
  }
  if (text.length > 2 && text.includes('-') && /\p{L}/u.test(text)) {
    let offset = 0;
    let part = 0;
    for (const piece of text.split('-')) {
      if (piece) {
        const norm = piece.toLowerCase();
        const num = DIGITS.test(norm) ? Number(norm) : NaN;
        words.push(wordForm(norm, piece, offset, part > 0, false, lex.get(norm), num));
        part++;
      }
      offset += piece.length + 1;
    }
    return { kind: WORD_PARTS, words };
  }
  const dotted = text.length > 1 && text.endsWith('.') && text.indexOf('.') === text.length - 1;
  const norm = (dotted ? text.slice(0, -1) : text).toLowerCase();
  const num = DIGITS.test(norm) ? Number(norm) : NaN;
  words.push(wordForm(norm, text, 0, false, dotted, lex.get(norm), num));
  return { kind: PLAIN, words };
}

function tokenForm(text: string): TokenForm {
  const { kind, words } = tokenWords(text);
  return new TokenForm(textTriggers(text), isDigit(text), DIGITS.test(text), text === '-', kind, words);
}

/**
 * Token text -> its form, for a number glued to its suffix (`1990` `s`: a text of no token; the forms of
 * tokens' texts are kept per word type, see `typeForms`). Cleared when it grows past this: small
 * enough that it fills early in a run (with 16,384 the heap kept growing for tens of thousands of articles).
 */
const MAX_FORMS = 4_096;
const forms = new Map<string, TokenForm>();

/** The form of a token's text, from the cache (used for the few tokens the fast path leaves out). */
function formOf(text: string): TokenForm {
  let f = forms.get(text);
  if (f === undefined) {
    if (forms.size >= MAX_FORMS) forms.clear();
    f = tokenForm(text);
    forms.set(text, f);
  }
  return f;
}

/*
 * The fast path. Most tokens are plain ASCII words (no digit first, no hyphen, no period but a final one):
 * for them a single pass over the char codes hashes the lower-cased word (without a final period) into a
 * small open-addressing table of the words the stage knows (the lexicon, `EXTRA_ANCHORS`, `SPOKEN_YEAR`),
 * with no string made and no map look-up. The table is small enough to stay in cache; a string map keyed
 * by token text costs a cache miss or two per token.
 */

/** Per known word: its lower-case form, readings and flags. Index 0 is "not a known word". */
const knownNorm: string[] = [''];
const knownReadings: (Readings | undefined)[] = [undefined];
/** Triggers the sentence whatever its case. */
const K_TRIGGER = 1;
/** Triggers the sentence when it does not start with a lower-case letter (month and weekday names). */
const K_TRIGGER_CAPITAL = 2;
let knownFlags = new Uint8Array(1);
/** The extractors that can start at it (`Word.starts`). */
let knownStarts = new Int32Array(1);
/**
 * The table: 1,024 slots of one int each (4 KB, so that a document touches few cache lines of it; the
 * stage runs between stages that flush the caches). A slot holds the word's hash with its low 10 bits
 * replaced by the known-word index (0 = empty); the slot is the hash's top 10 bits, probed linearly.
 */
const TABLE_BITS = 10;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const ID_MASK = 0x3ff;
const table = new Int32Array(1 << TABLE_BITS);
let tableReady = false;
/**
 * All-digit tokens take the fast path when no known word starts with a digit (then a number has no
 * readings, and `startsOf` gives every number the same extractors); `hyphenWord` is the word a lone `-`
 * becomes when it joins nothing.
 */
let digitsFast = false;
let digitStarts = 0;
let hyphenWord: WordForm | undefined;
let hyphenTriggers = false;

/** The hash step of one lower-case char code (32-bit multiply-xor; both ends of the table agree on it). */
function step(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

function hashOf(word: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) h = step(h, word.charCodeAt(i));
  return h;
}

function buildTable(): void {
  const lex = timeLexicon();
  const add = (word: string): void => {
    const h = hashOf(word);
    let slot = h >>> (32 - TABLE_BITS);
    while (table[slot] !== 0) {
      if (knownNorm[table[slot] & ID_MASK] === word) return;
      slot = (slot + 1) & TABLE_MASK;
    }
    const id = knownNorm.length;
    if (id * 2 > TABLE_MASK) throw new Error('time words: known-word table too small');
    knownNorm.push(word);
    const readings = lex.get(word);
    knownReadings.push(readings);
    table[slot] = (h & ~ID_MASK) | id;
  };
  for (const [word] of lex.entries()) add(word);
  for (const word of EXTRA_ANCHORS) add(word);
  for (const word of SPOKEN_YEAR) add(word);
  knownFlags = new Uint8Array(knownNorm.length);
  knownStarts = new Int32Array(knownNorm.length);
  for (let id = 1; id < knownNorm.length; id++) {
    const word = knownNorm[id];
    const trigger = lex.isTrigger(word);
    const spoken = SPOKEN_YEAR.has(word);
    let f = 0;
    if ((trigger && !lex.needsCapital(word)) || spoken) f |= K_TRIGGER;
    if (trigger || spoken) f |= K_TRIGGER_CAPITAL;
    knownFlags[id] = f;
    knownStarts[id] = anchorStarts(word, knownReadings[id], false);
  }
  digitsFast = knownNorm.every((w) => !isDigit(w));
  digitStarts = anchorStarts('0', undefined, true);
  hyphenWord = tokenForm('-').words[0];
  hyphenTriggers = textTriggers('-');
  tableReady = true;
}

/** `classify`: the token is not a plain word; use its cached `TokenForm`. */
const COMPLEX = -1;
/** `classify`: all digits (`1990`, `20`). */
const DIGITS_ONLY = -2;
/** `classify`: a hyphen on its own (`10` `-` `year`). */
const HYPHEN = -3;
/**
 * `classify`: a number with other ASCII chars but no hyphen (`1,000`, `3.5`, `10:30`, `20th`), which
 * triggers the sentence (`NUMBER_TRIGGER`: year-like, clock or date marks, letters) or not (`NUMBER`).
 */
const NUMBER_TRIGGER = -4;
const NUMBER = -5;

/** `YEAR_LIKE` on a text of digits and ASCII: four digits, not followed by a fifth or a decimal part. */
function yearLike(text: string): boolean {
  const n = text.length;
  if (n < 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  if (n < 6) return true;
  const c4 = text.charCodeAt(4);
  const c5 = text.charCodeAt(5);
  return !(((c4 >= 48 && c4 <= 57) || c4 === 46 || c4 === 44) && c5 >= 48 && c5 <= 57);
}
/** Flags of a plain word's code, under its known-word index shifted left by 2. */
const C_UPPER = 1;
const C_DOTTED = 2;

/**
 * A plain word's code: known-word index << 2 | C_UPPER (has an upper-case letter) | C_DOTTED (ends in its
 * only period, and is longer than it); DIGITS_ONLY or HYPHEN for those tokens; or COMPLEX for a token that
 * starts with a digit but has other chars, holds a hyphen, a non-ASCII char or a period before its last.
 */
function classify(text: string): number {
  const n = text.length;
  const c0 = text.charCodeAt(0);
  if (n === 0) return COMPLEX;
  if (c0 >= 48 && c0 <= 57) {
    if (!digitsFast) return COMPLEX;
    let all = true;
    let marked = false;
    for (let i = 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) continue;
      all = false;
      // a hyphen (`1990-91`, `10-year`) or a non-ASCII char (an en dash) needs the form's rules
      if (c === 45 || c >= 128) return COMPLEX;
      // a clock time, a slashed date or a letter (`10:30`, `3/20/2023`, `20th`)
      if (c === 58 || c === 47 || ((c | 32) >= 97 && (c | 32) <= 122)) marked = true;
    }
    if (all) return DIGITS_ONLY;
    return marked || yearLike(text) ? NUMBER_TRIGGER : NUMBER;
  }
  if (n === 1 && c0 === 45) return HYPHEN;
  let h = 0x811c9dc5 | 0;
  let flags = 0;
  let len = n;
  if (n > 1 && text.charCodeAt(n - 1) === 46) {
    flags = C_DOTTED;
    len = n - 1;
  }
  for (let i = 0; i < len; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      c += 32;
      flags |= C_UPPER;
    } else if (c >= 128 || c === 45 || (c === 46 && n > 1)) return COMPLEX;
    h = step(h, c);
  }
  let slot = h >>> (32 - TABLE_BITS);
  for (;;) {
    const entry = table[slot];
    if (entry === 0) return flags;
    if (((entry ^ h) & ~ID_MASK) === 0) {
      const id = entry & ID_MASK;
      const word = knownNorm[id];
      if (word.length === len) {
        let same = true;
        for (let i = 0; i < len; i++) {
          let c = text.charCodeAt(i);
          if (c >= 65 && c <= 90) c += 32;
          if (c !== word.charCodeAt(i)) {
            same = false;
            break;
          }
        }
        if (same) return (id << 2) | flags;
      }
    }
    slot = (slot + 1) & TABLE_MASK;
  }
}

function hasUpper(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** The value of an all-digit text (`Number(text)`, by hand where the sum is exact). */
function digitsValue(text: string): number {
  if (text.length > 15) return Number(text);
  let v = 0;
  for (let i = 0; i < text.length; i++) v = v * 10 + (text.charCodeAt(i) - 48);
  return v;
}

/** `s`, `th`, `st`, `nd`, `rd` in any case: the suffix glued to a number before it (`1990` `s`, `20` `TH`). */
function isNumberSuffix(text: string): boolean {
  return NUMBER_SUFFIX.has(text.length <= 2 ? text.toLowerCase() : text);
}

/**
 * A word of the view. Its lower-cased form is made on first use: most words are only looked at through
 * their known-word readings and flags, and a plain word written in lower case is its own form.
 */
class ViewWord implements Word {
  text = '';
  /** The lower-cased form, or null until asked for. */
  lower: string | null = null;
  start = 0;
  end = 0;
  joined = false;
  dotted = false;
  tag: string | undefined = undefined;
  first = false;
  digit = false;
  num = NaN;
  readings: Readings | undefined = undefined;
  starts = 0;

  get norm(): string {
    if (this.lower === null) this.lower = (this.dotted ? this.text.slice(0, -1) : this.text).toLowerCase();
    return this.lower;
  }
}

/**
 * The view's words, reused from sentence to sentence (a sentence's view is dropped before the next is
 * built): half of all tokens become words, and reusing them spares the allocation and the collections.
 */
const pool: ViewWord[] = [];

function put(
  words: Word[],
  text: string,
  lower: string | null,
  start: number,
  end: number,
  joined: boolean,
  dotted: boolean,
  tag: string | undefined,
  first: boolean,
  digit: boolean,
  num: number,
  readings: Readings | undefined,
  starts: number,
): void {
  const n = words.length;
  let w = pool[n];
  if (w === undefined) pool.push((w = new ViewWord()));
  w.text = text;
  w.lower = lower;
  w.start = start;
  w.end = end;
  w.joined = joined;
  w.dotted = dotted;
  w.tag = tag;
  w.first = first;
  w.digit = digit;
  w.num = num;
  w.readings = readings;
  w.starts = starts;
  words.push(w);
}

/** `put` for a word form of the cache: its text, lower-cased form, number and readings come with it. */
function putForm(
  words: Word[],
  p: WordForm,
  start: number,
  end: number,
  joined: boolean,
  dotted: boolean,
  tag: string | undefined,
  first: boolean,
): void {
  put(words, p.text, p.norm, start, end, joined, dotted, tag, first, p.digit, p.num, p.readings, p.starts);
}

/*
 * Per word type (the ids of `tokenTypes`, in one epoch of `wordTypes()`): what the pre-filter learns of a
 * token from its text alone, so that a type seen before in the epoch costs an array read, not a pass over
 * its chars and a probe of the known-word table (or, for a COMPLEX token, a map look-up of its text).
 */

/** `typeInfo`: the type's text triggers the sentence (see `sentenceView`). */
const T_TRIGGER = 1;
/** `typeInfo`: the type's text starts with a digit (a number suffix glued after it triggers the sentence). */
const T_DIGIT_START = 2;
/** `typeInfo` keeps `classify`'s code plus this (so that every info is above 0, and 0 is "not seen yet"). */
const CODE_BIAS = 8;
/**
 * Per type, `(classify(text) + CODE_BIAS) << 2 | T_TRIGGER | T_DIGIT_START`, or 0 when not seen yet: at
 * most 13 bits (a known-word index is below 512), so 16-bit integers, half the cache lines of 32-bit ones.
 */
let typeInfo = new Int16Array(0);
/** Per type whose code is COMPLEX, its text's form (made for it, not shared with `forms`). */
let typeForms: (TokenForm | undefined)[] = [];
/** The table of `wordTypes()` the two are for. */
const typesFor = new TypeEpoch();

/** The `typeInfo` of a token's text (for `typeInfo[id]`); puts the form of a COMPLEX text at `typeForms[id]`. */
function infoOf(text: string, id: number): number {
  const r = classify(text);
  let bits = 0;
  if (r >= 4) {
    const c0 = text.charCodeAt(0);
    const need = c0 >= 97 && c0 <= 122 ? K_TRIGGER : K_TRIGGER_CAPITAL;
    if (knownFlags[r >> 2] & need) bits = T_TRIGGER;
  } else if (r === HYPHEN) {
    if (hyphenTriggers) bits = T_TRIGGER;
  } else if (r === DIGITS_ONLY) {
    // year-like: four digits, or five (`YEAR_LIKE` wants no digit after the fifth)
    bits = T_DIGIT_START | (text.length === 4 || text.length === 5 ? T_TRIGGER : 0);
  } else if (r === NUMBER_TRIGGER) bits = T_DIGIT_START | T_TRIGGER;
  else if (r === NUMBER) bits = T_DIGIT_START;
  else if (r === COMPLEX) {
    const f = tokenForm(text);
    typeForms[id] = f;
    bits = (f.trigger ? T_TRIGGER : 0) | (f.digitStart ? T_DIGIT_START : 0);
  }
  return ((r + CODE_BIAS) << 2) | bits;
}

/**
 * Builds the word view of one sentence, or null when no word could anchor a time expression.
 *
 * The pre-filter: a sentence passes when a token could anchor a time expression on its text (a lexicon
 * trigger, a year-like or clock-like number; month and weekday names only capitalised), or a number is
 * followed without a space by a number suffix (`20` `th`; that token may start the next sentence). Most
 * sentences fail it at the cost of one array read per token (`typeInfo` of its word type; a type new in
 * the epoch, one pass over its chars), and a sentence passes at its first such token. `ids` are the
 * document's word types (`tokenTypes(doc.tokens)`). The view's words are reused: a view is valid until
 * the next call.
 */
export function sentenceView(
  doc: Doc,
  sentence: Sentence,
  index: number,
  ids: Int32Array,
): SentenceView | null {
  if (!tableReady) buildTable();
  const types = wordTypes();
  if (typesFor.change(types) !== TYPES_SAME) {
    typeInfo = new Int16Array(types.capacity);
    typeForms = new Array<TokenForm | undefined>(types.capacity).fill(undefined);
  }
  const tokens: Token[] = doc.tokens ?? [];
  const start = sentence.tokenStart;
  const stop = sentence.tokenEnd;
  const info = typeInfo;
  for (let t = start; t < stop; t++) {
    const id = ids[t];
    let r = info[id];
    if (r === 0) r = info[id] = infoOf(tokens[t].text, id);
    if (r & T_TRIGGER) return viewOf(tokens, ids, start, stop, index);
    if (r & T_DIGIT_START) {
      const next = tokens[t + 1];
      if (next !== undefined && next.start === tokens[t].end && NUMBER_SUFFIX.has(next.text))
        return viewOf(tokens, ids, start, stop, index);
    }
  }
  return null;
}

/**
 * The view of a sentence that passed `sentenceView`'s pre-filter, from its types' `typeInfo`. A
 * function of its own, so that the pre-filter, which every sentence runs, is compiled alone, and the
 * building, which most sentences skip and whose rarer branches are often first met after V8 optimized
 * it, is the only code compiled again then.
 */
function viewOf(
  tokens: readonly Token[],
  ids: Int32Array,
  start: number,
  stop: number,
  index: number,
): SentenceView {
  const info = typeInfo;
  const words: Word[] = [];
  const anchors: number[] = [];
  let hyphenJoin = false;
  for (let t = start; t < stop; t++) {
    const tok = tokens[t];
    const first = t === start;
    // the type's info (the pre-filter stopped at the sentence's first trigger: the rest may be new)
    const typeId = ids[t];
    let typeBits = info[typeId];
    if (typeBits === 0) typeBits = info[typeId] = infoOf(tok.text, typeId);
    const r = (typeBits >> 2) - CODE_BIAS;
    if (r >= 0) {
      const id = r >> 2;
      const dotted = (r & C_DOTTED) !== 0;
      const lower = id !== 0 ? knownNorm[id] : (r & (C_UPPER | C_DOTTED)) === 0 ? tok.text : null;
      const starts = knownStarts[id];
      if (starts !== 0) anchors.push(words.length);
      put(
        words,
        tok.text,
        lower,
        tok.start,
        tok.end,
        hyphenJoin,
        dotted,
        tok.tag,
        first,
        false,
        NaN,
        knownReadings[id],
        starts,
      );
      hyphenJoin = false;
      continue;
    }
    if (r === HYPHEN) {
      // `10-year` is tokenised `10` `-` `year`: drop the hyphen, join the word to the number
      if (words.length && t + 1 < stop) {
        const prev = tokens[t - 1];
        const next = tokens[t + 1];
        // Both tests on every such hyphen (not only on one glued to both neighbours, which few are): code
        // that has not run when V8 optimizes `viewOf` would send it back to the interpreter when it first does.
        const numberBefore = DIGITS.test(prev.text);
        const wordAfter = LETTER_START.test(next.text);
        if (prev.end === tok.start && next.start === tok.end && numberBefore && wordAfter) {
          hyphenJoin = true;
          continue;
        }
      }
      const p = hyphenWord as WordForm;
      putForm(words, p, tok.start, tok.end, hyphenJoin, p.dotted, tok.tag, first);
      hyphenJoin = false;
      continue;
    }
    let f: TokenForm;
    let end = tok.end;
    // a number glued to its suffix: `1990` `s` -> `1990s`
    const next = t + 1 < stop ? tokens[t + 1] : undefined;
    const glued =
      next !== undefined &&
      next.start === end &&
      (r === DIGITS_ONLY || (r === COMPLEX && (typeForms[typeId] as TokenForm).allDigits)) &&
      isNumberSuffix(next.text);
    if (glued) {
      f = formOf(tok.text + next.text);
      end = next.end;
      t++;
    } else if (r === NUMBER_TRIGGER || r === NUMBER) {
      // a number's only word (no known word starts with a digit: no readings, the digits' starts)
      const text = tok.text;
      const n = text.length;
      const dotted = n > 1 && text.charCodeAt(n - 1) === 46 && text.indexOf('.') === n - 1;
      const bare = dotted ? text.slice(0, -1) : text;
      const num = DIGITS.test(bare) ? Number(bare) : NaN;
      const lower = dotted || hasUpper(text) ? null : text;
      anchors.push(words.length);
      put(
        words,
        text,
        lower,
        tok.start,
        end,
        hyphenJoin,
        dotted,
        tok.tag,
        first,
        true,
        num,
        undefined,
        digitStarts,
      );
      hyphenJoin = false;
      continue;
    } else if (r === DIGITS_ONLY) {
      anchors.push(words.length);
      const text = tok.text;
      put(
        words,
        text,
        text,
        tok.start,
        end,
        hyphenJoin,
        false,
        tok.tag,
        first,
        true,
        digitsValue(text),
        undefined,
        digitStarts,
      );
      hyphenJoin = false;
      continue;
    } else f = typeForms[typeId] as TokenForm;
    // `20-22`, `2023-03-20`, `1990-91`: numbers and their hyphens as separate words, none joined;
    // `third-quarter`: the parts between hyphens, the later ones joined to the first. Any other form is
    // one word over the token (a lone hyphen is HYPHEN above; COMPLEX forms are never one). One loop
    // puts both, reading every field of each word and choosing by conditional values: the parts are
    // rarer, and code of theirs alone might first run after V8 optimized `viewOf` (see above).
    const fw = f.words;
    const parts = f.kind === NUMBER_PARTS || f.kind === WORD_PARTS;
    const numbers = f.kind === NUMBER_PARTS;
    const count = parts ? fw.length : 1;
    for (let k = 0; k < count; k++) {
      const p = fw[k];
      const later = p.later;
      const s = tok.start + (parts ? p.offset : 0);
      const partEnd = s + p.text.length;
      const joined = parts ? !numbers && (later || hyphenJoin) : hyphenJoin;
      if (p.starts !== 0) anchors.push(words.length);
      putForm(
        words,
        p,
        s,
        parts ? partEnd : end,
        joined,
        parts ? false : p.dotted,
        tok.tag,
        parts ? first && !later : first,
      );
    }
    hyphenJoin = false;
  }
  let starts = 0;
  for (let k = 0; k < anchors.length; k++) starts |= words[anchors[k]].starts;
  return { index, words, anchors, starts };
}
