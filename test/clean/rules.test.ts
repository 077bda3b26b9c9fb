/** Cleaning: each rule on its own shape, the shapes it must leave alone, and the alignment back to the raw text. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/clean/clean.js';
import { CLEAN_RULES, Feature, textFeatures } from '../../src/clean/rules.js';

const clean = (raw: string) => cleanText(raw).text;
const rulesFired = (raw: string) => cleanText(raw).repairs.map((r) => r.rule);

describe('cleaning rules', () => {
  it('every rule has a name, a reason and a global pattern', () => {
    const names = CLEAN_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of CLEAN_RULES) {
      expect(r.why.length).toBeGreaterThan(10);
      expect(r.pattern.global).toBe(true);
    }
  });

  it('line-endings: CR and CRLF become LF, as layout (not a repair)', () => {
    const r = cleanText('One line.\r\nTwo line.\rThree.');
    expect(r.text).toBe('One line.\nTwo line.\nThree.');
    expect(r.repairs).toEqual([]);
  });

  it('invisible-chars: zero-width and control characters are removed and reported', () => {
    const r = cleanText('Peace\u200b talks\u0007 resumed\ufeff.');
    expect(r.text).toBe('Peace talks resumed.');
    expect(r.repairs.map((x) => [x.rule, x.original])).toEqual([
      ['invisible-chars', '\u200b'],
      ['invisible-chars', '\u0007'],
      ['invisible-chars', '\ufeff'],
    ]);
  });

  it('odd-space: tabs and no-break spaces become plain spaces', () => {
    expect(clean('KYIV -\tThe\u00a0army\u2009said.')).toBe('KYIV - The army said.');
  });

  it('indented-paragraph: an indented line in wrapped wire text starts a paragraph', () => {
    expect(clean('First paragraph wraps\nhere.\n    Second paragraph.')).toBe(
      'First paragraph wraps\nhere.\n\nSecond paragraph.',
    );
  });

  it('line-edge-space, blank-lines and edge-whitespace tidy the layout', () => {
    expect(clean('\n\n  Title  \n\n\n\n\nBody text.   \n\n')).toBe('Title\n\nBody text.');
  });

  it('space-run: several spaces become one, reported', () => {
    const r = cleanText('The army  said   it would withdraw.');
    expect(r.text).toBe('The army said it would withdraw.');
    expect(r.repairs.map((x) => x.rule)).toEqual(['space-run', 'space-run']);
  });

  it('space-before-punctuation: a stray space before , ; : ! ? or a final period', () => {
    expect(clean('Talks failed , officials said ; a new round is due : soon .')).toBe(
      'Talks failed, officials said; a new round is due: soon.',
    );
    expect(clean('Why ? Nobody knows !')).toBe('Why? Nobody knows!');
  });

  it('doubled-attribution: `said. declared.` and `said. he declared.` become `said.`', () => {
    expect(clean('Trade will grow, he said. declared. Next.')).toBe('Trade will grow, he said. Next.');
    expect(clean('Trade will grow, he said. he declared. Next.')).toBe('Trade will grow, he said. Next.');
    expect(clean('Ties are strong, Wang said. she stressed.')).toBe('Ties are strong, Wang said.');
    expect(rulesFired('It is fine, she added. noted.')).toEqual(['doubled-attribution']);
  });

  it('orphan-fragment: `cooperation. -winner, Mr. Wang added.` joins the attribution', () => {
    const r = cleanText('It is win-win cooperation. -winner, Mr. Wang added.');
    expect(r.text).toBe('It is win-win cooperation, Mr. Wang added.');
    expect(r.repairs).toEqual([
      {
        start: 25,
        end: 35,
        original: '. -winner,',
        replacement: ',',
        stage: 'clean',
        rule: 'orphan-fragment',
      },
    ]);
    expect(clean('They seek peace. -long-term, she said.')).toBe('They seek peace, she said.');
  });

  it('doubled-end-punctuation: `goals. .` loses the stray period', () => {
    expect(clean('They met their goals. . The end.')).toBe('They met their goals. The end.');
    expect(clean('Who knows? . Nobody.')).toBe('Who knows? Nobody.');
    expect(clean('He said "enough." . Then left.')).toBe('He said "enough." Then left.');
  });
});

describe('cleaning leaves legitimate text alone', () => {
  const untouched = [
    'He paused... and then went on.',
    'The report said . . . nothing new.',
    'The talks ended. . . . Nobody spoke.',
    'Officials in the U.S. and the U.N. agreed.',
    'Some members, e.g. France, objected; i.e. the vote failed.',
    'The U.S.-led coalition struck at dawn.',
    'The war ended in 2019. Anti-war protests followed.',
    'He left. Self-employed workers stayed.',
    'Prices rose 3.5 percent. -- Reuters',
    'Growth was weak, he said. He added that exports fell.',
    '"We agree," Putin said. "So do we," Lavrov added.',
    'He said. She said. They said nothing at all about it.',
    'The minister said: "No."',
    'Line one.\nLine two.',
    'Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5.',
  ];
  for (const text of untouched)
    it(JSON.stringify(text), () => {
      const r = cleanText(text);
      expect(r.text).toBe(text);
      expect(r.repairs).toEqual([]);
    });
});

describe('alignment between cleaned and raw text', () => {
  const raw =
    '  Talks ended , he said. declared.\r\n\r\n\r\nIt is win-win cooperation. -winner, Mr. Wang added.  \n' +
    '    They met their goals. .   Done\u200b.\n';
  const r = cleanText(raw);

  it('each repair names the raw text it replaced', () => {
    expect(r.repairs.length).toBeGreaterThanOrEqual(5);
    for (const rep of r.repairs) expect(raw.slice(rep.start, rep.end)).toBe(rep.original);
    for (let i = 1; i < r.repairs.length; i++)
      expect(r.repairs[i].start).toBeGreaterThanOrEqual(r.repairs[i - 1].start);
  });

  it('maps every letter of the cleaned text to the same letter in the raw text, in order (never backwards)', () => {
    let last = -1;
    for (let i = 0; i < r.text.length; i++) {
      const at = r.alignment.toRaw(i, 'start');
      expect(at).toBeGreaterThanOrEqual(last);
      last = at;
      if (/\p{L}/u.test(r.text[i])) expect(raw[at]).toBe(r.text[i]);
    }
    expect(r.alignment.toRaw(r.text.length, 'end')).toBeLessThanOrEqual(raw.length);
  });

  it('maps word spans to the same words', () => {
    for (const m of r.text.matchAll(/\p{L}+/gu)) {
      const start = r.alignment.toRaw(m.index, 'start');
      const end = r.alignment.toRaw(m.index + m[0].length, 'end');
      expect(raw.slice(start, end)).toBe(m[0]);
    }
  });

  it('is the identity when nothing changed', () => {
    const plain = cleanText('Nothing to repair here.');
    expect(plain.alignment.identity).toBe(true);
    expect(plain.alignment.toRaw(7, 'start')).toBe(7);
  });
});

describe('skipping passes by text features', () => {
  // Every rule run on every text, as if no feature were known.
  const everyPass = CLEAN_RULES.map((rule) => ({ ...rule, needs: undefined, mayCreate: undefined }));
  const pieces = [
    ...' \n\n\n.,;:!?-"”’)aAs1\r\t\u00a0\u2009\u200b\u0007\ufeff\u3000é',
    '  ',
    '    ',
    ' . ',
    '. .',
    '. said.',
    '. he said.',
    ' declared.',
    '. -winner,',
    '. -win-win,',
    ' ,',
    'He said',
    ' ." ',
    'x',
  ];

  it('cleans random texts exactly as running every pass does', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      let raw = '';
      for (let n = 1 + random(16); n > 0; n--) raw += pieces[random(pieces.length)];
      const skipping = cleanText(raw);
      const full = cleanText(raw, everyPass);
      expect(skipping.text, JSON.stringify(raw)).toBe(full.text);
      expect(skipping.repairs).toEqual(full.repairs);
      expect(skipping.alignment).toEqual(full.alignment);
    }
  });

  it('finds the features a text has', () => {
    expect(textFeatures('Plain text. Nothing else.')).toBe(0);
    expect(textFeatures('a\r\nb')).toBe(Feature.CR);
    expect(textFeatures('a \n  b\n\n\nc')).toBe(
      Feature.SPACE_NL | Feature.NL_SPACE | Feature.SPACE2 | Feature.NL3,
    );
    expect(textFeatures('x . said. -y')).toBe(
      Feature.SPACE_PUNCT | Feature.SPACE_DOT | Feature.DOT_SPACE_LOWER | Feature.DOT_SPACE_DASH,
    );
    expect(textFeatures('\u00a0\u200b')).toBe(Feature.ODD_SPACE | Feature.INVISIBLE);
  });
});
