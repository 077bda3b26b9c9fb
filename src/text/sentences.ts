import type { Span } from '../doc.js';
import { abbreviations, SENTENCE_OPENERS, type AbbreviationKind } from './abbreviations.js';

export interface Paragraph extends Span {
  index: number;
}

/**
 * Paragraphs. Blank lines separate paragraphs, except inside a sentence: after a line that ends without
 * punctuation or with a comma, a next line starting with a lower-case letter goes on with the paragraph
 * (texts that put a blank line after every wrapped line). Inside a block, a line break also starts a new
 * paragraph after a heading-like line (no end punctuation, not ending in a dash such as a dateline's `--`,
 * starting with a capital, digit or quote, and much shorter than the line after it), and, in a text with
 * no blank line at all, after a line that ends a sentence. Other line breaks are wraps inside a paragraph.
 * One pass over the lines.
 */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const noBlankLines = !BLANK_LINE.test(text);
  let pStart = -1; // start of the current paragraph's first line, or -1 between paragraphs
  let prevStart = 0; // previous non-blank line, trimmed
  let prevEnd = 0;
  let blankAfter = false; // a blank line since the previous non-blank line
  const close = (end: number) => {
    if (pStart >= 0 && end > pStart) out.push({ start: pStart, end, index: out.length });
    pStart = -1;
  };
  let ls = 0;
  while (ls <= text.length) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    let s = ls;
    let e = le;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      if (pStart >= 0) blankAfter = true;
    } else {
      if (pStart >= 0) {
        if (
          blankAfter
            ? !blankLineInsideSentence(text, prevEnd, s)
            : lineBreakEndsParagraph(text, prevStart, prevEnd, s, e, noBlankLines)
        )
          close(prevEnd);
      }
      blankAfter = false;
      if (pStart < 0) pStart = s;
      prevStart = s;
      prevEnd = e;
    }
    ls = le + 1;
  }
  close(prevEnd);
  return out;
}

const BLANK_LINE = /\n[ \t\r]*\n/;
const LINE_OPENER = /[\p{Lu}\p{N}"“‘'([]/u;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * Whether a blank line between a line ending at `pe` and a line starting at `ns` falls inside a sentence.
 * ASCII characters are told by their codes; others by the patterns.
 */
function blankLineInsideSentence(text: string, pe: number, ns: number): boolean {
  const c = text.charCodeAt(ns);
  if (c < 128 ? !(c >= 97 && c <= 122) : !LOWER_START.test(text[ns])) return false;
  const last = text.charCodeAt(pe - 1);
  // `,`, or an ASCII letter or digit, without a one-character string and a pattern for most texts.
  return last < 128
    ? last === 44 || (last >= 97 && last <= 122) || (last >= 65 && last <= 90) || (last >= 48 && last <= 57)
    : LETTER_OR_DIGIT.test(text[pe - 1]);
}

/** `LINE_OPENER` at `i`: ASCII characters by their codes (capital, digit, `"`, `'`, `(`, `[`). */
function opensLine(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 128) return LINE_OPENER.test(text[i]);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91;
}

const LOWER_START = /\p{Ll}/u;

/** Whether the break between line `[ps, pe)` and the next line `[ns, ne)` starts a paragraph. */
function lineBreakEndsParagraph(
  text: string,
  ps: number,
  pe: number,
  ns: number,
  ne: number,
  noBlankLines: boolean,
): boolean {
  let e = pe;
  while (e > ps && CLOSERS.includes(text[e - 1])) e--;
  const last = text[e - 1];
  if (last === '.' || last === '!' || last === '?') return noBlankLines;
  if (',;:-–—'.includes(last)) return false;
  return (
    opensLine(text, ps) && opensLine(text, ns) && (pe - ps) * 5 < (ne - ns) * 3 // shorter than 60%
  );
}

const CLOSERS = '"”’\')]';
/** Characters that may open a sentence after an end candidate. */
const SENTENCE_START = /[\p{Lu}\p{N}"“‘'([]/u;
/** A word (letters and digits) starting exactly at `lastIndex`. */
const WORD_AT = /[\p{L}\p{N}]+/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MAX_HEADING_WORDS = 20;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

function isEndCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63; // . ! ?
}

/** A paragraph with no end punctuation (after closing quotes), short enough to be a title. */
export function isHeading(text: string, p: Span): boolean {
  let e = p.end;
  while (e > p.start && CLOSERS.includes(text[e - 1])) e--;
  if (e === p.start || '.!?:;,-–—'.includes(text[e - 1])) return false;
  let words = 1;
  for (let i = p.start; i < p.end; i++) {
    if (
      isSpaceCode(text.charCodeAt(i)) &&
      !isSpaceCode(text.charCodeAt(i + 1)) &&
      ++words > MAX_HEADING_WORDS
    )
      return false;
  }
  return true;
}

/** A run of dashes at `at` followed by a space. */
function dashOpens(text: string, at: number, end: number): boolean {
  let k = at;
  while (k < end && (text[k] === '-' || text[k] === '–' || text[k] === '—')) k++;
  return k > at && k < end && text[k] === ' ';
}

/**
 * Whether the period at `dot` follows a one- or two-digit list number: the number stands after another
 * number, a colon or a closing bracket, or opens the paragraph.
 */
function listNumber(text: string, start: number, dot: number): boolean {
  let k = dot;
  while (k > start && k > dot - 3 && isDigitCode(text.charCodeAt(k - 1))) k--;
  if (k === dot || k < dot - 2 || (k > start && isDigitCode(text.charCodeAt(k - 1)))) return false;
  if (k === start) return true;
  if (!isSpaceCode(text.charCodeAt(k - 1))) return false;
  while (k > start && isSpaceCode(text.charCodeAt(k - 1))) k--;
  if (k === start) return true;
  const before = text[k - 1];
  return before === ':' || before === ')' || isDigitCode(text.charCodeAt(k - 1));
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The word before the period at `dot` (letters, digits and inner `.'’-`), at most 24 characters back. */
function wordBefore(text: string, dot: number): string {
  let s = dot;
  const limit = Math.max(0, dot - 24);
  while (s > limit) {
    const ch = text[s - 1];
    if (ch === '.' || ch === "'" || ch === '’' || ch === '-' || LETTER_OR_DIGIT.test(ch)) s--;
    else break;
  }
  return text.slice(s, dot);
}

/**
 * The abbreviation kind of a word before a period: as written, without leading punctuation, after the last
 * hyphen (`Sino-U.S.`), or, for an all-capitals word, capitalized (`ST.` as `St.`).
 */
function lookUp(word: string): AbbreviationKind | undefined {
  const table = abbreviations();
  const kind = table.get(word);
  if (kind) return kind;
  const bare = word.replace(/^[^\p{L}]+/u, '');
  const afterHyphen = bare.slice(bare.lastIndexOf('-') + 1);
  const caps = /^\p{Lu}{2,4}$/u.test(afterHyphen)
    ? afterHyphen[0] + afterHyphen.slice(1).toLowerCase()
    : afterHyphen;
  return table.get(bare) ?? table.get(afterHyphen) ?? table.get(caps);
}

/** True when the period ending at `dot` (index of the `.`) belongs to an abbreviation that keeps the sentence going. */
function abbreviationHolds(text: string, dot: number, nextWord: string): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  const kind = lookUp(word);
  const nextIsNumber = /^\d/.test(nextWord);
  if (kind === 'title') return true;
  if (kind === 'before-number') return nextIsNumber;
  if (kind === 'may-end') return !SENTENCE_OPENERS.has(nextWord);
  // A single capital initial (`J. Smith`), or dotted letters (`U.S.`, `a.m.`) not in the table.
  if (/^\p{Lu}$/u.test(word)) return !SENTENCE_OPENERS.has(nextWord);
  if (/^(\p{L}\.)+\p{L}$/u.test(word.slice(word.lastIndexOf('-') + 1)))
    return !SENTENCE_OPENERS.has(nextWord);
  return false;
}

/**
 * The next `.`, `!` or `?` at or after `from` (or the text's length), by native searches for each. The
 * positions found are kept for the next call on the same text, as paragraphs are split in order: a `?`
 * that a text lacks is searched for once, not once per paragraph.
 */
function nextEnd(text: string, from: number): number {
  if (text !== endsText || from < endsFrom) {
    endsText = text;
    nextDot = nextBang = nextQuestion = -1;
  }
  endsFrom = from;
  if (nextDot < from) nextDot = foundOrEnd(text, text.indexOf('.', from));
  if (nextBang < from) nextBang = foundOrEnd(text, text.indexOf('!', from));
  if (nextQuestion < from) nextQuestion = foundOrEnd(text, text.indexOf('?', from));
  return Math.min(nextDot, nextBang, nextQuestion);
}

let endsText = '';
let endsFrom = 0;
let nextDot = -1;
let nextBang = -1;
let nextQuestion = -1;

function foundOrEnd(text: string, at: number): number {
  return at < 0 ? text.length : at;
}

/**
 * Sentence spans of one paragraph: a run of `.!?` (with closing quotes or brackets after it), followed by
 * whitespace and a word that can open a sentence, ends a sentence unless a single period belongs to an
 * abbreviation or initial that keeps it going. One pass over the paragraph's characters.
 */
export function splitSentences(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let start = p.start;
  let i = p.start;
  while (i < p.end) {
    i = nextEnd(text, i);
    if (i >= p.end) break;
    const punct = i;
    let j = i + 1;
    while (j < p.end && isEndCode(text.charCodeAt(j))) j++;
    const singlePeriod = text[punct] === '.' && (j === punct + 1 || text[punct + 1] !== '.');
    while (j < p.end && CLOSERS.includes(text[j])) j++;
    i = j;
    if (j >= p.end || !isSpaceCode(text.charCodeAt(j))) continue;
    const end = j;
    let n = end;
    while (n < p.end && isSpaceCode(text.charCodeAt(n))) n++;
    // A lower-case continuation is never a new sentence (`the U.S. officials`, `"Go!" she said`); a dash
    // followed by a space opens one (`... percent. -- New York Desk`).
    if (n >= p.end || !(SENTENCE_START.test(text[n]) || dashOpens(text, n, p.end))) continue;
    // `1.` in a ranked list (`seconds): 1. Alex Zanardi ... 54.683 8. Andre Ribeiro`).
    if (singlePeriod && listNumber(text, p.start, punct)) continue;
    WORD_AT.lastIndex = n;
    const nextWord = WORD_AT.exec(text)?.[0] ?? '';
    if (singlePeriod && abbreviationHolds(text, punct, nextWord)) continue;
    out.push({ start, end });
    start = n;
  }
  if (start < p.end) out.push({ start, end: p.end });
  return out;
}
