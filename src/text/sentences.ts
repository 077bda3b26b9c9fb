import type { Span } from '../doc.js';
import { abbreviations, SENTENCE_OPENERS } from './abbreviations.js';

export interface Paragraph extends Span {
  index: number;
}

/**
 * Paragraphs. Blank lines always separate paragraphs. Inside a block, a line break also starts a new
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
    if (s === e) close(prevEnd);
    else {
      if (pStart >= 0 && lineBreakEndsParagraph(text, prevStart, prevEnd, s, e, noBlankLines)) close(prevEnd);
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
    LINE_OPENER.test(text[ps]) && LINE_OPENER.test(text[ns]) && (pe - ps) * 5 < (ne - ns) * 3 // shorter than 60%
  );
}

const CLOSERS = '"”’\')]';
const END_CANDIDATE = /[.!?]+["”’')\]]*(?=\s|$)/g;
const WORD_BEFORE = /[\p{L}\p{N}.'’-]*$/u;

/** A paragraph with no end punctuation (after closing quotes), short enough to be a title. */
export function isHeading(text: string, p: Span): boolean {
  let e = p.end;
  while (e > p.start && CLOSERS.includes(text[e - 1])) e--;
  if (e === p.start || /[.!?:;,\-–—]/.test(text[e - 1])) return false;
  const words = text.slice(p.start, p.end).split(/\s+/).length;
  return words <= 20;
}

/** True when the period ending at `dot` (index of the `.`) belongs to an abbreviation that keeps the sentence going. */
function abbreviationHolds(text: string, dot: number, nextWord: string): boolean {
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, dot - 24), dot))?.[0] ?? '';
  if (word === '') return false;
  const table = abbreviations();
  const kind = table.get(word) ?? table.get(word.replace(/^[^\p{L}]+/u, ''));
  const nextIsNumber = /^\d/.test(nextWord);
  if (kind === 'title') return true;
  if (kind === 'before-number') return nextIsNumber;
  if (kind === 'may-end') return !SENTENCE_OPENERS.has(nextWord);
  // A single capital initial (`J. Smith`), or dotted letters (`U.S.`, `a.m.`) not in the table.
  if (/^\p{Lu}$/u.test(word)) return !SENTENCE_OPENERS.has(nextWord);
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return !SENTENCE_OPENERS.has(nextWord);
  return false;
}

/** Sentence spans of one paragraph. */
export function splitSentences(text: string, p: Span): Span[] {
  const out: Span[] = [];
  let start = p.start;
  END_CANDIDATE.lastIndex = p.start;
  for (let m = END_CANDIDATE.exec(text); m && m.index < p.end; m = END_CANDIDATE.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= p.end) break;
    let n = end;
    while (n < p.end && /\s/.test(text[n])) n++;
    const next = text[n];
    // A lower-case continuation is never a new sentence (`the U.S. officials`, `"Go!" she said`).
    if (!/[\p{Lu}\p{N}"“‘'([]/u.test(next)) continue;
    const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(n, n + 24))?.[0] ?? '';
    if (
      m[0][0] === '.' &&
      m[0].length - m[0].replace(/^\.+/, '').length === 1 &&
      abbreviationHolds(text, m.index, nextWord)
    )
      continue;
    out.push({ start, end });
    start = n;
  }
  if (start < p.end) out.push({ start, end: p.end });
  return out;
}
