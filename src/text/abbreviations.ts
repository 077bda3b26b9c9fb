import { readDataRows } from '../data.js';

export type AbbreviationKind = 'title' | 'before-number' | 'may-end';

let table: Map<string, AbbreviationKind> | undefined;

/** Abbreviations from `data/text/abbreviations.tsv`, keyed without the final period; loaded once. */
export function abbreviations(): Map<string, AbbreviationKind> {
  if (!table) {
    table = new Map();
    for (const [word, kind] of readDataRows('text/abbreviations.tsv'))
      table.set(word, kind as AbbreviationKind);
  }
  return table;
}

/**
 * Words that commonly open a sentence: after a `may-end` abbreviation they mark a sentence break. Nouns
 * that often follow `U.S.` as a modifier (`U.S. Officials`) are left out.
 */
export const SENTENCE_OPENERS = new Set(
  (
    'The He She It They We I You This That These Those There Here But And Or So Yet In On At As After Before ' +
    'If When While However Meanwhile Also Its His Her Their Our Some Many Most A An No Not One Two Both All ' +
    'What Why How Who Where Which Earlier Later Still Since Although Though Under'
  ).split(' '),
);
