/** Tokens: Penn-Treebank-like splits with offsets into the text. */
import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/doc.js';
import { tokenize } from '../../src/text/tokens.js';

function tokens(text: string): string[] {
  const out: Token[] = [];
  tokenize(text, { start: 0, end: text.length }, 0, out);
  for (const t of out) expect(text.slice(t.start, t.end)).toBe(t.text);
  return out.map((t) => t.text);
}

describe('tokens', () => {
  it.each([
    ['Mr. Wang met Gen. Park.', ['Mr.', 'Wang', 'met', 'Gen.', 'Park', '.']],
    ['The U.S. and U.N. agreed.', ['The', 'U.S.', 'and', 'U.N.', 'agreed', '.']],
    ["They don't and won’t.", ['They', 'do', "n't", 'and', 'wo', 'n’t', '.']],
    ["Russia's army", ['Russia', "'s", 'army']],
    [
      'It cost $1.5 billion, or 2,261 rubles at 10:30.',
      ['It', 'cost', '$', '1.5', 'billion', ',', 'or', '2,261', 'rubles', 'at', '10:30', '.'],
    ],
    ['Kassym-Jomart Tokayev and AT&T', ['Kassym-Jomart', 'Tokayev', 'and', 'AT&T']],
    ['“Go,” she said...', ['“', 'Go', ',', '”', 'she', 'said', '...']],
    ['George W. Bush', ['George', 'W.', 'Bush']],
    ['on Jan. 5, No. 10', ['on', 'Jan.', '5', ',', 'No.', '10']],
    ['He lives in the U.S.', ['He', 'lives', 'in', 'the', 'U.S.']],
    [
      'On 1996-08-30 the 21-year-old won 6-2 in the 15th round of the 1990s',
      [
        'On',
        '1996-08-30',
        'the',
        '21-year-old',
        'won',
        '6-2',
        'in',
        'the',
        '15th',
        'round',
        'of',
        'the',
        '1990s',
      ],
    ],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('keeps a sentence-final period separate after a may-end abbreviation', () => {
    expect(tokens('He joined Acme Inc.')).toEqual(['He', 'joined', 'Acme', 'Inc', '.']);
  });

  it('tokenizes only the span given and records the sentence index', () => {
    const text = 'First one. Second one.';
    const out: Token[] = [];
    tokenize(text, { start: 11, end: text.length }, 1, out);
    expect(out.map((t) => [t.text, t.start, t.sentence])).toEqual([
      ['Second', 11, 1],
      ['one', 18, 1],
      ['.', 21, 1],
    ]);
  });
});
