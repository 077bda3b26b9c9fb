import type { TimeType } from '../doc.js';
import { fromDayNumber, parseIsoDay } from './calendar.js';
import type { WordClass } from './lexicon.js';
import type { SentenceView, Word } from './words.js';

/**
 * A time expression over words `[first, last]` of one sentence, proposed by an extractor. All candidates
 * have these fields in this order (`from` and `to` undefined where there are none; `candidate` makes
 * those), so that they have one object shape: code reading them then stays optimized (a second shape,
 * first met after V8 optimized it, sent `findTimes` back to the interpreter and to a second compile).
 */
export interface Candidate {
  first: number;
  last: number;
  type: TimeType;
  value: string;
  from?: string;
  to?: string;
  rule: string;
}

/** A candidate that is not an interval (`from` and `to` undefined), in `Candidate`'s one object shape. */
export function candidate(
  first: number,
  last: number,
  type: TimeType,
  value: string,
  rule: string,
): Candidate {
  return { first, last, type, value, from: undefined, to: undefined, rule };
}

/** What resolution needs beyond the sentence: the publication date and anchors carried through the article. */
export interface TimeContext {
  /** Publication date as a day number, or null when unknown (values then keep `XXXX`). */
  dct: number | null;
  dctYear: number | null;
  dctMonth: number | null;
  /** Last quarter mentioned (earnings stories say `the quarter`, `a year earlier` about it). */
  lastQuarter: { y: number; q: number; sentence: number } | null;
  /** Last explicit year mentioned, the anchor of `the following year`. */
  lastYear: number | null;
  /** The article talks about quarters (an earnings story): `a year ago` then means the quarter a year back. */
  readonly quarterly: boolean;
}

/** A `TimeContext` that scans the article for `quarter` only when an expression asks (few do). */
class ArticleContext implements TimeContext {
  lastQuarter: { y: number; q: number; sentence: number } | null = null;
  lastYear: number | null = null;
  private isQuarterly: boolean | null = null;

  constructor(
    readonly dct: number | null,
    readonly dctYear: number | null,
    readonly dctMonth: number | null,
    private readonly text: string,
  ) {}

  get quarterly(): boolean {
    if (this.isQuarterly === null) this.isQuarterly = /\bquarter\b/i.test(this.text);
    return this.isQuarterly;
  }
}

export function newContext(date: string | null, text = ''): TimeContext {
  const dct = parseIsoDay(date);
  const ymd = dct === null ? null : fromDayNumber(dct);
  return new ArticleContext(dct, ymd?.y ?? null, ymd?.m ?? null, text);
}

/** Words that shift a unit from the publication date (`last week`, `the following year`). */
export const SHIFT_WORDS: ReadonlySet<string> = new Set([
  'last',
  'this',
  'next',
  'past',
  'coming',
  'previous',
  'following',
  'current',
  'preceding',
  'prior',
]);

export type Extractor = (s: SentenceView, ctx: TimeContext, out: Candidate[]) => void;

/**
 * The value of a word's reading in a class, or undefined; out-of-range indexes read as nothing. A switch
 * rather than `readings[c]`: every call passes a constant class, so once inlined the switch folds to one
 * monomorphic field load, where a keyed load shared by all classes would be megamorphic.
 */
export function cls(s: SentenceView, i: number, c: WordClass): string | undefined {
  const r = s.words[i]?.readings;
  if (r === undefined) return undefined;
  switch (c) {
    case 'month':
      return r.month;
    case 'weekday':
      return r.weekday;
    case 'number':
      return r.number;
    case 'ordinal':
      return r.ordinal;
    case 'unit':
      return r.unit;
    case 'deictic':
      return r.deictic;
    case 'ref':
      return r.ref;
    case 'part':
      return r.part;
    case 'season':
      return r.season;
    case 'set':
      return r.set;
    case 'shift':
      return r.shift;
    case 'approx':
      return r.approx;
    case 'edge':
      return r.edge;
    case 'tense':
      return r.tense;
  }
}

export function norm(s: SentenceView, i: number): string {
  return s.words[i]?.norm ?? '';
}

/**
 * Whether word i's lower-cased form is `word` (false out of range). The extractors test their words here
 * rather than each with its own `===`: word forms are strings of several kinds (internalized: the empty
 * string, one-char words, the literals; others: token texts, lower-cased copies), and a compare V8
 * optimized after seeing only one kind sends its function back to the interpreter, and to another
 * compile, when it first meets the other, which for a rare phrase can be thousands of articles in. This
 * one compare sees every kind within the first article.
 */
export function normIs(s: SentenceView, i: number, word: string): boolean {
  return norm(s, i) === word;
}

export function isCapitalised(w: Word | undefined): boolean {
  return !!w && w.text.charCodeAt(0) >= 65 && w.text.charCodeAt(0) <= 90;
}

/** A capitalised word that is not its sentence's first, as the words of a name inside a sentence are. */
export function capitalisedInside(w: Word): boolean {
  return !w.first && isCapitalised(w);
}

/** An integer written in digits, or NaN. */
export function digits(w: Word | undefined): number {
  return w ? w.num : NaN;
}

/** A day of month, `20` or `20th`, or NaN. */
export function dayOfMonth(w: Word | undefined): number {
  if (!w || !w.digit || w.norm.length > 4) return NaN;
  if (w.norm.length <= 2) return w.num >= 1 && w.num <= 31 ? w.num : NaN;
  const m = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(w.norm);
  const d = m ? +m[1] : NaN;
  return d >= 1 && d <= 31 ? d : NaN;
}

/** A four-digit year word in a plausible range, or NaN. */
export function yearWord(w: Word | undefined): number {
  if (!w || w.norm.length !== 4 || !w.digit) return NaN;
  const y = w.num;
  return y >= 1000 && y <= 2199 ? y : NaN;
}

/**
 * A year at word i, in digits (`1996`) or spoken as broadcasts transcribe it (`nineteen ninety-six`,
 * `two thousand`): the year and the index of its last word, or null.
 */
export function yearAt(s: SentenceView, i: number): { year: number; last: number } | null {
  const w = s.words[i];
  if (!w) return null;
  const y = yearWord(w);
  if (!Number.isNaN(y)) return { year: y, last: i };
  if (w.digit || !w.readings) return null;
  const century = w.norm === 'eighteen' ? 18 : w.norm === 'nineteen' ? 19 : w.norm === 'twenty' ? 20 : 0;
  if (century) {
    const rest = numberAt(s, i + 1);
    if (
      rest &&
      typeof rest.value === 'number' &&
      rest.value >= 10 &&
      rest.value < 100 &&
      !cls(s, rest.last + 1, 'unit')
    )
      return { year: century * 100 + rest.value, last: rest.last };
    return null;
  }
  if (w.norm === 'two' && normIs(s, i + 1, 'thousand')) {
    let last = i + 1;
    let year = 2000;
    const j = normIs(s, i + 2, 'and') ? i + 3 : i + 2;
    const ones = numberAt(s, j);
    if (ones && typeof ones.value === 'number' && ones.value < 100 && s.words[j].norm !== 'a') {
      year += ones.value;
      last = ones.last;
    }
    return cls(s, last + 1, 'unit') ? null : { year, last };
  }
  return null;
}

/** Digits with thousands commas and a decimal part: `1,000`, `3.5`. */
const NUMBER = /^\d[\d,]*(\.\d+)?$/;

/** A `SentenceMemo` value not worked out yet. */
const UNKNOWN = -1;

/**
 * Values worked out once per word of the sentence last asked about, by word index (`UNKNOWN` until then):
 * extractors ask about the same words again and again (every candidate looks for its clause's tense up
 * to 15 words each way, every extractor reads the number at its anchor). Kept here, not on the words,
 * so that the words of the many sentences nobody asks about cost no stores for them.
 */
class SentenceMemo {
  view: SentenceView | null = null;
  /** `numberAt`'s value of a digit word that is not all digits (`1,000`, `3.5`), NaN when none. */
  decimals = new Float64Array(256);
  /** `wordTense`'s tense, as an index of `TENSES`. */
  tenses = new Int8Array(256);
}

const memo = new SentenceMemo();

/** The memo of sentence s, emptied when s is not the sentence it holds. */
function memoOf(s: SentenceView): SentenceMemo {
  if (memo.view !== s) {
    const n = s.words.length;
    if (memo.tenses.length < n) {
      memo.decimals = new Float64Array(2 * n);
      memo.tenses = new Int8Array(2 * n);
    }
    memo.decimals.fill(UNKNOWN, 0, n);
    memo.tenses.fill(UNKNOWN, 0, n);
    memo.view = s;
  }
  return memo;
}

/** The value of a number with thousands commas or a decimal part (`1,000`, `3.5`), or NaN (never negative). */
function decimalOf(norm: string): number {
  if (!NUMBER.test(norm)) return NaN;
  const d = Number(norm.includes(',') ? norm.replace(/,/g, '') : norm);
  return Number.isFinite(d) ? d : NaN;
}

/**
 * A cardinal at word i: digits, number words (`twenty four`, `twenty-four`, `a hundred`), `a couple of`,
 * `a few`, `several`. Returns the value (`X` when vague) and the index of its last word, or null.
 */
export function numberAt(s: SentenceView, i: number): { value: number | 'X'; last: number } | null {
  const w = s.words[i];
  if (!w) return null;
  if (w.digit) {
    // all digits (most numbers): the value is already there
    if (!Number.isNaN(w.num)) return Number.isFinite(w.num) ? { value: w.num, last: i } : null;
    const decimals = memoOf(s).decimals;
    let d = decimals[i];
    if (d === UNKNOWN) d = decimals[i] = decimalOf(w.norm);
    return Number.isNaN(d) ? null : { value: d, last: i };
  }
  const v = w.readings?.number;
  if (v === undefined) return null;
  if (w.norm === 'a' || w.norm === 'an') {
    // `a couple of`, `a few`, `a dozen`, `a hundred`
    const next = cls(s, i + 1, 'number');
    if (normIs(s, i + 1, 'couple')) return { value: 2, last: normIs(s, i + 2, 'of') ? i + 2 : i + 1 };
    if (next === 'X') return { value: 'X', last: i + 1 };
    if (next === '100' || next === '12' || next === '1000') return { value: +next, last: i + 1 };
    return { value: 1, last: i };
  }
  if (v === 'X') return { value: 'X', last: i };
  // `twenty four` adds the next word, `ten thousand` multiplies by it. Every test, the sum and the product
  // are worked out on each call (NaN when there is no next number) and the result chosen by conditional
  // values: arithmetic only the rare compound reached would first run after V8 optimized `numberAt` and
  // send it back to the interpreter.
  const value = +v;
  const next = cls(s, i + 1, 'number');
  const n = next === undefined ? NaN : +next;
  const tens = value >= 20;
  const belowHundred = value < 100;
  const digit = n > 0;
  const belowTen = n < 10;
  const scale = next === '100' || next === '1000';
  const sum = value + n;
  const product = value * n;
  const plus = tens && belowHundred && digit && belowTen;
  const times = !plus && belowHundred && scale;
  return { value: plus ? sum : times ? product : value, last: plus || times ? i + 1 : i };
}

/** Words that can follow a noun phrase or an adverb, so they do not make the word before them an adjective. */
const NOT_A_HEAD = new Set(
  'is was are were will would and or but of for to in on at as that which when if has have had could can may might should than where while with by from it its'.split(
    ' ',
  ),
);

/**
 * Whether word j is the noun the previous word modifies (`future plans`, `quarterly dividend`): by its
 * tag when a tagger has run, else any lower-case word that is not a function word.
 */
export function modifiesNext(s: SentenceView, j: number): boolean {
  const w = s.words[j];
  if (!w) return false;
  if (w.tag) return /^(NN|JJ|CD)/.test(w.tag) && !NOT_A_HEAD.has(w.norm);
  return /^\p{Ll}/u.test(w.norm) && !NOT_A_HEAD.has(w.norm);
}

const ED_NOT_PAST = new Set(
  'hundred indeed need red bed seed speed feed proceed exceed succeed united based related limited detailed advanced concerned interested supposed used so-called armed shed bred'.split(
    ' ',
  ),
);
const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'does', 'do']);

export type Tense = 'past' | 'future' | 'present';

const PASSIVE = new Set(['be', 'been', 'being']);
const PERFECT = new Set(['has', 'have', 'had']);

/** `SentenceMemo.tenses` codes: the index of a tense here. */
const TENSES: readonly (Tense | null)[] = [null, 'past', 'future', 'present'];

function tenseCode(t: Tense | null): number {
  return t === null ? 0 : t === 'past' ? 1 : t === 'future' ? 2 : 3;
}

/** The tense word j gives its clause, or null; worked out once per word of a sentence (`SentenceMemo`). */
function wordTense(s: SentenceView, j: number): Tense | null {
  const tenses = memoOf(s).tenses;
  let code = tenses[j];
  if (code === UNKNOWN) code = tenses[j] = tenseCode(tenseOf(s, j));
  return TENSES[code];
}

function tenseOf(s: SentenceView, j: number): Tense | null {
  const w = s.words[j];
  // Most words are no cue, and saying so needs neither their lower-cased form nor a set: a tagged word
  // without a lexical tense and a tense-bearing tag is a cue only as one of the short words named below
  // (`has`, `is`, `set`, `would`, ...; a longer text has a longer lower-cased form).
  if (
    w.tag !== undefined &&
    w.text.length > 6 &&
    w.readings?.tense === undefined &&
    w.tag !== 'VBD' &&
    w.tag !== 'MD' &&
    w.tag !== 'VBZ' &&
    w.tag !== 'VBP'
  )
    return null;
  // `will be held`, `to be signed`: the participle defers to the auxiliary before it
  if (
    PASSIVE.has(norm(s, j - 1)) &&
    (w.tag === 'VBN' || cls(s, j, 'tense') === 'past' || w.norm.endsWith('ed'))
  )
    return null;
  // `has signed`, `have been`: the perfect speaks of the past
  if (PERFECT.has(w.norm)) {
    const next = s.words[j + 1];
    if (next && (next.tag === 'VBN' || next.norm === 'been' || next.norm.endsWith('ed'))) return 'past';
  }
  const lexical = cls(s, j, 'tense');
  if (lexical) {
    if (w.norm === 'going' && !normIs(s, j + 1, 'to')) return null;
    // `due to its loss` is a preposition; `due to expire` looks ahead
    if (w.norm === 'due' && (!normIs(s, j + 1, 'to') || s.words[j + 2]?.tag !== 'VB')) return null;
    return lexical as Tense;
  }
  // `is to meet`, `are to visit`
  if ((w.norm === 'is' || w.norm === 'are' || w.norm === 'set') && normIs(s, j + 1, 'to')) return 'future';
  if (w.norm === 'set' && normIs(s, j + 1, 'for')) return 'future'; // `the vote is set for Tuesday`
  // `said he would visit on Friday`: the future of a report (`would have` looks back)
  if (w.norm === 'would' || w.norm === "'d") return normIs(s, j + 1, 'have') ? 'past' : 'future';
  if (w.tag) {
    if (w.tag === 'VBD') return 'past';
    if (w.tag === 'MD') return w.norm === 'will' || w.norm === 'shall' || w.norm === "'ll" ? 'future' : null;
    if (w.tag === 'VBZ' || w.tag === 'VBP') return 'present';
    return null;
  }
  if (PRESENT.has(w.norm)) return 'present';
  if (w.norm.length >= 5 && w.norm.endsWith('ed') && !ED_NOT_PAST.has(w.norm) && !isCapitalised(w))
    return 'past';
  return null;
}

const CLAUSE_BREAK = new Set([';', ':', '“', '”', '"']);

/**
 * The tense of the clause around words `[first, last]`: the nearest verbal cue to the left (a time
 * expression usually follows its verb: `said on Friday`, `will meet on Friday`), else the nearest to the
 * right (`On Friday, he said`), within the sentence and not across a semicolon or quotation mark.
 */
export function clauseTense(s: SentenceView, first: number, last: number): Tense | null {
  for (let j = first - 1; j >= 0 && first - j <= 15; j--) {
    if (clauseBreak(s.words[j])) break;
    const t = wordTense(s, j);
    if (t) return t;
  }
  for (let j = last + 1; j < s.words.length && j - last <= 15; j++) {
    if (clauseBreak(s.words[j])) break;
    const t = wordTense(s, j);
    if (t) return t;
  }
  return null;
}

/** A semicolon, colon or quotation mark (one char; a text of three or more chars cannot lower-case to one). */
function clauseBreak(w: Word): boolean {
  return w.text.length <= 2 && CLAUSE_BREAK.has(w.norm);
}
