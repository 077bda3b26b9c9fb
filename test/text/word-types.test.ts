import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/doc.js';
import {
  hashText,
  tokenTypes,
  TypeEpoch,
  TYPES_EMPTIED,
  TYPES_GREW,
  TYPES_SAME,
  wordTypes,
  WordTypes,
} from '../../src/text/word-types.js';

const tokensOf = (words: string[]): Token[] =>
  words.map((text, i) => ({ start: i, end: i + text.length, text, sentence: 0 }));

describe('WordTypes', () => {
  it('gives one id per distinct text, the same for equal texts made apart', () => {
    const types = new WordTypes();
    const a = types.idOf('Moscow');
    const b = types.idOf('visit');
    expect(a).not.toBe(b);
    expect(types.idOf(['Mos', 'cow'].join(''))).toBe(a);
    expect(types.idOf('Moscow.')).not.toBe(a);
    expect(types.textOf(a)).toBe('Moscow');
    expect(types.hashes[b]).toBe(hashText('visit'));
    expect(types.count).toBe(3);
  });

  it('tells apart texts of odd and even length and past ASCII', () => {
    const types = new WordTypes();
    const words = ['a', 'ab', 'abc', 'Zürich', 'Zurich', '’s', "'s", 'Élysée', ''];
    const ids = words.map((w) => types.idOf(w));
    expect(new Set(ids).size).toBe(words.length);
    expect(words.map((w) => types.idOf(w))).toEqual(ids);
    expect(ids.map((id) => types.textOf(id))).toEqual(words);
  });

  it('keeps ids when a document has more types than the table holds', () => {
    const types = new WordTypes();
    const capacity = types.capacity;
    const words = Array.from({ length: capacity + 10 }, (_, i) => `w${i}`);
    const out = new Int32Array(words.length);
    types.idsOf(
      words.map((text) => ({ text })),
      out,
    );
    expect(types.capacity).toBe(2 * capacity);
    expect(types.epoch).toBe(0);
    expect(out[capacity + 9]).toBe(capacity + 9);
    expect(types.idOf('w5')).toBe(5);
    expect(types.hashes[capacity + 9]).toBe(hashText(`w${capacity + 9}`));
  });

  it('empties itself, moving to a new epoch, before a document that would not fit', () => {
    const types = new WordTypes();
    const fill = Array.from({ length: types.capacity - 2 }, (_, i) => ({ text: `f${i}` }));
    types.idsOf(fill, new Int32Array(fill.length));
    const out = new Int32Array(3);
    types.idsOf([{ text: 'x' }, { text: 'y' }, { text: 'x' }], out);
    expect(types.epoch).toBe(1);
    expect([...out]).toEqual([0, 1, 0]);
    expect(types.idOf('f0')).toBe(2);
  });
});

describe('tokenTypes', () => {
  it("gives a document's ids in the current epoch, again after the table was emptied", () => {
    const tokens = tokensOf(['Xi', 'visits', 'Moscow', 'and', 'Xi', 'speaks']);
    const ids = tokenTypes(tokens).slice(0, tokens.length);
    expect(ids[0]).toBe(ids[4]);
    expect(new Set(ids).size).toBe(5);
    expect(tokenTypes(tokens).slice(0, tokens.length)).toEqual(ids);
    const types = wordTypes();
    types.clear();
    types.idOf('padding');
    const again = tokenTypes(tokens).slice(0, tokens.length);
    expect([...again].map((id) => types.textOf(id))).toEqual(tokens.map((t) => t.text));
  });

  it('keeps the ids of many documents apart, out of sight of JSON and equality', () => {
    const docs = Array.from({ length: 100 }, (_, d) => tokensOf([`d${d}`, 'the', `e${d}`, ',']));
    const first = docs.map((tokens) => [...tokenTypes(tokens).slice(0, tokens.length)]);
    const texts = (ids: number[]) => ids.map((id) => wordTypes().textOf(id));
    for (let d = 99; d >= 0; d--) {
      const ids = [...tokenTypes(docs[d]).slice(0, 4)];
      expect(ids).toEqual(first[d]);
      expect(texts(ids)).toEqual([`d${d}`, 'the', `e${d}`, ',']);
    }
    expect(JSON.parse(JSON.stringify(docs[0]))).toEqual(tokensOf(['d0', 'the', 'e0', ',']));
    expect(docs[0]).toStrictEqual(tokensOf(['d0', 'the', 'e0', ',']));
    expect(Object.keys(docs[0])).toEqual(['0', '1', '2', '3']);
  });

  it('finds texts of one and two ASCII characters, and others, by the same ids as before', () => {
    const types = new WordTypes();
    const words = [',', '.', 'of', 'a', 'to', '\u0000', 'a\u0000', '\u0001', 'é', 'aé', 'of.', '--'];
    const ids = words.map((w) => types.idOf(w));
    expect(new Set(ids).size).toBe(words.length);
    expect(words.map((w) => types.idOf(w))).toEqual(ids);
    types.clear();
    expect(types.idOf('of')).toBe(0);
    expect(types.idOf(',')).toBe(1);
  });
});

describe('TypeEpoch', () => {
  it('says once how the table changed: emptied first, grown with ids kept, emptied again', () => {
    const types = new WordTypes();
    const seen = new TypeEpoch();
    expect(seen.change(types)).toBe(TYPES_EMPTIED);
    expect(seen.change(types)).toBe(TYPES_SAME);
    const words = Array.from({ length: types.capacity + 1 }, (_, i) => ({ text: `g${i}` }));
    types.idsOf(words, new Int32Array(words.length));
    expect(seen.change(types)).toBe(TYPES_GREW);
    expect(seen.change(types)).toBe(TYPES_SAME);
    types.clear();
    expect(seen.change(types)).toBe(TYPES_EMPTIED);
    seen.reset();
    expect(seen.change(types)).toBe(TYPES_EMPTIED);
    expect(seen.change(types)).toBe(TYPES_SAME);
  });
});
