import { describe, expect, it } from 'vitest';
import { matchGazetteer } from '../../src/actors/gazetteer-match.js';
import { formTokens, gazetteer } from '../../src/actors/gazetteer.js';
import { officeOn } from '../../src/actors/office.js';
import { TokenTrie } from '../../src/actors/token-trie.js';
import { cleanStage } from '../../src/clean/clean-stage.js';
import { buildPipeline } from '../../src/pipeline.js';
import { segmentStage } from '../../src/text/segment-stage.js';

const segment = buildPipeline([cleanStage, segmentStage]);

/** The gazetteer hits of a text as `surface=rule` strings. */
function hits(text: string): string[] {
  const doc = segment.run({ text, date: null });
  return matchGazetteer(doc).hits.map(
    (h) => `${doc.text.slice(h.start, h.end)}=${h.entries.map((e) => e.rule).join('|')}`,
  );
}

describe('token trie', () => {
  it('takes the longest entry and respects the accept check', () => {
    const trie = new TokenTrie<string>();
    trie.add(['Security', 'Council'], 'sc');
    trie.add(['Security'], 'sec');
    const keys = ['the', 'security', 'council', 'met'];
    expect(trie.longestAt(keys, 1, 4, () => true)).toEqual({ length: 2, values: ['sc'] });
    expect(trie.longestAt(keys, 1, 4, (v) => v !== 'sc')).toEqual({ length: 1, values: ['sec'] });
    expect(trie.longestAt(keys, 0, 4, () => true)).toBeNull();
  });

  it("finds a token's node by its key in any case, with apostrophes and letters beyond ASCII", () => {
    const trie = new TokenTrie<string>();
    trie.add(['Security', 'Council'], 'sc');
    trie.add(['Côte', "d'Ivoire"], 'civ');
    trie.add(['ÉTAT'], 'etat');
    const child = (words: string[]) => {
      let node = trie.root as Parameters<typeof trie.child>[0] | undefined;
      for (const w of words) node = node && trie.child(node, w);
      return node?.values ?? null;
    };
    expect(child(['SECURITY', 'council'])).toEqual(['sc']);
    expect(child(['Côte', 'D’Ivoire'])).toEqual(['civ']);
    expect(child(['état'])).toEqual(['etat']);
    expect(child(['Securit', 'Council'])).toBeNull();
    expect(child(['Security', 'Councils'])).toBeNull();
  });
});

describe('gazetteer', () => {
  it('loads countries from the package and our aliases', () => {
    const g = gazetteer();
    expect(g.countryNames.get('FRA')).toBe('France');
    expect(hits('Britain and the U.S. met Ivory Coast and North Korea.')).toEqual([
      'Britain=country:Britain',
      'U.S.=country:U.S.',
      'Ivory Coast=country:Ivory Coast',
      'North Korea=country:North Korea',
    ]);
  });

  it('matches capitalised and all-capital names only as written', () => {
    expect(hits('Let us know who said it.')).toEqual([]);
    expect(hits('The US and the WHO disagree.')).toEqual(['US=country:US', 'WHO=igo:WHO']);
    expect(hits('They ate turkey in Turkey.')).toEqual(['Turkey=country:Turkey']);
  });

  it('prefers the longest entry: the Security Council over the word council', () => {
    expect(hits('The UN Security Council and the council of elders.')).toEqual([
      'UN Security Council=igo:UN Security Council',
      'council=sector:council',
    ]);
  });

  it('looks up the parts of hyphenated words', () => {
    expect(hits('Sino-Russian ties and China-Russia links.')).toEqual([
      'Sino=demonym:Sino-',
      'Russian=demonym:Russian',
      'China=country:China',
      'Russia=country:Russia',
    ]);
  });

  it('splits lexicon forms as the document tokenizer does', () => {
    expect(formTokens("UN Children's Fund")).toEqual(['UN', 'Children', "'s", 'Fund']);
    expect(formTokens('U.S.')).toEqual(['U.S.']);
  });
});

describe('office holders by date', () => {
  it('codes the office held on the day', () => {
    expect(officeOn('Obama', '2015-06-01')).toMatchObject({
      name: 'Barack Obama',
      country: 'USA',
      sector: 'GOV',
    });
    expect(officeOn('Putin', '2010-01-01')).toMatchObject({
      sector: 'GOV',
      rule: expect.stringContaining('prime minister'),
    });
  });

  it('codes a former office holder as an elite, and one not yet in office by country alone', () => {
    expect(officeOn('Obama', '2023-03-18')).toMatchObject({ country: 'USA', sector: 'ELI' });
    expect(officeOn('Merz', '2020-01-01')).toMatchObject({ country: 'DEU', sector: null });
  });

  it('tells apart people who share a short form by date', () => {
    expect(officeOn('Bush', '1990-05-01')?.name).toBe('George H. W. Bush');
    expect(officeOn('Bush', '2005-05-01')?.name).toBe('George W. Bush');
    expect(officeOn('Clinton', '2010-05-01')?.name).toBe('Hillary Clinton');
  });

  it('gives international officials their organisation code', () => {
    expect(officeOn('Guterres', '2020-01-01')).toMatchObject({ country: 'IGOUNO' });
    expect(officeOn('Nobody Atall', '2020-01-01')).toBeNull();
  });
});
