import { describe, expect, it } from 'vitest';
import { buildPipeline } from '../../src/pipeline.js';
import { cleanStage } from '../../src/clean/clean-stage.js';
import { segmentStage } from '../../src/text/segment-stage.js';
import { readFileSync } from 'node:fs';
import { posStage } from '../../src/text/pos-stage.js';
import { iob1to2, iobAllowed, parseConll } from '../../src/text/pos-conll.js';
import { normaliseWord, SentenceValues } from '../../src/text/pos-features.js';
import { PosTagger, posModels, tagSentence } from '../../src/text/pos-tagger.js';
import { tokenTypes, wordTypes } from '../../src/text/word-types.js';
import { evaluatePos, iobSpans } from '../../eval/pos.js';
import { SHARED, describeShared } from '../helpers/shared.js';

const pipeline = buildPipeline([cleanStage, segmentStage, posStage]);
const tag = (text: string) =>
  pipeline.run({ date: null, text }).tokens!.map((t) => ({ text: t.text, tag: t.tag, chunk: t.chunk }));

describe('pos stage', () => {
  it('tags a plain news sentence with Penn Treebank tags', () => {
    const tokens = tag('The minister signed the new trade agreement in Nairobi on Tuesday.');
    expect(tokens.map((t) => t.tag)).toEqual([
      'DT',
      'NN',
      'VBD',
      'DT',
      'JJ',
      'NN',
      'NN',
      'IN',
      'NNP',
      'IN',
      'NNP',
      '.',
    ]);
  });

  it('chunks noun, verb and prepositional phrases in IOB2', () => {
    const tokens = tag('The minister signed the new trade agreement in Nairobi on Tuesday.');
    const spans = [...iobSpans(tokens.map((t) => t.chunk!))];
    expect(spans).toEqual(expect.arrayContaining(['NP:0:2', 'VP:2:3', 'NP:3:7', 'PP:7:8', 'NP:8:9']));
  });

  it('handles curly possessives and modal verbs', () => {
    const tokens = tag('Ms. Okafor’s office said she would resign.');
    const byText = Object.fromEntries(tokens.map((t) => [t.text, t.tag]));
    expect(byText['’s']).toBe('POS');
    expect(byText['would']).toBe('MD');
    expect(byText['resign']).toBe('VB');
    expect(byText['said']).toBe('VBD');
  });

  it('gives every token a tag and a chunk, including headings', () => {
    const tokens = tag('Talks Resume In Geneva\n\nDelegates met again. They left at noon.');
    expect(tokens.every((t) => typeof t.tag === 'string' && typeof t.chunk === 'string')).toBe(true);
  });
});

describe('CoNLL helpers', () => {
  it('converts IOB1 to IOB2', () => {
    expect(iob1to2(['I-NP', 'I-NP', 'B-NP', 'O', 'I-VP', 'I-PP'])).toEqual([
      'B-NP',
      'I-NP',
      'B-NP',
      'O',
      'B-VP',
      'B-PP',
    ]);
  });

  it('forbids I-X after O or another type', () => {
    const classes = ['B-NP', 'I-NP', 'B-VP', 'I-VP', 'O'];
    const t = iobAllowed(classes);
    expect(t[0]).toEqual([true, false, true, false, true]); // start
    expect(t[1]).toEqual([true, true, true, false, true]); // after B-NP
    expect(t[5]).toEqual([true, false, true, false, true]); // after O
  });

  it('parses documents and sentences', () => {
    const docs = parseConll(
      '-DOCSTART- -X- O O\n\nA DT I-NP O\nb NN I-NP I-ORG\n\nC NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nD NNP I-NP I-LOC\n',
    );
    expect(docs.length).toBe(2);
    expect(docs[0].sentences.map((s) => s.ner)).toEqual([['O', 'B-ORG'], ['B-PER']]);
  });

  it('normalises curly quotes and dashes', () => {
    expect(normaliseWord('’s')).toBe("'s");
    expect(normaliseWord('“')).toBe('"');
    expect(normaliseWord('Xi')).toBe('Xi');
  });
});

/** Sentences tagged by the stage's `PosTagger` and by the reference `tagSentence`: the tags that differ. */
function differences(sentences: string[][], tagger = new PosTagger(posModels())): string[] {
  const values = new SentenceValues();
  const out: string[] = [];
  for (const words of sentences) {
    values.load(words);
    tagSentence(values, posModels());
    tagger.tag(
      words.map((text) => ({ text })),
      0,
      words.length,
    );
    for (let i = 0; i < words.length; i++)
      if (tagger.pos[i] !== values.pos[i] || tagger.chunk[i] !== values.chunk[i])
        out.push(`${words.join(' ')} @${i}`);
  }
  return out;
}

describe('PosTagger, the stage tagger', () => {
  const sentences = [
    'The minister signed the new trade agreement in Nairobi on Tuesday.',
    'Ms. Okafor’s office said she would resign — “soon”.',
    'TALKS RESUME IN GENEVA',
    '3.5 percent of 1,200 post-Soviet firms ( iPhone ) rose …',
    'Police said .',
    'Yes',
  ].map((s) => s.split(' '));

  it('tags as the reference tagger, sentence after sentence (words met again)', () => {
    const tagger = new PosTagger(posModels());
    expect(differences([...sentences, ...sentences, ...sentences.reverse()], tagger)).toEqual([]);
  });

  it('tags as the reference tagger when every token is scored in float64 (the path for tied integer sums)', () => {
    const tagger = new PosTagger(posModels());
    expect(tagger.margin).toBe(1);
    tagger.margin = Infinity;
    expect(differences([...sentences, ...sentences], tagger)).toEqual([]);
  });

  it('tags as the reference tagger after forgetting its vocabulary', () => {
    // More word types than the tagger keeps, so it starts again part way through.
    const made = Array.from({ length: 70 }, (_, s) =>
      Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? 'the' : `Word${s}x${i}${i % 3 ? 's' : ''}`)),
    );
    expect(differences([...sentences, ...made, ...sentences])).toEqual([]);
  });

  it('tags as the reference tagger after cutting its vocabulary down to the frequent words', () => {
    // Frequent words outside the tag dictionary are kept when the vocabulary is cut, so their blocks move.
    const frequent = ['minister', 'Nairobi', 'signed', 'agreement', 'TALKS', 'post-Soviet', '3.5'];
    const made = Array.from({ length: 70 }, (_, s) =>
      Array.from({ length: 600 }, (_, i) => (i % 5 === 0 ? frequent[(s + i) % 7] : `Word${s}x${i}`)),
    );
    expect(differences([...sentences, ...made, ...sentences, ...made.slice(0, 30), ...sentences])).toEqual(
      [],
    );
  });

  it("tags as the reference tagger by a document's word-type ids, again after the table of them was emptied", () => {
    const tagger = new PosTagger(posModels());
    const words = sentences.flat();
    const tokens = words.map((text) => ({ text }));
    const want = new SentenceValues();
    want.load(words);
    tagSentence(want, posModels());
    const tagged = () => {
      tagger.tag(tokens, 0, tokens.length, tokenTypes(tokens));
      return [...tagger.pos.subarray(0, words.length)];
    };
    wordTypes().clear();
    expect(tagged()).toEqual([...want.pos.subarray(0, words.length)]);
    // Each word now has the id another word had: the tagger finds the words' records by text again.
    wordTypes().clear();
    for (const word of ['padding', 'more']) wordTypes().idOf(word);
    expect(tagged()).toEqual([...want.pos.subarray(0, words.length)]);
    expect([...tagger.chunk.subarray(0, words.length)]).toEqual([...want.chunk.subarray(0, words.length)]);
  });
});

describeShared('gold/conll2003/eng.testa', 'CoNLL-2003 dev: stage tagger = reference tagger', () => {
  it('gives every sentence the same tags and chunks', () => {
    const docs = parseConll(readFileSync(SHARED + 'gold/conll2003/eng.testa', 'utf8'));
    const sentences = docs.flatMap((d) => d.sentences.map((s) => s.words));
    expect(sentences.length).toBeGreaterThan(1000);
    expect(differences(sentences)).toEqual([]);
  });

  it('gives them the same tags when every token is scored in float64 (the path for tied integer sums)', () => {
    const docs = parseConll(readFileSync(SHARED + 'gold/conll2003/eng.testa', 'utf8'));
    const sentences = docs.flatMap((d) => d.sentences.map((s) => s.words)).slice(0, 1500);
    const tagger = new PosTagger(posModels());
    tagger.margin = Infinity;
    expect(differences(sentences, tagger)).toEqual([]);
  });
});

describeShared('gold/conll2003/eng.testa', 'CoNLL-2003 dev slice', () => {
  it('keeps part-of-speech accuracy and chunk F1 above their floors', () => {
    const r = evaluatePos(SHARED + 'gold/conll2003/eng.testa', 40);
    expect(r.tokens).toBeGreaterThan(5000);
    expect(r.posAccuracy).toBeGreaterThan(0.93);
    expect(r.chunk.f1).toBeGreaterThan(0.88);
  });
});
