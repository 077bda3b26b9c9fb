import type { Span } from '../doc.js';
import { abbreviations, SENTENCE_OPENERS } from './abbreviations.js';

export interface Paragraph extends Span {
  index: number;
}

/**
 * Paragraphs: blank-line separated blocks; in a text with no blank line at all, each line is one.
 */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const separator = text.includes('\n\n') ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

const CLOSERS = '"”’\')]';
const END_CANDIDATE = /[.!?]+["”’')\]]*(?=\s|$)/g;
const WORD_BEFORE = /[\p{L}\p{N}.'’-]*$/u;

/** A paragraph with no end punctuation (after closing quotes), short enough to be a title. */
export function isHeading(text: string, p: Span): boolean {
  let e = p.end;
  while (e > p.start && CLOSERS.includes(text[e - 1])) e--;
  if (e === p.start || /[.!?:;,]/.test(text[e - 1])) return false;
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
