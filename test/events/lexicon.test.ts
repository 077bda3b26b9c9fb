import { describe, expect, it } from 'vitest';
import { eventResources, parseEntry } from '../../src/events/lexicon.js';
import { eventCode, eventCodes } from '../../src/ontology/event-codes.js';

describe('the CAMEO ontology data', () => {
  it('gives every code a Goldstein weight in [-10, 10] and the quad class of its root', () => {
    const table = eventCodes();
    expect(table.size).toBeGreaterThan(300);
    for (const info of table.values()) {
      expect(info.goldstein).toBeGreaterThanOrEqual(-10);
      expect(info.goldstein).toBeLessThanOrEqual(10);
      const root = Number(info.root);
      expect(info.quad).toBe(root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4);
    }
  });

  it('carries weights and PLOVER types over', () => {
    expect(eventCode('042')).toMatchObject({ root: '04', quad: 1, plover: 'CONSULT' });
    expect(eventCode('111')).toMatchObject({ root: '11', quad: 3, plover: 'DISAPPROVE' });
    expect(eventCode('010')?.plover).toBeNull();
    expect(eventCode('190')?.goldstein).toBeLessThan(-5);
    expect(eventCode('057')?.goldstein).toBeGreaterThan(5);
  });

  it('falls back to the parent code for an unknown sub-code', () => {
    expect(eventCode('0429')?.code).toBe('042');
  });
});

describe('the event lexicon', () => {
  const { lexicon } = eventResources();
  const entries = [...lexicon.byFirst.values()].flat();

  it('covers all twenty CAMEO roots with valid codes', () => {
    const roots = new Set(entries.map((e) => e.code.slice(0, 2)));
    for (let r = 1; r <= 20; r++) expect(roots).toContain(String(r).padStart(2, '0'));
    for (const e of entries) expect(eventCode(e.code), e.pattern).toBeDefined();
  });

  it('parses gaps, slots and required targets', () => {
    const e = parseEntry('v', 'accuse X of corruption', '1121', 'X!');
    expect(e.parts).toEqual([{ lemma: 'accuse' }, { slot: true }, { lemma: 'of' }, { lemma: 'corruption' }]);
    expect(e.targets).toEqual(['X']);
    expect(e.needsTarget).toBe(true);
    expect(parseEntry('v', 'pay ~ visit', '042', 'to').parts[1]).toEqual({ gap: true });
    expect(() => parseEntry('v', 'visit', '42x', 'obj')).toThrow(/bad code/);
  });
});

describe('the lemmatizer', () => {
  const { lemmatizer } = eventResources().lexicon;
  it.each([
    ['visited', 'visit'],
    ['visits', 'visit'],
    ['visiting', 'visit'],
    ['accused', 'accuse'],
    ['criticized', 'criticize'],
    ['shelled', 'shell'],
    ['met', 'meet'],
    ['held', 'hold'],
    ['paid', 'pay'],
    ['sanctions', 'sanction'],
    ['talks', 'talk'],
    ['urging', 'urge'],
    ['committed', 'commit'],
    ['denied', 'deny'],
    ['stopped', 'stop'],
  ])('%s -> %s', (form, lemma) => {
    expect(lemmatizer.lemma(form)).toBe(lemma);
  });

  it('works out both lemmas of a form at once as one at a time', () => {
    const forms = [
      'visited',
      'Shelling',
      'talks',
      'met',
      'was',
      'accused',
      'sanctions',
      'denies',
      'U.S.',
      '’s',
    ];
    for (const form of forms)
      expect(lemmatizer.lemmas(form)).toEqual([lemmatizer.lemma(form), lemmatizer.lemma(form, true)]);
  });
});

describe('the lexicon file', () => {
  it('holds each (kind, pattern) once, so no entry is silently shadowed', () => {
    const { lexicon } = eventResources();
    const keys = [...lexicon.byFirst.values()].flat().map((e) => `${e.kind} ${e.pattern}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});
