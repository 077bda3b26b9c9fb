/**
 * Cleaning rules for wire and machine-translation artifacts. Each rule is one regular expression run as
 * its own pass over the text; a match is replaced by what `replace` returns. Rules are conservative: they
 * fire only on shapes that are never good English prose.
 *
 * Speed: every pattern starts with a literal or a small character class, never with a lookbehind, so the
 * regex engine skips quickly to candidate positions; context before the match is checked in `replace`
 * (which returns null to leave the match alone).
 */

export interface CleanRule {
  name: string;
  /** Why the rule exists, in a few words (shown in audits). */
  why: string;
  /** Must have the global flag; with `group`, also the `d` (indices) flag. */
  pattern: RegExp;
  /** The replacement for the match (or for its `group`), or null to leave it unchanged. */
  replace: (match: RegExpExecArray) => string | null;
  /** Replace only this capture group of the match, not the whole match. */
  group?: number;
  /** Layout rules (line endings, indentation) change offsets but are not reported as repairs. */
  layout?: boolean;
  /** A hand-written scan used instead of `pattern` where a regex would be slow; matches sorted, disjoint. */
  scan?: (text: string) => ScanMatch[];
  /**
   * Text features (`textFeatures`) of which the pattern needs at least one to match at all: without any,
   * the pass is skipped. Absent: the pass always runs.
   */
  needs?: number;
  /**
   * Features the rule's replacements can bring into a text that lacked them, or `RESCAN` when they can
   * bring any (the features are then found again).
   */
  mayCreate?: number;
}

/**
 * Text features: characters and short sequences that the rules' patterns cannot match without. One scan
 * over a text finds which it has (`textFeatures`), so the passes that cannot match are skipped. Most texts
 * have none of them but the wrapped-wire layout (indented lines, space runs).
 */
export const Feature = {
  /** `\r` */
  CR: 1,
  /** a zero-width or control character */
  INVISIBLE: 2,
  /** a tab, a no-break or a typographic space */
  ODD_SPACE: 4,
  /** a line feed followed by a space */
  NL_SPACE: 8,
  /** a space followed by a line feed */
  SPACE_NL: 16,
  /** three line feeds in a row */
  NL3: 32,
  /** two spaces in a row */
  SPACE2: 64,
  /** a space followed by `,;:!?.` */
  SPACE_PUNCT: 128,
  /** a space followed by `.` */
  SPACE_DOT: 256,
  /** `.`, spaces, then an ASCII lower-case letter */
  DOT_SPACE_LOWER: 512,
  /** `.`, spaces, then `-` */
  DOT_SPACE_DASH: 1024,
} as const;

/** `mayCreate` of a rule whose replacements can bring in any feature: the text is scanned again. */
export const RESCAN = -1;

/** What the scan has just seen: the states of `textFeatures`. */
const enum Seen {
  Other = 0,
  Space = 1,
  LineFeed = 2,
  TwoLineFeeds = 3,
  Period = 4,
  PeriodSpaces = 5,
}

/** The features an ASCII character `c` brings after `seen`, and what has been seen then. */
function step(seen: Seen, c: number): [features: number, next: Seen] {
  const afterSpace = seen === Seen.Space || seen === Seen.PeriodSpaces;
  const lineFeeds = seen === Seen.LineFeed || seen === Seen.TwoLineFeeds;
  switch (c) {
    case 32: // space
      if (seen === Seen.Period) return [0, Seen.PeriodSpaces];
      if (seen === Seen.PeriodSpaces) return [Feature.SPACE2, Seen.PeriodSpaces];
      return [afterSpace ? Feature.SPACE2 : lineFeeds ? Feature.NL_SPACE : 0, Seen.Space];
    case 10: // line feed
      return [
        afterSpace ? Feature.SPACE_NL : seen === Seen.TwoLineFeeds ? Feature.NL3 : 0,
        lineFeeds ? Seen.TwoLineFeeds : Seen.LineFeed,
      ];
    case 46: // .
      return [afterSpace ? Feature.SPACE_PUNCT | Feature.SPACE_DOT : 0, Seen.Period];
    case 44: // , ; : ! ?
    case 59:
    case 58:
    case 33:
    case 63:
      return [afterSpace ? Feature.SPACE_PUNCT : 0, Seen.Other];
    case 45: // -
      return [seen === Seen.PeriodSpaces ? Feature.DOT_SPACE_DASH : 0, Seen.Other];
    default:
      if (c >= 97 && c <= 122) return [seen === Seen.PeriodSpaces ? Feature.DOT_SPACE_LOWER : 0, Seen.Other];
      return [specialFeature(c), Seen.Other];
  }
}

/** `step` for every state and ASCII character, as `features << 3 | next`. */
const STEPS = new Uint16Array(8 << 7);
for (let seen = Seen.Other; seen <= Seen.PeriodSpaces; seen++)
  for (let c = 0; c < 128; c++) {
    const [features, next] = step(seen, c);
    STEPS[(seen << 7) | c] = (features << 3) | next;
  }

/**
 * Which `Feature`s `text` has, in one pass over its characters: a table look-up per ASCII character (no
 * branch on what it is, which a text of letters and spaces would keep mispredicting).
 */
export function textFeatures(text: string): number {
  let f = 0;
  let seen: number = Seen.Other;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const e = STEPS[(seen << 7) | c];
      f |= e >> 3;
      seen = e & 7;
    } else {
      f |= specialFeature(c);
      seen = Seen.Other;
    }
  }
  return f;
}

/** The feature of a character outside printable ASCII (see the `line-endings`, `invisible-chars` and
 * `odd-space` patterns), or 0. */
function specialFeature(c: number): number {
  if (c === 13) return Feature.CR;
  if (c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000)
    return Feature.ODD_SPACE;
  if (c < 32 || c === 127 || (c >= 0x200b && c <= 0x200d) || c === 0xfeff) return Feature.INVISIBLE;
  return 0;
}

export interface ScanMatch {
  start: number;
  end: number;
  replacement: string;
}

/** Whitespace as `\s` sees it, for the characters cleaning leaves in the text. */
function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** The character just before the match. */
const before = (m: RegExpExecArray, back = 1): string => m.input[m.index - back] ?? '';
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const CLOSING_QUOTE = /["”’]/;
const END_PUNCT = /[.!?]/;

/** Speech verbs that end an attribution tail (`..., he said.`). */
const TAIL_VERB =
  'said|says|added|adds|noted|notes|stressed|declared|stated|emphasi[sz]ed|remarked|insisted|explained';

/** The text before a period ends with a speech verb. */
const TAIL_END = new RegExp(`\\b(?:${TAIL_VERB})$`);

export const CLEAN_RULES: readonly CleanRule[] = [
  {
    name: 'line-endings',
    why: 'CR and CRLF line endings become LF',
    pattern: /\r\n?/g,
    replace: () => '\n',
    layout: true,
    needs: Feature.CR,
    mayCreate: RESCAN,
  },
  {
    name: 'invisible-chars',
    why: 'zero-width and control characters carry no text',
    // eslint-disable-next-line no-control-regex
    pattern: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\ufeff]+/g,
    replace: () => '',
    needs: Feature.INVISIBLE,
    mayCreate: RESCAN,
  },
  {
    name: 'odd-space',
    why: 'tabs, no-break and typographic spaces become a plain space',
    pattern: /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g,
    replace: () => ' ',
    layout: true,
    needs: Feature.ODD_SPACE,
    mayCreate: RESCAN,
  },
  {
    name: 'indented-paragraph',
    why: 'an indented line starts a paragraph in wrapped wire text',
    pattern: /\n {2,}(?=\S)/g,
    replace: () => '\n\n',
    layout: true,
    needs: Feature.NL_SPACE,
    // `\n\n` after a line feed; it is followed by a non-space and comes after what came before.
    mayCreate: Feature.NL3,
  },
  {
    name: 'line-edge-space',
    why: 'spaces at the start or end of a line carry nothing',
    pattern: / +\n *|\n +/g,
    replace: () => '\n',
    layout: true,
    needs: Feature.NL_SPACE | Feature.SPACE_NL,
    // The match takes every space around the line feed, so only line feeds can come together.
    mayCreate: Feature.NL3,
  },
  {
    name: 'blank-lines',
    why: 'runs of blank lines become one paragraph break',
    pattern: /\n{3,}/g,
    replace: () => '\n\n',
    layout: true,
    needs: Feature.NL3,
  },
  {
    name: 'edge-whitespace',
    why: 'whitespace before the first or after the last character',
    // A scan from both ends: a pattern `\s+$` would be tried at every run of whitespace.
    pattern: /^\s+/g,
    scan: (text) => {
      const out: ScanMatch[] = [];
      let s = 0;
      while (s < text.length && isWhite(text.charCodeAt(s))) s++;
      if (s > 0) out.push({ start: 0, end: s, replacement: '' });
      let e = text.length;
      while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
      if (e < text.length) out.push({ start: e, end: text.length, replacement: '' });
      return out;
    },
    replace: () => '',
    layout: true,
  },
  {
    name: 'space-run',
    why: 'several spaces in a row',
    pattern: / {2,}/g,
    replace: () => ' ',
    needs: Feature.SPACE2,
  },
  {
    name: 'space-before-punctuation',
    why: 'a space before a comma or sentence end (not before a spaced ellipsis `. . .`)',
    pattern: /( +)(?:[,;:!?]|\.(?!(?: \.){2})(?:\s|$))/dg,
    group: 1,
    replace: (m) => {
      const b = before(m);
      if (b === ')' || LETTER_OR_DIGIT.test(b)) return '';
      // After a closing quote, unless the quote closes a sentence (`"enough." .` is for the next rule).
      if (CLOSING_QUOTE.test(b) && !END_PUNCT.test(before(m, 2))) return '';
      return null;
    },
    needs: Feature.SPACE_PUNCT,
  },
  {
    name: 'doubled-attribution',
    why: 'a machine translation repeats the attribution verb as a lower-case sentence of its own',
    pattern: new RegExp(`\\.( +(?:(?:he|she|they|it) +)?(?:${TAIL_VERB})\\.)(?=\\s|$)`, 'dg'),
    group: 1,
    replace: (m) => (TAIL_END.test(m.input.slice(Math.max(0, m.index - 16), m.index)) ? '' : null),
    needs: Feature.DOT_SPACE_LOWER,
    // The first period comes to stand before what followed the second: no sequence the text lacked.
  },
  {
    name: 'orphan-fragment',
    why: 'a word fragment starting with a hyphen stranded after a sentence end',
    pattern: /\. +-\p{Ll}+(?:-\p{Ll}+)*,/gu,
    replace: (m) => (LOWER.test(before(m)) ? ',' : null),
    needs: Feature.DOT_SPACE_DASH,
  },
  {
    name: 'doubled-end-punctuation',
    why: 'a stray period after a sentence end (`goals. .`), not a spaced ellipsis',
    pattern: / +\.(?![.\p{L}\p{N}]| +\.)/gu,
    replace: (m) => {
      let k = 1;
      if (CLOSING_QUOTE.test(before(m, k))) k++;
      const end = before(m, k);
      const prev = before(m, k + 1);
      return END_PUNCT.test(end) && prev !== '' && prev !== '.' && !/\s/.test(prev) ? '' : null;
    },
    needs: Feature.SPACE_DOT,
  },
];
