import type { Span, Token } from '../doc.js';
import { abbreviations } from './abbreviations.js';

/**
 * Penn-Treebank-like tokens, as the CoNLL-2003 and most taggers expect: possessive and clitic `'s` split off,
 * `n't` split off, dotted abbreviations (`U.S.`, `Mr.`) kept whole, hyphenated words kept whole.
 *
 * `TOKEN` (exported for tests) defines what a token is. `scanToken` finds the same match by a scan over character codes for
 * everything that is plain ASCII (and the common curly quotes and dashes), which is nearly every token of
 * English news; wherever the scan meets a character whose Unicode class it does not decide, it hands the
 * position to the pattern, so the two always agree.
 */
export const TOKEN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // U.S. a.m.
    String.raw`\p{N}+(?:[.,:/]\p{N}+)*(?:\p{L}+)?(?:-[\p{L}\p{N}]+)*`, // 1,000.5 20:30 3/4 15th 1996-08-30 6-2 21-year-old
    String.raw`n['’]t\b`, // n't (split off a word below, rather than by a backtracking lookahead here)
    String.raw`['’](?:[sdm]|re|ve|ll)\b(?!\p{L})`, // 's 're 'll
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-&][\p{L}\p{M}\p{N}]+|['’](?!(?:[sdmt]|re|ve|ll)\b)[\p{L}\p{M}]+)*`,
    String.raw`\.{2,}|-{2,}|\S`,
  ].join('|'),
  'gu',
);

const LETTER = /\p{L}/u;
const UPPER = /^\p{Lu}$/u;

/** The scan cannot decide here: let the pattern match. */
const UNDECIDED = -1;

const RIGHT_QUOTE = 0x2019; // ’

/** ASCII letter: `c | 32` folds A-Z onto a-z, and one unsigned comparison tests the range (no branch). */
function isAsciiLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/** ASCII letter or digit: what `[\p{L}\p{M}\p{N}]` is below code 128. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Characters after which a run of ASCII letters is a whole token with nothing else to decide: the word
 * pattern would stop there too, and no abbreviation period, clitic or hyphen follows.
 */
function endsPlainWord(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 41 ||
    c === 34 ||
    c === 33 ||
    c === 63 ||
    c === 0x201d
  ); // space \n , ; : ) " ! ? ”
}

/** `\w` as `\b` sees it (the pattern has the `u` flag and no `i` flag: ASCII only). `NaN` and 0 (past the end) are not. */
function isWordChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 95;
}

function isQuote(c: number): boolean {
  return c === 39 || c === RIGHT_QUOTE; // ' ’
}

/**
 * The character code at `i`, 0 past the end of `text`. The scans below look one or two characters ahead
 * and treat 0 as they treat `charCodeAt`'s `NaN` there (no letter, digit, quote or period), but a read past
 * the end makes V8 throw away the scan's optimized code and compile it again, once per place it happens.
 */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : 0;
}

/** `[sdmt]|re|ve|ll` (`[sdm]|re|ve|ll` without `t`) followed by `\b`, at `i`: its length, or 0. */
function cliticAt(text: string, i: number, withT: boolean): number {
  const c = codeAt(text, i);
  if (c === 115 || c === 100 || c === 109 || (withT && c === 116))
    return isWordChar(codeAt(text, i + 1)) ? 0 : 1; // s d m t
  const d = codeAt(text, i + 1);
  if ((c === 114 || c === 118) && d === 101) return isWordChar(codeAt(text, i + 2)) ? 0 : 2; // re ve
  if (c === 108 && d === 108) return isWordChar(codeAt(text, i + 2)) ? 0 : 2; // ll
  return 0;
}

/**
 * The end of the token pattern's match at `pos` (a character that is not whitespace), found by a scan, or
 * `UNDECIDED` when a character on the way is outside ASCII (its letter, mark or number class would count).
 * Each branch follows the pattern's alternative for the first character, in the pattern's order.
 */
function scanToken(text: string, pos: number): number {
  const c = codeAt(text, pos);
  if (c >= 128) {
    // Curly double quotes and dashes are tokens of one character (`\S`); `’` is a quote as `'` is below.
    if (c === 0x201c || c === 0x201d || c === 0x2013 || c === 0x2014) return pos + 1;
    if (c !== RIGHT_QUOTE) return UNDECIDED;
  }
  if (isAsciiLetter(c)) {
    let e = pos + 1;
    let d = codeAt(text, e);
    if (d === 46) {
      // `(?:\p{L}\.){2,}(?!\p{L})`: the most repetitions; fewer never help, as a letter follows each.
      let n = 1;
      let k = pos + 2;
      for (;;) {
        const l = codeAt(text, k);
        if (l >= 128) return UNDECIDED;
        if (!isAsciiLetter(l) || codeAt(text, k + 1) !== 46) break;
        n++;
        k += 2;
      }
      if (n >= 2) {
        // `k` is the character after the last period; a letter there fails the lookahead.
        const l = codeAt(text, k);
        if (!isAsciiLetter(l)) return k;
      }
    } else if (c === 110 && isQuote(d)) {
      // `n't`; otherwise the word pattern (a quote right after the first letter: rare, leave it).
      if (codeAt(text, pos + 2) === 116 && !isWordChar(codeAt(text, pos + 3))) return pos + 3;
      return UNDECIDED;
    }
    // `[\p{L}\p{M}\p{N}]+(?:[-&][\p{L}\p{M}\p{N}]+|['’](?!(?:[sdmt]|re|ve|ll)\b)[\p{L}\p{M}]+)*`
    while (isAsciiAlnum(d)) d = codeAt(text, ++e);
    for (;;) {
      if (d >= 128 && d !== RIGHT_QUOTE) return UNDECIDED;
      if (d === 45 || d === 38) {
        // - &
        const f = codeAt(text, e + 1);
        if (f >= 128) return UNDECIDED;
        if (!isAsciiAlnum(f)) return e;
        e += 2;
        d = codeAt(text, e);
        while (isAsciiAlnum(d)) d = codeAt(text, ++e);
      } else if (isQuote(d)) {
        if (cliticAt(text, e + 1, true)) return e;
        const f = codeAt(text, e + 1);
        if (f >= 128) return UNDECIDED;
        if (!isAsciiLetter(f)) return e;
        e += 2;
        d = codeAt(text, e);
        while (isAsciiLetter(d)) d = codeAt(text, ++e);
      } else return e;
    }
  }
  if (isDigit(c)) {
    // `\p{N}+(?:[.,:/]\p{N}+)*(?:\p{L}+)?(?:-[\p{L}\p{N}]+)*`
    let e = pos + 1;
    let d = codeAt(text, e);
    for (;;) {
      while (isDigit(d)) d = codeAt(text, ++e);
      if (d >= 128) return UNDECIDED;
      if (d !== 46 && d !== 44 && d !== 58 && d !== 47) break; // . , : /
      const f = codeAt(text, e + 1);
      if (f >= 128) return UNDECIDED;
      if (!isDigit(f)) break;
      e += 2;
      d = codeAt(text, e);
    }
    while (isAsciiLetter(d)) d = codeAt(text, ++e);
    for (;;) {
      if (d >= 128) return UNDECIDED;
      if (d !== 45) return e;
      const f = codeAt(text, e + 1);
      if (f >= 128) return UNDECIDED;
      if (!isAsciiAlnum(f)) return e;
      e += 2;
      d = codeAt(text, e);
      while (isAsciiAlnum(d)) d = codeAt(text, ++e);
    }
  }
  if (isQuote(c)) {
    // `['’](?:[sdm]|re|ve|ll)\b(?!\p{L})`, else the quote alone.
    const n = cliticAt(text, pos + 1, false);
    if (n) {
      const f = codeAt(text, pos + 1 + n);
      if (f >= 128) return UNDECIDED;
      if (!isAsciiLetter(f)) return pos + 1 + n;
    }
    return pos + 1;
  }
  // ASCII whitespace other than space and line feed is skipped by the pattern.
  if (c <= 32) return UNDECIDED;
  // `\.{2,}|-{2,}|\S`
  if (c === 46 || c === 45) {
    let e = pos + 1;
    while (codeAt(text, e) === c) e++;
    return e;
  }
  return pos + 1;
}

/**
 * Tokens of one sentence; `sentence` is its index. Appends to `out`. Each token is the token pattern's match
 * (found by `scanToken` where it can), then `don't` gives up its `n` to `n't`, and an abbreviation keeps its
 * period.
 */
export function tokenize(text: string, span: Span, sentence: number, out: Token[]): void {
  const limit = span.end;
  let pos = span.start;
  while (pos < limit) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 10) {
      pos++;
      continue;
    }
    if (isAsciiLetter(c)) {
      // The commonest token: a run of ASCII letters that the span's end or a space or simple punctuation
      // ends (at the span's end the run is the token, whatever follows in the text).
      let e = pos + 1;
      while (e < limit && isAsciiLetter(text.charCodeAt(e))) e++;
      if (e === limit || endsPlainWord(text.charCodeAt(e))) {
        out.push({ start: pos, end: e, text: text.slice(pos, e), sentence });
        pos = e;
        continue;
      }
    }
    let end = scanToken(text, pos);
    if (end === UNDECIDED) {
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(text);
      if (!m || m.index >= limit) return;
      pos = m.index;
      end = pos + m[0].length;
    }
    // `don't` -> `do` + `n't`: a word ending in n before 't.
    if (end - pos > 1 && text.charCodeAt(end - 1) === 110 && isQuote(codeAt(text, end))) {
      const after = text.charCodeAt(end + 2);
      if (
        text.charCodeAt(end + 1) === 116 &&
        !(after < 128 ? isAsciiLetter(after) : after === after && LETTER.test(text[end + 2]))
      )
        end--;
    }
    let word = text.slice(pos, end);
    // `Mr.` `Gen.` `Jan.`: keep the abbreviation's period unless it is the sentence's own final period.
    if (codeAt(text, end) === 46 && end + 1 <= limit) {
      const kind = abbreviations().get(word);
      if ((kind && (kind !== 'may-end' || end + 1 < limit)) || (UPPER.test(word) && end + 1 < limit)) {
        end++;
        word += '.';
      }
    }
    out.push({ start: pos, end, text: word, sentence });
    pos = end;
  }
}
