/** eval/segment.ts: the CoNLL detokenizer on a snippet written here, and the scores on CoNLL-2003 dev. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prf, readConllDocs, scoreSegmentation } from '../../eval/segment.js';
import { SHARED, describeShared } from '../helpers/shared.js';

const SNIPPET = [
  '-DOCSTART- -X- O O',
  '',
  'TALKS NNP I-NP O',
  'RESUME VBP I-VP O',
  '',
  'PARIS NNP I-NP I-LOC',
  '1996-08-30 CD I-NP O',
  '',
  '" " O O',
  'We PRP I-NP O',
  'agree VBP I-VP O',
  ', , O O',
  '" " O O',
  'Mr. NNP I-NP O',
  'Li NNP I-NP I-PER',
  "'s POS B-NP O",
  'aide NN I-NP O',
  'said VBD I-VP O',
  '( ( O O',
  '$ $ O O',
  '5 CD I-NP O',
  ') ) O O',
  '. . O O',
  '',
  'It PRP I-NP O',
  'ended VBD I-VP O',
  '. . O O',
  '',
].join('\n');

describe('eval:segment', () => {
  it('joins gold tokens into running text with their offsets and sentence ends', () => {
    const [doc] = readConllDocs(SNIPPET);
    expect(doc.text).toBe('TALKS RESUME PARIS 1996-08-30 "We agree," Mr. Li\'s aide said ($5). It ended.');
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).not.toMatch(/\s/);
    expect(doc.tokens.map((t) => doc.text.slice(t.start, t.end))).toContain("'s");
    expect(doc.sentenceEnds.map((e) => doc.text.slice(e - 4, e))).toEqual(['SUME', '8-30', '$5).', 'ded.']);
    expect(doc.punctuated).toEqual([false, false, true, true]);
  });

  it('scores a document it segments perfectly', () => {
    const s = scoreSegmentation(readConllDocs(SNIPPET));
    expect(s.boundaries).toEqual({ tp: 1, fp: 0, fn: 0, unpunctuated: 2 });
    expect(s.tokens.fp + s.tokens.fn).toBe(0);
    expect(prf(3, 1, 0)).toEqual({ p: 0.75, r: 1, f1: 6 / 7 });
  });
});

describeShared('gold/conll2003/eng.testa', 'eval:segment on CoNLL-2003 dev', () => {
  it('keeps boundary and token F1 above their floors', () => {
    const s = scoreSegmentation(readConllDocs(readFileSync(SHARED + 'gold/conll2003/eng.testa', 'utf8')));
    expect(prf(s.boundaries.tp, s.boundaries.fp, s.boundaries.fn).f1).toBeGreaterThan(0.93);
    expect(prf(s.tokens.tp, s.tokens.fp, s.tokens.fn).f1).toBeGreaterThan(0.98);
  });
});
