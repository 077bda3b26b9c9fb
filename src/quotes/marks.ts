/**
 * Pairs quotation marks, paragraph by paragraph, in one pass over the characters. Curly and guillemet
 * marks pair by shape; straight `"` marks alternate. A paragraph that ends inside a quotation continues
 * into the next one when that one opens with a quotation mark (the newspaper convention for a quotation
 * running over several paragraphs); otherwise the quotation is unbalanced and stops at its paragraph's
 * end, so one stray mark never swallows the rest of the article.
 */
import type { Span } from '../doc.js';

export interface Quotation {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the end of the paragraph when unbalanced. */
  close: number;
  /** Content: between the marks, trimmed of spaces and a trailing comma. */
  start: number;
  end: number;
  /** False when no closing mark was found. */
  balanced: boolean;
  /** Number of paragraphs the quotation runs over. */
  paragraphs: number;
}

const OPEN = new Set(['“', '„', '«']);
const CLOSE = new Set(['”', '»']);
const STRAIGHT = '"';
const MARK = /[“„«”»"]/g;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

/** Quotations in `paragraphs` (in text order), paired over `text`. */
export function findQuotations(text: string, paragraphs: readonly Span[]): Quotation[] {
  const out: Quotation[] = [];
  let open = -1;
  let spanned = 1;
  const finish = (close: number, balanced: boolean) => {
    let start = open + 1;
    let end = close;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && (isSpace(text[end - 1]) || text[end - 1] === ',')) end--;
    if (end > start) out.push({ open, close, start, end, balanced, paragraphs: spanned });
    open = -1;
    spanned = 1;
  };
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p];
    let i = start;
    if (open >= 0) {
      // Still open from the previous paragraph: continues only if this paragraph opens with a mark.
      if (OPEN.has(text[i]) || text[i] === STRAIGHT) {
        spanned++;
        i++;
      } else {
        finish(paragraphs[p - 1].end, false);
      }
    }
    // Jump from mark to mark (one native scan) rather than testing every character.
    MARK.lastIndex = i;
    for (let m = MARK.exec(text); m && m.index < end; m = MARK.exec(text)) {
      i = m.index;
      const c = m[0];
      if (OPEN.has(c)) {
        if (open >= 0) finish(endBefore(text, i), false);
        open = i;
      } else if (CLOSE.has(c)) {
        if (open >= 0) finish(i, true);
      } else if (c === STRAIGHT) {
        if (open < 0) open = i;
        else finish(i, true);
      }
    }
    if (open >= 0 && p + 1 < paragraphs.length) {
      const next = text[paragraphs[p + 1].start];
      if (!(OPEN.has(next) || next === STRAIGHT)) finish(end, false);
    }
  }
  if (open >= 0) finish(paragraphs[paragraphs.length - 1].end, false);
  return out;
}

/** End of the text before a new opening mark at `i` (skipping the spaces before it). */
function endBefore(text: string, i: number): number {
  let e = i;
  while (e > 0 && isSpace(text[e - 1])) e--;
  return e;
}
