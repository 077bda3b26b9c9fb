/**
 * Golden files: whole articles written for these tests (test/fixtures/actors/*.txt), coded with the
 * stand-in name tagger of helpers.ts, compared with their `.expected.json` (actors, and each mention's text,
 * type and actor). Regenerate after a deliberate change with `ANNALS_UPDATE_GOLDEN=1 npx vitest run
 * test/actors/golden.test.ts`, and read the diff. The named checks below say what each article is for.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc.js';
import { readTextArticle } from '../../src/read/text-article.js';
import { testPipeline } from './helpers.js';

const DIR = fileURLToPath(new URL('../fixtures/actors/', import.meta.url));
const UPDATE = process.env.ANNALS_UPDATE_GOLDEN === '1';

function summary(doc: Doc) {
  const name = new Map((doc.actors ?? []).map((a) => [a.id, a.name]));
  return {
    actors: (doc.actors ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      code: a.code,
      ...(a.members ? { members: a.members.map((id) => name.get(id)) } : {}),
    })),
    mentions: (doc.mentions ?? []).map((m) => [m.start, m.text, m.type, m.actor ? name.get(m.actor) : null]),
  };
}

const articles = readdirSync(DIR).filter((f) => f.endsWith('.txt'));
const coded = new Map(
  articles.map((f) => [f, testPipeline.run(readTextArticle(readFileSync(DIR + f, 'utf8'), DIR + f))]),
);

describe('golden articles', () => {
  for (const f of articles) {
    it(`${f} matches its golden file`, () => {
      const got = summary(coded.get(f)!);
      const golden = DIR + f.replace(/\.txt$/, '.expected.json');
      if (UPDATE) writeFileSync(golden, JSON.stringify(got, null, 1) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

/** `name code` of the actor of the nth mention with this text. */
function actorOf(doc: Doc, text: string, nth = 0): string | undefined {
  const m = (doc.mentions ?? []).filter((x) => x.text === text)[nth];
  const a = doc.actors?.find((x) => x.id === m?.actor);
  return a && `${a.name} ${a.code}`;
}

describe('what the golden articles show', () => {
  const vienna = coded.get('2015-vienna-deal.txt')!;
  const obama = coded.get('2023-obama-students.txt')!;
  const kyiv = coded.get('2024-kyiv-talks.txt')!;

  it('titles before names, and a possessive', () => {
    expect(actorOf(vienna, 'Barack Obama')).toBe('Barack Obama USAGOV');
    expect(actorOf(vienna, 'Mohammad Javad Zarif')).toBe('Mohammad Javad Zarif IRNGOV');
    expect(actorOf(vienna, 'Obama')).toBe('Barack Obama USAGOV'); // Obama's remarks
    expect(actorOf(kyiv, 'Zelensky')).toBe('Volodymyr Zelensky UKRGOV'); // Zelensky's office
  });

  it('appositions after names, to a country or an international organisation', () => {
    expect(actorOf(vienna, 'Federica Mogherini')).toBe('Federica Mogherini IGOEUREEC');
    expect(actorOf(kyiv, 'Jens Stoltenberg')).toBe('Jens Stoltenberg IGOWSTNAT');
  });

  it('capitals as governments, capitals as places, and seats of government', () => {
    expect(actorOf(vienna, 'Tehran')).toBe('Tehran IRNGOV');
    expect(actorOf(vienna, 'Vienna')).toBe('Austria AUT');
    expect(actorOf(kyiv, 'Kyiv')).toBe('Ukraine UKR');
    expect(actorOf(kyiv, 'Kremlin')).toBe('Kremlin RUSGOV');
    expect(actorOf(kyiv, 'Dmitry Peskov')).toBe('Dmitry Peskov RUSGOV');
  });

  it('international organisations', () => {
    expect(actorOf(vienna, 'International Atomic Energy Agency')).toMatch(/ IGOUNOIAE$/);
    expect(actorOf(kyiv, 'NATO')).toMatch(/ IGOWSTNAT$/);
  });

  it('a person whose office changed: Obama in 2015 and in 2023', () => {
    expect(actorOf(vienna, 'Barack Obama')).toMatch(/USAGOV$/);
    expect(actorOf(obama, 'Barack Obama')).toBe('Barack Obama USAELI');
    expect(actorOf(obama, 'Joe Biden')).toBe('Joe Biden USAGOV');
  });

  it('pronouns, role nouns and pairs', () => {
    expect(actorOf(vienna, 'She')).toBe('Federica Mogherini IGOEUREEC');
    expect(actorOf(vienna, 'He')).toBe('Benjamin Netanyahu ISRGOV');
    expect(actorOf(obama, 'he')).toBe('Barack Obama USAELI');
    expect(actorOf(kyiv, 'spokesman')).toBe('Dmitry Peskov RUSGOV');
    expect(actorOf(kyiv, 'he')).toBe('Dmitry Peskov RUSGOV');
    expect(actorOf(kyiv, 'Both countries')).toBe('Washington and Moscow ---GOV');
    expect(actorOf(kyiv, 'Russian troops')).toBe('Russian troops RUSMIL');
  });
});
