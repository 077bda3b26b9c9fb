import type { Span, Token } from '../doc.js';
import { abbreviations } from './abbreviations.js';

/**
 * Penn-Treebank-like tokens, as the CoNLL-2003 and most taggers expect: possessive and clitic `'s` split off,
 * `n't` split off, dotted abbreviations (`U.S.`, `Mr.`) kept whole, hyphenated words kept whole.
 */
const TOKEN = new RegExp(
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

/** ASCII letter. */
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
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

/**
 * Tokens of one sentence; `sentence` is its index. Appends to `out`. Plain ASCII words followed by a space
 * or simple punctuation are taken by a character scan; everything else goes through the token pattern.
 */
export function tokenize(text: string, span: Span, sentence: number, out: Token[]): void {
  const table = abbreviations();
  const limit = span.end;
  let pos = span.start;
  while (pos < limit) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 10) {
      pos++;
      continue;
    }
    if (isAsciiLetter(c)) {
      let e = pos + 1;
      while (e < limit && isAsciiLetter(text.charCodeAt(e))) e++;
      if (e === limit || endsPlainWord(text.charCodeAt(e))) {
        out.push({ start: pos, end: e, text: text.slice(pos, e), sentence });
        pos = e;
        continue;
      }
    }
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m || m.index >= limit) return;
    let end = m.index + m[0].length;
    let word = m[0];
    // `don't` -> `do` + `n't`: a word ending in n before 't.
    if (
      word.length > 1 &&
      text.charCodeAt(end - 1) === 110 && // n
      (text[end] === "'" || text[end] === '’') &&
      text[end + 1] === 't' &&
      !LETTER.test(text[end + 2] ?? '')
    ) {
      end--;
      word = word.slice(0, -1);
    }
    // `Mr.` `Gen.` `Jan.`: keep the abbreviation's period unless it is the sentence's own final period.
    if (text[end] === '.' && end + 1 <= limit) {
      const kind = table.get(word);
      if ((kind && (kind !== 'may-end' || end + 1 < limit)) || (/^\p{Lu}$/u.test(word) && end + 1 < limit)) {
        end++;
        word += '.';
      }
    }
    out.push({ start: m.index, end, text: word, sentence });
    pos = end;
  }
}
