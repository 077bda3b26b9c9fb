import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanStage } from '../../src/clean/clean-stage.js';
import { FACT_TITLE, NerInput, nerFeatures, nerInputOfDoc } from '../../src/actors/ner/features.js';
import { isDemonym, isTitle } from '../../src/actors/ner/gazetteer.js';
import { joinBridgedRuns, joinParticles, splitAtTitle } from '../../src/actors/ner/refine-spans.js';
import { namesStage } from '../../src/actors/ner/names-stage.js';
import { bilouAllowed, nameTagger, NER_CLASSES, toBilou } from '../../src/actors/ner/tagger.js';
import { argmax } from '../../src/text/perceptron.js';
import { buildPipeline } from '../../src/pipeline.js';
import { posStage } from '../../src/text/pos-stage.js';
import { segmentStage } from '../../src/text/segment-stage.js';
import { wordTypes } from '../../src/text/word-types.js';
import { evaluateEntities } from '../../eval/entities.js';
import { SEED, SHARED, describeShared } from '../helpers/shared.js';

const pipeline = buildPipeline([cleanStage, segmentStage, posStage, namesStage]);
const names = (text: string) =>
  pipeline.run({ date: null, text }).mentions!.map((m) => `${m.type}:${m.text}`);

describe('names stage', () => {
  it('keeps titles before a name out of the span', () => {
    const got = names('Prime Minister Narendra Modi met Chancellor Olaf Scholz in Berlin on Monday.');
    expect(got).toEqual(
      expect.arrayContaining(['person:Narendra Modi', 'person:Olaf Scholz', 'location:Berlin']),
    );
    expect(got.some((m) => m.includes('Minister') || m.includes('Chancellor'))).toBe(false);
  });

  it('finds a name followed by an apposition with its title', () => {
    const got = names('Emmanuel Macron, the French president, arrived in Nairobi late on Tuesday.');
    expect(got).toEqual(
      expect.arrayContaining(['person:Emmanuel Macron', 'nationality:French', 'location:Nairobi']),
    );
  });

  it('leaves a curly possessive outside the name', () => {
    const got = names('Brazil’s president said Lula’s government would not resign.');
    expect(got).toContain('location:Brazil');
    expect(got.some((m) => m.includes('’s'))).toBe(false);
  });

  it('types organisations, and joins a nationality to the organisation it modifies', () => {
    const got = names(
      'The World Health Organization and the Kenyan Foreign Ministry issued a joint statement in Geneva.',
    );
    expect(got).toEqual(
      expect.arrayContaining([
        'organization:World Health Organization',
        'organization:Kenyan Foreign Ministry',
        'location:Geneva',
      ]),
    );
  });

  it('types demonyms as nationalities', () => {
    const got = names('Russian and Ukrainian negotiators met Turkish officials in Istanbul.');
    expect(got).toEqual(
      expect.arrayContaining([
        'nationality:Russian',
        'nationality:Ukrainian',
        'nationality:Turkish',
        'location:Istanbul',
      ]),
    );
  });

  it('records provenance and offsets into the cleaned text', () => {
    const doc = pipeline.run({ date: null, text: 'Angela Merkel visited Warsaw.' });
    for (const m of doc.mentions!) {
      expect(m.stage).toBe('names');
      expect(m.rule).toMatch(/^perceptron:/);
      expect(m.actor).toBeNull();
      expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(doc.mentions!.map((m) => m.text)).toEqual(['Angela Merkel', 'Warsaw']);
  });
});

describe('name tagger pieces', () => {
  it('converts IOB2 to BILOU', () => {
    expect(toBilou(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG'])).toEqual([
      'B-PER',
      'L-PER',
      'O',
      'U-LOC',
      'B-ORG',
      'I-ORG',
      'L-ORG',
    ]);
  });

  it('allows only I- or L- of the same type inside a name', () => {
    const table = bilouAllowed(NER_CLASSES);
    const after = (c: string) => NER_CLASSES.filter((_, k) => table[NER_CLASSES.indexOf(c) + 1][k]);
    expect(after('B-PER')).toEqual(['I-PER', 'L-PER']);
    expect(after('L-PER')).toEqual(expect.arrayContaining(['O', 'B-ORG', 'U-LOC']));
    expect(after('L-PER')).not.toContain('I-PER');
  });

  it('recognises demonyms, including hyphenated and multi-word ones', () => {
    expect(isDemonym('Chinese')).toBe(true);
    expect(isDemonym('Sino-Russian')).toBe(true);
    expect(isDemonym('South Korean')).toBe(true);
    expect(isDemonym('Olympic')).toBe(false);
  });
});

describeShared('seed/000_fc4b7b43cdd233b1.txt', 'seed article', () => {
  it('finds the people, organisations and places of the seed', () => {
    const text = readFileSync(SEED, 'utf8').replace(/^\s*date \S+\s*/, '');
    const got = new Set(names(text));
    for (const want of [
      'person:Xi Jinping',
      'person:Xi',
      'person:Vladimir Putin',
      'person:Putin',
      'person:Hua Chunying',
      'person:Wang Wenbin',
      'person:Wang',
      'organization:Chinese Foreign Ministry',
      'organization:China Media Group',
      'organization:Security Council',
      'organization:United Nations',
      'organization:Eurasian Economic Union',
      'other:Belt and Road Initiative',
      'location:China',
      'location:Russia',
      'location:Ukraine',
    ])
      expect(got, want).toContain(want);
  });
});

describeShared('gold/conll2003/eng.testa', 'CoNLL-2003 dev slice', () => {
  it('keeps exact-span F1 above its floors', () => {
    const r = evaluateEntities(SHARED + 'gold/conll2003/eng.testa', 60);
    expect(r.words).toBeGreaterThan(10000);
    expect(r.byType.PER.f1).toBeGreaterThan(0.82);
    expect(r.byType.LOC.f1).toBeGreaterThan(0.82);
    expect(r.byType.ORG.f1).toBeGreaterThan(0.7);
    expect(r.byType.overall.f1).toBeGreaterThan(0.8);
  });
});

describe('names stage refiners', () => {
  it('takes a person out of a title phrase begun before the name', () => {
    const got = names('Secretary of State Antony Blinken flew to Cairo on Sunday.');
    expect(got).toContain('person:Antony Blinken');
    expect(got.some((m) => m.includes('State'))).toBe(false);
  });

  it('trims honorifics and never returns a title alone', () => {
    const got = names('Mr. Okonkwo met Gen. Ruth Adeyemi in Lagos, and Rep. Dana Holt joined them.');
    expect(got).toEqual(
      expect.arrayContaining(['person:Okonkwo', 'person:Ruth Adeyemi', 'person:Dana Holt']),
    );
    expect(got.some((m) => /Mr\.|Gen\.|Rep\./.test(m))).toBe(false);
  });
});

describe('tagger scoring', () => {
  // The tagger sums cached partial score vectors; the model was trained on the plain feature list. Both
  // must give the same scores, so the same tags, token by token (here on a golden article, tagged twice
  // so that the second pass runs on the caches the first one filled).
  it('tags exactly as scoring every feature of nerFeatures does', () => {
    const text = readFileSync(new URL('../fixtures/ner/01-regional-talks.txt', import.meta.url), 'utf8');
    const reader = buildPipeline([cleanStage, segmentStage, posStage]);
    const doc = reader.run({ date: null, text: text.replace(/^\s*date \S+\s*/, '') });
    const tagger = nameTagger();
    const x = nerInputOfDoc(doc);
    const allowed = bilouAllowed(tagger.model.classes);
    const features = new Uint32Array(64);
    const scores = new Float64Array(tagger.model.nClasses);
    const want = new Int32Array(x.n);
    for (let i = 0; i < x.n; i++) {
      const fixed = tagger.fixed(x, i, want);
      if (fixed >= 0) {
        want[i] = fixed;
        continue;
      }
      tagger.model.score(features, nerFeatures(x, i, want, tagger.typeOf, features), scores);
      want[i] = argmax(scores, allowed[i > x.sStart[i] ? want[i - 1] + 1 : 0]);
    }
    expect(want.some((t) => t !== 0)).toBe(true);
    expect([...tagger.tag(x)]).toEqual([...want]);
    expect([...tagger.tag(nerInputOfDoc(doc))]).toEqual([...want]);
    // The exact rescoring of near-ties (its cached vectors are float32), made to run at every token.
    tagger.slack = Infinity;
    try {
      expect([...tagger.tag(nerInputOfDoc(doc))]).toEqual([...want]);
    } finally {
      tagger.slack = 1e-9;
    }
  });
});

describe('word values per word type', () => {
  // `loadDoc` copies a token's values from its word type's entry once the type was met; `load` computes
  // them from the text of every token. Both must give the same input, also after the table of word types
  // is emptied (the ids then stand for other texts).
  it('loads a document as its words, twice and after the word types are emptied', () => {
    const text = readFileSync(new URL('../fixtures/ner/01-regional-talks.txt', import.meta.url), 'utf8');
    const reader = buildPipeline([cleanStage, segmentStage, posStage]);
    const doc = reader.run({
      date: null,
      text: `Zürich, Sino-Russian talks. ${text.replace(/^\s*date \S+\s*/, '')}`,
    });
    const sentences = doc.sentences!.map((s) => {
      const tokens = doc.tokens!.slice(s.tokenStart, s.tokenEnd);
      return {
        words: tokens.map((t) => t.text),
        pos: tokens.map((t) => t.tag!),
        chunk: tokens.map((t) => t.chunk!),
      };
    });
    const values = (x: NerInput) => {
      const fields = [x.cased, x.lower, x.pre3, x.suf2, x.suf3, x.suf4, x.shape, x.flags, x.hasUpper];
      return [...fields, x.gaz, x.gazBegin, x.gazWord, x.runStart, x.longEnd].map((a) => [
        ...a.subarray(0, x.n),
      ]);
    };
    const want = values(new NerInput().load(sentences));
    expect(values(nerInputOfDoc(doc))).toEqual(want);
    expect(values(nerInputOfDoc(doc))).toEqual(want);
    const facts = (x: NerInput) =>
      Array.from({ length: x.n }, (_, i) => x.typeFact(i, FACT_TITLE, isTitle, false));
    const x = nerInputOfDoc(doc);
    const titles = facts(x);
    expect(titles).toEqual(Array.from({ length: x.n }, (_, i) => isTitle(x.text(i))));
    expect(facts(x)).toEqual(titles);
    wordTypes().clear();
    wordTypes().idOf('other words first');
    expect(values(nerInputOfDoc(doc))).toEqual(want);
    expect(facts(nerInputOfDoc(doc))).toEqual(titles);
  });
});

describe('golden article (test/fixtures/ner/)', () => {
  const dir = new URL('../fixtures/ner/', import.meta.url);
  const text = readFileSync(new URL('01-regional-talks.txt', dir), 'utf8').replace(/^\s*date \S+\s*/, '');
  const gold = JSON.parse(readFileSync(new URL('01-regional-talks.names.json', dir), 'utf8')) as {
    mentions: [string, string][];
  };
  const got = names(text);
  const want = gold.mentions.map(([t, type]) => `${type}:${t}`);

  it('finds every person exactly, in order, titles and particles handled', () => {
    expect(got.filter((m) => m.startsWith('person:'))).toEqual(want.filter((m) => m.startsWith('person:')));
  });

  it('agrees with the hand annotation on nearly every name', () => {
    const missing = want.filter((m) => !got.includes(m));
    const extra = got.filter((m) => !want.includes(m));
    expect(missing.length, `missing: ${missing.join(', ')}`).toBeLessThanOrEqual(1);
    expect(extra.length, `extra: ${extra.join(', ')}`).toBeLessThanOrEqual(1);
  });
});

describe('span refiners', () => {
  const input = (sentence: string) => {
    const words = sentence.split(' ');
    return new NerInput().load([{ words, pos: words.map(() => 'NNP'), chunk: words.map(() => 'I-NP') }]);
  };

  it('splits a name at a capitalised title into the organisation and the person', () => {
    const x = input('European Commission President Ursula Weber spoke');
    const out = splitAtTitle([{ start: 0, end: 5, type: 'MISC' }], x);
    expect(out.map((s) => [s.start, s.end, s.type])).toEqual([
      [0, 2, 'MISC'],
      [3, 5, 'PER'],
    ]);
  });

  it('carries a person through lower-case particles and drops what they covered', () => {
    const x = input('Ursula von der Leyen arrived');
    const out = joinParticles(
      [
        { start: 0, end: 1, type: 'PER' },
        { start: 3, end: 4, type: 'LOC' },
      ],
      x,
    );
    expect(out.map((s) => [s.start, s.end, s.type])).toEqual([[0, 4, 'PER']]);
  });

  it('leaves a name followed by an ordinary lower-case word alone', () => {
    const x = input('Ruto de facto won');
    expect(joinParticles([{ start: 0, end: 1, type: 'PER' }], x)).toEqual([
      { start: 0, end: 1, type: 'PER' },
    ]);
  });
});

describe('bridged runs', () => {
  const input = (sentence: string) => {
    const words = sentence.split(' ');
    return new NerInput().load([{ words, pos: words.map(() => 'NNP'), chunk: words.map(() => 'I-NP') }]);
  };

  it('makes one name of a run bridged by `and` that ends in an initiative word', () => {
    const x = input('the Belt and Road Initiative grew');
    const out = joinBridgedRuns(
      [
        { start: 1, end: 2, type: 'LOC' },
        { start: 3, end: 5, type: 'PER' },
      ],
      x,
    );
    expect(out.map((s) => [s.start, s.end, s.type])).toEqual([[1, 5, 'MISC']]);
  });

  it('keeps two complete organisations and a person of an organisation apart', () => {
    const two = input('Johnson Controls Inc and Lear Corp merged');
    const twoSpans = [
      { start: 0, end: 3, type: 'ORG' as const },
      { start: 4, end: 6, type: 'ORG' as const },
    ];
    expect(joinBridgedRuns(twoSpans, two)).toEqual(twoSpans);
    const of = input('Lynn Reaser of Barnett Banks Inc said');
    const ofSpans = [
      { start: 0, end: 2, type: 'PER' as const },
      { start: 3, end: 6, type: 'ORG' as const },
    ];
    expect(joinBridgedRuns(ofSpans, of)).toEqual(ofSpans);
  });
});
