/**
 * World regions and their adjectives (`European`, `Arab`) take CAMEO region codes and never the country
 * of another actor nearby. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc.js';
import { code } from './helpers.js';

function codeOfMention(doc: Doc, text: string): string | null {
  const m = (doc.mentions ?? []).find((x) => x.text === text);
  const actor = (doc.actors ?? []).find((a) => a.id === m?.actor);
  return actor ? actor.code : null;
}

describe('regional adjectives', () => {
  it('codes a regional group by its region, not by the country named before it', () => {
    const doc = code(
      'BRUSSELS, March 3 -- U.S. President Joe Biden met European leaders on Monday, and the United ' +
        'States promised more aid.',
      '2022-03-03',
    );
    expect(codeOfMention(doc, 'European leaders')).toBe('EURGOV');
    const leaders = (doc.actors ?? []).find((a) => a.code === 'EURGOV');
    expect(leaders?.country).toBeNull();
  });

  it('uses the region codes of the CAMEO codebook for several regions', () => {
    const doc = code(
      'Arab ministers and African diplomats met Latin American officials in Cairo, where Egypt hosted them.',
      '2022-03-03',
    );
    expect(codeOfMention(doc, 'Arab ministers')).toBe('ARBGOV');
    expect(codeOfMention(doc, 'African diplomats')).toBe('AFRGOV');
    expect(codeOfMention(doc, 'Latin American officials')).toBe('LAMGOV');
  });

  it('gives a region adjective before a thing no actor', () => {
    const doc = code('Greece said the Mediterranean island would host the talks.', '2022-03-03');
    expect(codeOfMention(doc, 'Mediterranean')).toBeNull();
  });

  it('keeps a regional actor out of the article country count', () => {
    const doc = code(
      'France and France again: European officials said France would decide, and the police agreed.',
      '2022-03-03',
    );
    expect(codeOfMention(doc, 'European officials')).toBe('EURGOV');
    expect((doc.actors ?? []).some((a) => a.code === 'FRAGOV' && a.name.startsWith('European'))).toBe(false);
  });
});
