/** Acceptance on the seed article: the actors issue's "done when" list, end to end with the name tagger. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { actorsStage } from '../../src/actors/actors-stage.js';
import { namesStage } from '../../src/actors/ner/names-stage.js';
import { cleanStage } from '../../src/clean/clean-stage.js';
import type { Actor, Doc } from '../../src/doc.js';
import { buildPipeline } from '../../src/pipeline.js';
import { readTextArticle } from '../../src/read/text-article.js';
import { posStage } from '../../src/text/pos-stage.js';
import { segmentStage } from '../../src/text/segment-stage.js';
import { SEED, describeShared } from '../helpers/shared.js';

describeShared('seed/000_fc4b7b43cdd233b1.txt', 'actors on the seed article', () => {
  const pipeline = buildPipeline([cleanStage, segmentStage, posStage, namesStage, actorsStage]);
  const doc: Doc = pipeline.run(readTextArticle(readFileSync(SEED, 'utf8'), SEED));
  const actors = doc.actors ?? [];
  const byName = (name: string): Actor | undefined => actors.find((a) => a.name === name);
  const actorOf = (id: string | null) => actors.find((a) => a.id === id);

  it('finds exactly four persons, coded by the words that introduce them', () => {
    const persons = actors.filter((a) => a.kind === 'person').map((a) => `${a.name} ${a.code}`);
    expect(persons.sort()).toEqual([
      'Hua Chunying CHNGOV',
      'Vladimir Putin RUSGOV',
      'Wang Wenbin CHNGOV',
      'Xi Jinping CHNGOV',
    ]);
  });

  it('codes the organisations by their modifier and head word, and the IGOs', () => {
    expect(byName('Chinese Foreign Ministry')?.code).toBe('CHNGOV');
    expect(byName('China Media Group')?.code).toBe('CHNMED');
    const igos = actors.filter((a) => a.kind === 'igo').map((a) => a.name);
    expect(igos).toEqual(expect.arrayContaining(['UN Security Council', 'Eurasian Economic Union']));
    for (const a of actors.filter((x) => x.kind === 'igo')) expect(a.code).toMatch(/^IGO/);
  });

  it('codes the countries', () => {
    const countries = actors.filter((a) => a.kind === 'country').map((a) => a.code);
    expect(countries.sort()).toEqual(['CHN', 'RUS', 'UKR']);
  });

  it('points every bare Xi and Mr. Wang to the right person', () => {
    const text = doc.text;
    const xi = (doc.mentions ?? []).filter((m) => m.text === 'Xi');
    expect(xi.length).toBeGreaterThanOrEqual(4);
    for (const m of xi) expect(actorOf(m.actor)?.name).toBe('Xi Jinping');
    const mrWang = text.indexOf('Mr. Wang') + 'Mr. '.length;
    const wang = (doc.mentions ?? []).find((m) => m.start === mrWang);
    expect(wang?.text).toBe('Wang');
    expect(actorOf(wang!.actor)?.name).toBe('Wang Wenbin');
  });

  it('resolves the spokesperson, the pronouns and the two countries', () => {
    const mentions = doc.mentions ?? [];
    const roles = mentions.filter((m) => m.type === 'nominal' && m.text === 'spokesperson');
    expect(roles.length).toBeGreaterThanOrEqual(3);
    for (const m of roles) expect(actorOf(m.actor)?.name).toBe('Wang Wenbin');
    const he = mentions.filter((m) => m.type === 'pronoun' && m.text.toLowerCase() === 'he');
    expect(he.length).toBeGreaterThanOrEqual(5);
    expect(he.filter((m) => actorOf(m.actor)?.name === 'Wang Wenbin').length).toBe(he.length);
    const pair = mentions.find((m) => m.text === 'the two countries');
    expect(actorOf(pair!.actor)?.members?.map((id) => actorOf(id)?.code)).toEqual(['CHN', 'RUS']);
  });
});
