/** Tokens: Penn-Treebank-like splits with offsets into the text. */
import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/doc.js';
import { abbreviations } from '../../src/text/abbreviations.js';
import { TOKEN, tokenize } from '../../src/text/tokens.js';

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

  it('finds by its character scan the same tokens as the token pattern, on random text', () => {
    const alphabet = [
      ...'antsdmrevlUSJx1 9 .,:/-&_$()?!\n\t',
      "'",
      '’',
      '‘',
      '“',
      '”',
      '—',
      '–',
      'é',
      'Ü',
      '\u0301',
      '٣',
      '½',
      '\u00a0',
      '\u2028',
      ...[
        "don't",
        'won’t',
        'U.S.',
        'a.m.',
        'Mr.',
        'Inc.',
        'J.',
        "it's",
        "O'Neil",
        "JOHN'S",
        "they're",
        "I'll",
      ],
      ...['1,000.5', '3D-printed', '21-year-old', 'AT&T', 'No.', '...', '--', "'s", '’re', "n't", 'F-16s'],
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      let text = '';
      for (let n = 1 + random(12); n > 0; n--) text += alphabet[random(alphabet.length)];
      const start = random(text.length);
      const span =
        k % 2 ? { start: 0, end: text.length } : { start, end: start + random(text.length - start + 1) };
      const out: Token[] = [];
      tokenize(text, span, 0, out);
      expect(out, JSON.stringify(text)).toEqual(byPattern(text, span));
    }
  });
});

/** Tokens found by the token pattern alone (a run of ASCII letters ending the span is cut at its end). */
function byPattern(text: string, span: { start: number; end: number }): Token[] {
  const out: Token[] = [];
  let pos = span.start;
  while (pos < span.end) {
    if (text[pos] === ' ' || text[pos] === '\n') {
      pos++;
      continue;
    }
    let e = pos;
    while (e < span.end && /[A-Za-z]/.test(text[e])) e++;
    if (e > pos && e === span.end) {
      out.push({ start: pos, end: e, text: text.slice(pos, e), sentence: 0 });
      break;
    }
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m || m.index >= span.end) break;
    let end = m.index + m[0].length;
    let word = m[0];
    if (word.length > 1 && word.endsWith('n') && /^['’]t(?!\p{L})/u.test(text.slice(end))) {
      end--;
      word = word.slice(0, -1);
    }
    if (text[end] === '.' && end + 1 <= span.end) {
      const kind = abbreviations().get(word);
      if (
        (kind && (kind !== 'may-end' || end + 1 < span.end)) ||
        (/^\p{Lu}$/u.test(word) && end + 1 < span.end)
      ) {
        end++;
        word += '.';
      }
    }
    out.push({ start: m.index, end, text: word, sentence: 0 });
    pos = end;
  }
  return out;
}
