import { describe, expect, it } from 'vitest';
import { actorAtOffset, actorAtToken, actorById, actorInSpan } from '../../src/actors/lookup.js';
import { code } from './helpers.js';

describe('actor lookup by position', () => {
  const doc = code(
    'Russian troops crossed the river, Chinese Foreign Ministry spokeswoman Hua Chunying said.',
  );
  const at = (text: string) => doc.text.indexOf(text);

  it('finds the actor of a token and of a character offset', () => {
    expect(actorAtOffset(doc, at('Hua') + 1)?.name).toBe('Hua Chunying');
    const k = doc.tokens!.findIndex((t) => t.text === 'Chunying');
    expect(actorAtToken(doc, k)?.code).toBe('CHNGOV');
    expect(actorAtOffset(doc, at('river'))).toBeNull();
  });

  it('prefers the longest mention where mentions nest', () => {
    expect(actorAtOffset(doc, at('Russian'))?.code).toBe('RUSMIL');
  });

  it('takes the head (rightmost) actor of a phrase', () => {
    const start = at('Chinese');
    const end = at(' said');
    expect(actorInSpan(doc, start, end)?.name).toBe('Hua Chunying');
    expect(actorInSpan(doc, start, at(' spokeswoman'))?.name).toBe('Chinese Foreign Ministry');
    expect(actorInSpan(doc, at('crossed'), at(','))).toBeNull();
  });

  it('stops at a post-modifier: the head of "rebels in Darfur" is the rebels', () => {
    const other = code('Rebels in Darfur attacked a convoy near Khartoum.');
    const start = other.text.indexOf('Rebels');
    const end = other.text.indexOf(' attacked');
    expect(actorInSpan(other, start, end)?.code).toBe('SDNREB');
  });

  it('finds actors by id', () => {
    const id = doc.mentions!.find((m) => m.text === 'Hua Chunying')!.actor;
    expect(actorById(doc, id)?.name).toBe('Hua Chunying');
    expect(actorById(doc, null)).toBeNull();
  });
});
