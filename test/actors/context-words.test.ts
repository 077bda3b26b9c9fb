/**
 * Words inside titles and noun phrases that used to cut a country off its actor: adjectives in a title,
 * ordinary modifiers before a sector word, `of <country>` inside a tagged name, and the sector words of
 * civilians and armed groups. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { codeActors } from '../../src/actors/actors-stage.js';
import { cleanStage } from '../../src/clean/clean-stage.js';
import type { Doc } from '../../src/doc.js';
import { buildPipeline } from '../../src/pipeline.js';
import { posStage } from '../../src/text/pos-stage.js';
import { segmentStage } from '../../src/text/segment-stage.js';
import { code } from './helpers.js';

function codeOfMention(doc: Doc, text: string): string | null {
  const m = (doc.mentions ?? []).find((x) => x.text === text);
  return (doc.actors ?? []).find((a) => a.id === m?.actor)?.code ?? null;
}

describe('context words', () => {
  it('reads a nationality across adjectives inside a title', () => {
    const doc = code(
      'Ghanaian junior foreign minister Kofi Mensah said the border would reopen.',
      '2024-01-10',
    );
    const p = (doc.actors ?? []).find((a) => a.name === 'Kofi Mensah');
    expect(p?.code).toBe('GHAGOV');
    expect(p?.rule).not.toContain('guess');
  });

  it('reads a nationality across ordinary modifiers before a sector word', () => {
    const doc = code('Peruvian riot police dispersed the crowd on Friday.', '2024-01-10');
    expect(codeOfMention(doc, 'Peruvian riot police')).toBe('PERCOP');
  });

  it('codes extremists, guerrillas and settlers by their sector', () => {
    const doc = code(
      'Serbian extremists attacked the office, Afghan guerillas seized a road and Moroccan landowners protested.',
      '2024-01-10',
    );
    expect(codeOfMention(doc, 'Serbian extremists')).toBe('SRBREB');
    expect(codeOfMention(doc, 'Afghan guerillas')).toBe('AFGREB');
    expect(codeOfMention(doc, 'Moroccan landowners')).toBe('MARCVL');
  });

  it('reads the country of an of-phrase after a group noun', () => {
    const doc = code('Inhabitants of the Lebanese border villages fled north on Sunday.', '2024-01-10');
    expect(codeOfMention(doc, 'Inhabitants')).toBe('LBNCVL');
  });

  it('ends a tagged name before "of <country>" and reads the country from it', () => {
    const pipeline = buildPipeline([cleanStage, segmentStage, posStage]);
    const doc = pipeline.run({
      text: 'Emir Khalid Mansour of Kuwait met the envoys on Monday.',
      date: '2024-01-10',
    });
    const start = doc.text.indexOf('Khalid');
    const end = doc.text.indexOf(' met');
    doc.mentions = [
      {
        start,
        end,
        text: doc.text.slice(start, end),
        type: 'person',
        actor: null,
        stage: 'test',
        rule: 'test',
      },
    ];
    codeActors(doc);
    const person = (doc.mentions ?? []).find((m) => m.type === 'person');
    expect(person?.text).toBe('Khalid Mansour');
    expect(codeOfMention(doc, 'Khalid Mansour')).toBe('KWTGOV');
  });

  it('codes a counterpart by the nationality before it', () => {
    const doc = code(
      'Foreign Minister Ana Ruiz met her Chilean counterpart Pablo Vega in Lima.',
      '2024-01-10',
    );
    expect((doc.actors ?? []).find((a) => a.name === 'Pablo Vega')?.code).toBe('CHLGOV');
  });

  it('resolves a surname with a particle to the person named before', () => {
    const pipeline = buildPipeline([cleanStage, segmentStage, posStage]);
    const doc = pipeline.run({
      text: 'Opposition leader Claire de Villiers spoke first. De Villiers said the vote would be close.',
      date: '2024-01-10',
    });
    const mention = (text: string, type: 'person' | 'organization') => {
      const start = doc.text.indexOf(text);
      return { start, end: start + text.length, text, type, actor: null, stage: 'test', rule: 'test' };
    };
    // The second mention typed as an organisation, as a name tagger may do.
    doc.mentions = [mention('Claire de Villiers', 'person'), mention('De Villiers', 'organization')];
    codeActors(doc);
    const ids = (doc.mentions ?? []).filter((m) => m.text.endsWith('Villiers')).map((m) => m.actor);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBeNull();
    expect(ids[1]).toBe(ids[0]);
  });

  it('reads a nationality across a lower-case noun inside a title', () => {
    const doc = code('Kenyan deputy trade minister Grace Wanjiru signed the deal.', '2024-01-10');
    const p = (doc.actors ?? []).find((a) => a.name === 'Grace Wanjiru');
    expect(p?.code).toBe('KENGOV');
    expect(p?.rule).not.toContain('guess');
  });

  it('gives a group led or backed by a country that country', () => {
    const doc = code('Ethiopian-backed forces crossed the river on Friday.', '2024-01-10');
    expect(codeOfMention(doc, 'Ethiopian-backed forces')).toBe('ETHMIL');
  });

  it('codes named parties and armed groups from the groups list', () => {
    const doc = code(
      'The National Rally and the Awami League both lost seats, while Abu Sayyaf attacked.',
      '2024-01-10',
    );
    const codes = (doc.actors ?? []).map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['FRAPTY', 'BGDPTY', 'PHLREB']));
  });
});
