/**
 * The actor stage's behaviour on short articles written for these tests, with a stand-in for the name
 * tagger (runs of proper nouns), so that only the actor coding and coreference are under test.
 */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc.js';
import { codeActors } from '../../src/actors/actors-stage.js';
import { actorCodes, actorOfText, code } from './helpers.js';

function persons(doc: Doc): string[] {
  return (doc.actors ?? []).filter((a) => a.kind === 'person').map((a) => `${a.name} ${a.code}`);
}

describe('persons coded from the words that introduce them', () => {
  it('reads a title and nationality before the name', () => {
    const doc = code('Russian Foreign Minister Sergei Lavrov arrived on Tuesday.');
    expect(persons(doc)).toEqual(['Sergei Lavrov RUSGOV']);
    expect(doc.mentions?.find((m) => m.type === 'person')?.text).toBe('Sergei Lavrov');
  });

  it('reads an apposition after the name', () => {
    const doc = code('Anna Lindqvist, the Norwegian defence minister, said talks would resume.');
    expect(persons(doc)).toEqual(['Anna Lindqvist NORGOV']);
  });

  it('reads an organisation after "of"', () => {
    const doc = code('Spokeswoman Maria Zakharova of the Russian Foreign Ministry said the talks went well.');
    expect(persons(doc)).toEqual(['Maria Zakharova RUSGOV']);
    expect(actorCodes(doc)).toContain('Russian Foreign Ministry RUSGOV');
  });

  it('takes the sector of the organisation over that of a role word', () => {
    const doc = code('Kenyan army spokesman Paul Njoroge said the border was calm.');
    expect(persons(doc)).toEqual(['Paul Njoroge KENMIL']);
  });

  it('knows the demonym of every country, from the package where our own list has none', () => {
    const doc = code('Mauritian Cabinet Secretary Paul Bérenger met Malagasy officials on Monday.');
    expect(persons(doc)).toEqual(['Paul Bérenger MUSGOV']);
    expect(actorCodes(doc)).toContain('Malagasy officials MDGGOV');
  });

  it('gives the people of an international organisation its code, and their sector', () => {
    const doc = code('NATO troops patrolled the border while EU officials watched.');
    expect(actorCodes(doc)).toContain('NATO troops IGOWSTNAT');
    expect(actorCodes(doc)).toContain('EU officials IGOEUREEC');
    expect(doc.actors?.find((a) => a.name === 'NATO troops')).toMatchObject({ country: null, sector: 'MIL' });
  });

  it('codes a former official as an elite', () => {
    const doc = code('Former Brazilian president Carlos Mendes told reporters he was innocent.');
    expect(persons(doc)).toEqual(['Carlos Mendes BRAELI']);
  });

  it('leaves the country unknown when nothing names it', () => {
    const doc = code('Rebel commander Joseph Kato said his fighters would withdraw.');
    expect(persons(doc)).toEqual(['Joseph Kato ---REB']);
  });
});

describe('office holders by the article date', () => {
  it('codes the same name differently before and after the term', () => {
    expect(persons(code('Obama met business leaders on Monday.', '2015-05-04'))).toEqual([
      'Barack Obama USAGOV',
    ]);
    expect(persons(code('Obama met business leaders on Monday.', '2023-05-04'))).toEqual([
      'Barack Obama USAELI',
    ]);
  });

  it('lets the context win over the list', () => {
    const doc = code('Former Russian president Dmitry Medvedev spoke on Monday.', '2024-01-10');
    expect(persons(doc)).toEqual(['Dmitry Medvedev RUSELI']);
  });
});

describe('organisations, countries and capitals', () => {
  it('gives organisations the country of their modifier and the sector of their head word', () => {
    const doc = code('The report was aired by China Media Group and denied by the Chinese Foreign Ministry.');
    expect(actorCodes(doc)).toEqual(
      expect.arrayContaining(['China Media Group CHNMED', 'Chinese Foreign Ministry CHNGOV']),
    );
  });

  it('codes international organisations with IGO codes', () => {
    const doc = code('NATO and the U.N. Security Council met while the WHO said who would pay was unclear.');
    expect(actorCodes(doc)).toEqual([
      'North Atlantic Treaty Organization IGOWSTNAT',
      'UN Security Council IGOUNO',
      'World Health Organization IGOUNOHLHWHO',
    ]);
  });

  it('reads a capital that acts as its government, and one after "in" as a place', () => {
    const doc = code("Beijing said on Monday that Moscow's plan was fair, at a meeting in Tokyo.");
    expect(actorOfText(doc, 'Beijing')).toBe('Beijing CHNGOV');
    expect(actorOfText(doc, 'Moscow')).toBe('Moscow RUSGOV');
    expect(actorOfText(doc, 'Tokyo')).toBe('Japan JPN'); // a place: its country, not its government
    expect(doc.mentions?.find((m) => m.text === 'Tokyo')?.type).toBe('location');
  });

  it('codes countries by ISO alpha-3 and adds nationality mentions', () => {
    const doc = code('Ukraine asked Britain for help as Sino-Russian ties grew.');
    expect(actorCodes(doc)).toEqual(['Ukraine UKR', 'United Kingdom GBR', 'China CHN', 'Russia RUS']);
    expect(doc.mentions?.filter((m) => m.type === 'nationality').map((m) => m.text)).toEqual([
      'Sino',
      'Russian',
    ]);
  });

  it('makes a group actor of a nationality and a plural role', () => {
    const doc = code('Russian troops shelled the town while Ukrainian police evacuated residents.');
    expect(actorCodes(doc)).toEqual(
      expect.arrayContaining(['Russian troops RUSMIL', 'Ukrainian police UKRCOP']),
    );
  });
});

describe('groups and unnamed officials', () => {
  it('codes a compound noun phrase by its first sector word and its head', () => {
    const doc = code(
      'Afghan rebel leaders met Chilean government officials and a Russian foreign ministry spokesman.',
    );
    expect(actorCodes(doc)).toEqual(
      expect.arrayContaining([
        'Afghan rebel leaders AFGREB',
        'Chilean government officials CHLGOV',
        'Russian foreign ministry spokesman RUSGOV',
      ]),
    );
  });

  it('codes groups named after a region by its country', () => {
    const doc = code('Darfur rebels attacked a convoy, and rebels in Chechnya claimed a bombing.');
    expect(actorCodes(doc)).toEqual(
      expect.arrayContaining(['Darfur rebels SDNREB', 'rebels in Chechnya RUSREB']),
    );
    expect(doc.mentions?.find((m) => m.text === 'Darfur')?.actor).toBeNull();
  });

  it('gives an unnamed office holder the country named with it', () => {
    const doc = code('The president of Armenia met the Egyptian ambassador.');
    expect(actorCodes(doc)).toEqual(
      expect.arrayContaining(['president ARMGOV', 'Egyptian ambassador EGYGOV']),
    );
  });

  it('gives bare sector nouns the country the article is about', () => {
    const doc = code(
      'Kenya held elections. Kenyan voters queued in Nairobi, and Kenya counted ballots. Police said the vote was calm.',
    );
    expect(actorOfText(doc, 'Police')).toBe('police KENCOP');
  });
});

describe('coreference', () => {
  it('links later short forms, titles and possessives to the full name', () => {
    const doc = code(
      "Chinese President Xi Jinping arrived on Monday. President Xi met officials. Xi's speech was brief, and Mr. Xi left.",
    );
    const xi = doc.mentions!.filter((m) => m.text === 'Xi');
    expect(xi).toHaveLength(3);
    expect(new Set(xi.map((m) => m.actor))).toEqual(
      new Set([doc.mentions!.find((m) => m.text === 'Xi Jinping')!.actor]),
    );
    expect(persons(doc)).toEqual(['Xi Jinping CHNGOV']);
  });

  it('resolves he and she to the latest compatible speaker', () => {
    const doc = code(
      'Foreign Ministry spokeswoman Lin Mei said the talks went well, and spokesman Zhou Gang agreed. She said more talks would follow.',
    );
    expect(actorOfText(doc, 'She')).toBe('Lin Mei ---GOV');
  });

  it('resolves a role noun to the latest person in that role', () => {
    const doc = code(
      'Wang Wenbin, a Chinese Foreign Ministry spokesperson, spoke after Premier Li Qiang. The spokesperson added that talks would go on.',
    );
    expect(actorOfText(doc, 'spokesperson', 0)).toBe('Wang Wenbin CHNGOV');
  });

  it('makes "the two countries" a group of the two latest countries', () => {
    const doc = code(
      'China and Russia signed a deal. The two countries will cooperate, and the Chinese side is pleased.',
    );
    const pair = doc.actors!.find((a) => a.kind === 'group')!;
    expect(pair.members?.map((id) => doc.actors!.find((a) => a.id === id)!.code)).toEqual(['CHN', 'RUS']);
    expect(actorOfText(doc, 'The two countries')).toBe('China and Russia ---');
    expect(actorOfText(doc, 'Chinese side')).toBe('China CHN');
  });
});

describe('names from the tagger', () => {
  it('keeps every name it was given, overlapping ones without an actor', () => {
    const doc = code('Chinese President Xi Jinping spoke.');
    const start = doc.text.indexOf('Xi');
    const names = [
      {
        start,
        end: start + 'Xi Jinping'.length,
        text: 'Xi Jinping',
        type: 'person' as const,
        actor: null,
        stage: 'test',
      },
      {
        start: start + 3,
        end: start + 10,
        text: 'Jinping',
        type: 'person' as const,
        actor: null,
        stage: 'test',
      },
    ];
    const again = codeActors({ ...doc, mentions: names, actors: undefined });
    const texts = again
      .mentions!.filter((m) => m.stage === 'test')
      .map((m) => `${m.text}:${m.actor !== null}`);
    expect(texts).toEqual(['Xi Jinping:true', 'Jinping:false']);
  });
});
