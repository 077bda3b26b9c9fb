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

/** Tokens of one sentence; `sentence` is its index. Appends to `out`. */
export function tokenize(text: string, span: Span, sentence: number, out: Token[]): void {
  const table = abbreviations();
  TOKEN.lastIndex = span.start;
  for (let m = TOKEN.exec(text); m && m.index < span.end; m = TOKEN.exec(text)) {
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
      TOKEN.lastIndex = end;
    }
    // `Mr.` `Gen.` `Jan.`: keep the abbreviation's period unless it is the sentence's own final period.
    if (text[end] === '.' && end + 1 <= span.end) {
      const kind = table.get(word);
      if (
        (kind && (kind !== 'may-end' || end + 1 < span.end)) ||
        (/^\p{Lu}$/u.test(word) && end + 1 < span.end)
      ) {
        end++;
        word += '.';
        TOKEN.lastIndex = end;
      }
    }
    out.push({ start: m.index, end, text: word, sentence });
  }
}
