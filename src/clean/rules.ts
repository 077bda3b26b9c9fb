/**
 * Cleaning rules for wire and machine-translation artifacts. Each rule is one regular expression run as
 * its own pass over the text; a match is replaced by what `replace` returns. Rules are conservative: they
 * fire only on shapes that are never good English prose.
 */

export interface CleanRule {
  name: string;
  /** Why the rule exists, in a few words (shown in audits). */
  why: string;
  /** Must have the global flag. */
  pattern: RegExp;
  replace: (match: RegExpExecArray) => string;
  /** Layout rules (line endings, indentation) change offsets but are not reported as repairs. */
  layout?: boolean;
}

/** Speech verbs that end an attribution tail (`..., he said.`). */
const TAIL_VERB =
  'said|says|added|adds|noted|notes|stressed|declared|stated|emphasi[sz]ed|remarked|insisted|explained';

export const CLEAN_RULES: readonly CleanRule[] = [
  {
    name: 'line-endings',
    why: 'CR and CRLF line endings become LF',
    pattern: /\r\n?/g,
    replace: () => '\n',
    layout: true,
  },
  {
    name: 'invisible-chars',
    why: 'zero-width and control characters carry no text',
    // eslint-disable-next-line no-control-regex
    pattern: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\ufeff]+/g,
    replace: () => '',
  },
  {
    name: 'odd-space',
    why: 'tabs, no-break and typographic spaces become a plain space',
    pattern: /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g,
    replace: () => ' ',
    layout: true,
  },
  {
    name: 'indented-paragraph',
    why: 'an indented line starts a paragraph in wrapped wire text',
    pattern: /\n {2,}(?=\S)/g,
    replace: () => '\n\n',
    layout: true,
  },
  {
    name: 'line-edge-space',
    why: 'spaces at the start or end of a line carry nothing',
    pattern: /^ +| +$/gm,
    replace: () => '',
    layout: true,
  },
  {
    name: 'blank-lines',
    why: 'runs of blank lines become one paragraph break',
    pattern: /\n{3,}/g,
    replace: () => '\n\n',
    layout: true,
  },
  {
    name: 'edge-whitespace',
    why: 'whitespace before the first or after the last character',
    pattern: /^\s+|\s+$/g,
    replace: () => '',
    layout: true,
  },
  {
    name: 'space-run',
    why: 'several spaces in a row',
    pattern: / {2,}/g,
    replace: () => ' ',
  },
  {
    name: 'space-before-punctuation',
    why: 'a space before a comma or sentence end (not before a spaced ellipsis `. . .`)',
    pattern: /(?<=[\p{L}\p{N})]|(?<![.!?])[”"’])( +)(?=[,;:!?]|\.(?!(?: \.){2})(?:\s|$))/gu,
    replace: () => '',
  },
  {
    name: 'doubled-attribution',
    why: 'a machine translation repeats the attribution verb as a lower-case sentence of its own',
    pattern: new RegExp(
      `(?<=\\b(?:${TAIL_VERB})\\.)[ ]+(?:(?:he|she|they|it)[ ]+)?(?:${TAIL_VERB})\\.(?=\\s|$)`,
      'g',
    ),
    replace: () => '',
  },
  {
    name: 'orphan-fragment',
    why: 'a word fragment starting with a hyphen stranded after a sentence end',
    pattern: /(?<=\p{Ll})\. +-\p{Ll}+(?:-\p{Ll}+)*,/gu,
    replace: () => ',',
  },
  {
    name: 'doubled-end-punctuation',
    why: 'a stray period after a sentence end (`goals. .`), not a spaced ellipsis',
    pattern: /(?<=[^.\s][.!?]["”’]?) +\.(?![.\p{L}\p{N}]| +\.)/gu,
    replace: () => '',
  },
];
