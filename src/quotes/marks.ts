/**
 * Pairs quotation marks, paragraph by paragraph, in one pass over the characters. Curly and guillemet
 * marks pair by shape; straight `"` marks, and the doubled apostrophes some archives use for them (`''`),
 * alternate; the typewriter pair ``` `` ... '' ``` pairs by shape. A paragraph that ends inside a quotation continues
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
  /** Index after the closing mark (`close` plus the mark's length; `close` when unbalanced). */
  closeEnd: number;
  /** Content: between the marks, trimmed of spaces and a trailing comma. */
  start: number;
  end: number;
  /** False when no closing mark was found. */
  balanced: boolean;
  /** Number of paragraphs the quotation runs over. */
  paragraphs: number;
}

const OPEN = new Set(['“', '„', '«', '``']);
const CLOSE = new Set(['”', '»']);
/** Marks that open when nothing is open and close otherwise. */
const TOGGLE = new Set(['"', "''"]);
const MARK = /[“„«”»"]|''|``/g;
/** A mark at the start of a paragraph that carries an open quotation on. */
const CONTINUES = /^(?:[“„«"]|''|``)/;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

/** Quotations in `paragraphs` (in text order), paired over `text`. */
export function findQuotations(text: string, paragraphs: readonly Span[]): Quotation[] {
  const out: Quotation[] = [];
  let open = -1;
  let openLength = 1;
  let spanned = 1;
  const finish = (close: number, closeEnd: number, balanced: boolean) => {
    let start = open + openLength;
    let end = close;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && (isSpace(text[end - 1]) || text[end - 1] === ',')) end--;
    if (end > start) out.push({ open, close, closeEnd, start, end, balanced, paragraphs: spanned });
    open = -1;
    spanned = 1;
  };
  // The first mark at or after `from`. A search that began at or before `from` and found its mark at or
  // after it (or none) already answers: paragraphs without marks cost no new scan to the next mark.
  let searchedFrom = -1;
  let found: RegExpExecArray | null = null;
  const markFrom = (from: number): RegExpExecArray | null => {
    if (searchedFrom < 0 || searchedFrom > from || (found !== null && found.index < from)) {
      MARK.lastIndex = from;
      found = MARK.exec(text);
      searchedFrom = from;
    }
    return found;
  };
  const continues = (at: number) => CONTINUES.exec(text.slice(at, at + 2))?.[0].length ?? 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start, end } = paragraphs[p];
    let i = start;
    if (open >= 0) {
      // Still open from the previous paragraph: continues only if this paragraph opens with a mark.
      const n = continues(i);
      if (n) {
        spanned++;
        i += n;
      } else {
        const e = paragraphs[p - 1].end;
        finish(e, e, false);
      }
    }
    // Jump from mark to mark (one native scan) rather than testing every character.
    for (let m = markFrom(i); m && m.index < end; m = markFrom(m.index + m[0].length)) {
      const at = m.index;
      const c = m[0];
      if (OPEN.has(c)) {
        if (open >= 0) {
          const e = endBefore(text, at);
          finish(e, e, false);
        }
        open = at;
        openLength = c.length;
      } else if (CLOSE.has(c)) {
        if (open >= 0) finish(at, at + c.length, true);
      } else if (TOGGLE.has(c)) {
        if (open < 0) {
          open = at;
          openLength = c.length;
        } else finish(at, at + c.length, true);
      }
    }
    if (open >= 0 && p + 1 < paragraphs.length && !continues(paragraphs[p + 1].start))
      finish(end, end, false);
  }
  if (open >= 0) {
    const e = paragraphs[paragraphs.length - 1].end;
    finish(e, e, false);
  }
  return out;
}

/** Whether `text` holds a quotation mark at all (if not, it has no quotations). */
export function hasQuotationMark(text: string): boolean {
  MARK.lastIndex = 0;
  return MARK.test(text);
}

/** End of the text before a new opening mark at `i` (skipping the spaces before it). */
function endBefore(text: string, i: number): number {
  let e = i;
  while (e > 0 && isSpace(text[e - 1])) e--;
  return e;
}
