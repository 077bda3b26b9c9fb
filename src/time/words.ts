import type { Doc, Sentence } from '../doc.js';
import { timeLexicon, type Readings } from './lexicon.js';

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
}

export interface SentenceView {
  index: number;
  words: Word[];
  /**
   * Indexes of the words an extractor can start at (lexicon words, numbers, `the`, `every`, ...), in
   * order: extractors visit only these, so a long sentence with one date costs a few steps.
   */
  anchors: number[];
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

/**
 * The pre-filter: whether any token of the sentence could anchor a time expression (a lexicon trigger,
 * a year-like or clock-like number). Most sentences fail it and cost one map look-up per token.
 */
function triggered(doc: Doc, sentence: Sentence): boolean {
  const tokens = doc.tokens ?? [];
  const lex = timeLexicon();
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const text = tokens[t].text;
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
      const next = tokens[t + 1];
      if (next && next.start === tokens[t].end && NUMBER_SUFFIX.has(next.text)) return true;
      continue;
    }
    let lower = text.toLowerCase();
    if (lower.endsWith('.')) lower = lower.slice(0, -1);
    if (lex.isTrigger(lower) && !(c >= 97 && c <= 122 && lex.needsCapital(lower))) return true;
    if (SPOKEN_YEAR.has(lower)) return true;
    if (lower.includes('-') && lower.split('-').some((p) => lex.isTrigger(p) || SPOKEN_YEAR.has(p)))
      return true;
  }
  return false;
}

function isDigit(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Builds the word view of one sentence, or null when no word could anchor a time expression. */
export function sentenceView(doc: Doc, sentence: Sentence, index: number): SentenceView | null {
  if (!triggered(doc, sentence)) return null;
  const tokens = doc.tokens ?? [];
  const lex = timeLexicon();
  const words: Word[] = [];
  let hyphenJoin = false;
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const tok = tokens[t];
    const first = t === sentence.tokenStart;
    let text = tok.text;
    let end = tok.end;
    if (DIGITS.test(text)) {
      const next = tokens[t + 1];
      if (
        next &&
        next.start === end &&
        t + 1 < sentence.tokenEnd &&
        NUMBER_SUFFIX.has(next.text.toLowerCase())
      ) {
        text += next.text;
        end = next.end;
        t++;
      }
    }
    // `20-22`, `2023-03-20`, `1990-91`: numbers and their hyphens as separate words, whatever the tokenizer did
    if (text.length > 2 && NUMBERS_WITH_HYPHENS.test(text)) {
      let offset = tok.start;
      for (const piece of text.split(/([-–])/)) {
        const digit = isDigit(piece);
        words.push({
          norm: piece,
          text: piece,
          start: offset,
          end: offset + piece.length,
          joined: false,
          dotted: false,
          tag: tok.tag,
          first: first && offset === tok.start,
          readings: undefined,
          digit,
          num: digit ? Number(piece) : NaN,
        });
        offset += piece.length;
      }
      hyphenJoin = false;
      continue;
    }
    if (text.length > 2 && text.includes('-') && /\p{L}/u.test(text)) {
      let offset = tok.start;
      let part = 0;
      for (const piece of text.split('-')) {
        if (piece) {
          const norm = piece.toLowerCase();
          words.push({
            norm,
            text: piece,
            start: offset,
            end: offset + piece.length,
            joined: part > 0 || (part === 0 && hyphenJoin),
            dotted: false,
            tag: tok.tag,
            first: first && part === 0,
            readings: lex.get(norm),
            digit: isDigit(norm),
            num: DIGITS.test(norm) ? Number(norm) : NaN,
          });
          part++;
        }
        offset += piece.length + 1;
      }
      hyphenJoin = false;
      continue;
    }
    // `10-year` is tokenised `10` `-` `year`: drop the hyphen, join the word to the number
    if (text === '-' && words.length && t + 1 < sentence.tokenEnd) {
      const prev = tokens[t - 1];
      const next = tokens[t + 1];
      if (
        prev.end === tok.start &&
        next.start === tok.end &&
        DIGITS.test(prev.text) &&
        /^\p{L}/u.test(next.text)
      ) {
        hyphenJoin = true;
        continue;
      }
    }
    const dotted = text.length > 1 && text.endsWith('.') && text.indexOf('.') === text.length - 1;
    const norm = (dotted ? text.slice(0, -1) : text).toLowerCase();
    words.push({
      norm,
      text,
      start: tok.start,
      end,
      joined: hyphenJoin,
      dotted,
      tag: tok.tag,
      first,
      readings: lex.get(norm),
      digit: isDigit(norm),
      num: DIGITS.test(norm) ? Number(norm) : NaN,
    });
    hyphenJoin = false;
  }
  const anchors: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.readings || w.digit || EXTRA_ANCHORS.has(w.norm) || SPOKEN_YEAR.has(w.norm)) anchors.push(i);
  }
  return { index, words, anchors };
}
