import { describe, expect, it } from 'vitest';
import { codeEvents } from '../../src/events/events-stage.js';
import { handDoc } from './helpers.js';

describe('event refiners', () => {
  const text =
    'President Ruto will pay a state visit to Tanzania next week. Ruto’s visit to Tanzania is the first ' +
    'since 2020. During the visit, Kenya will sign trade deals.';
  const doc = codeEvents(
    handDoc(text, {
      'President Ruto': { code: 'KENGOV', also: ['Ruto'] },
      Tanzania: { code: 'TZA' },
      Kenya: { code: 'KEN' },
    }),
  );
  const visits = (doc.events ?? []).filter((e) => e.code === '042');

  it('tells one visit once, with each retelling as evidence', () => {
    expect(visits).toHaveLength(1);
    const spans = (visits[0]!.evidence ?? []).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['Ruto’s visit to Tanzania', 'the visit']);
  });

  it('keeps the date of the first telling, not a bound (`since 2020`) of the retelling', () => {
    expect(visits[0]).toMatchObject({ date: '2024-05-06', dateTo: '2024-05-12', modality: 'planned' });
  });

  it('recodes a promised agreement as intent to cooperate (03x)', () => {
    const sign = (doc.events ?? []).find((e) => e.trigger.text === 'sign trade deals');
    expect(sign).toMatchObject({ code: '032', root: '03', quad: 1, modality: 'planned' });
    expect(sign?.rule).toMatch(/\+intent$/);
  });

  it('records stage, rule, Goldstein weight and an evidence span that holds the trigger', () => {
    for (const e of doc.events ?? []) {
      expect(e.stage).toBe('events');
      expect(e.rule).toMatch(/^lexicon:[vn]:/);
      expect(typeof e.goldstein).toBe('number');
      expect(e.start).toBeLessThanOrEqual(e.trigger.start);
      expect(e.end).toBeGreaterThanOrEqual(e.trigger.end);
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    }
  });
});

describe('countries read from the sentence', () => {
  it('never takes a region (EURGOV, no country) as the country of an unknown-country actor', () => {
    const doc = codeEvents(
      handDoc('The judge criticized European diplomats on Monday.', {
        'The judge': { code: '---JUD' },
        'European diplomats': { code: 'EURGOV', country: null },
      }),
    );
    const criticism = (doc.events ?? []).find((e) => e.root === '11');
    expect(criticism?.source.code).toBe('---JUD');
    expect(criticism?.target?.code).toBe('EURGOV');
  });

  it('still reads the one country a sentence names', () => {
    const doc = codeEvents(
      handDoc('The judge criticized Kenyan diplomats on Monday.', {
        'The judge': { code: '---JUD' },
        'Kenyan diplomats': { code: 'KENGOV' },
      }),
    );
    expect((doc.events ?? []).find((e) => e.root === '11')?.source.code).toBe('KENJUD');
  });
});
