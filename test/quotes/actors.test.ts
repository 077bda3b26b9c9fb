/**
 * Speaker actors: taken from a mention inside the speaker phrase (names before pronouns), never from a
 * mention inside the content; a pronoun or bare role with no actor of its own follows the previous speaker.
 * The mentions are made by hand here, so the test does not depend on the actors stage.
 */
import { describe, expect, it } from 'vitest';
import type { Doc, Mention, MentionType } from '../../src/doc.js';
import { findQuotes } from '../../src/quotes/quotes-stage.js';
import { runText } from './helpers.js';

function mention(doc: Doc, text: string, type: MentionType, actor: string | null, from = 0): Mention {
  const start = doc.text.indexOf(text, from);
  return { start, end: start + text.length, text, type, actor, stage: 'test' };
}

describe('speaker actors', () => {
  const doc = runText(
    'Foreign Minister Ana Ruiz said Pedro Gil would visit Lima. The spokesperson added that talks went well. ' +
      'Gil said the visit was useful.',
  );
  doc.mentions = [
    mention(doc, 'Foreign Minister', 'nominal', 'A2'),
    mention(doc, 'Ana Ruiz', 'person', 'A1'),
    mention(doc, 'Pedro Gil', 'person', 'A3'),
    mention(doc, 'Lima', 'location', 'A4'),
    mention(doc, 'Gil', 'person', 'A3', doc.text.indexOf('useful') - 30),
  ];
  const quotes = findQuotes(doc);

  it('takes the named person inside the speaker phrase', () => {
    expect(quotes[0].speaker?.actor).toBe('A1');
    expect(quotes[2].speaker?.actor).toBe('A3');
  });

  it('never takes an actor mentioned only in the content', () => {
    expect(doc.text.slice(quotes[0].start, quotes[0].end)).toContain('Pedro Gil');
    expect(quotes[0].speaker?.actor).not.toBe('A3');
  });

  it('lets a bare role follow the previous speaker when it has no actor of its own', () => {
    expect(doc.text.slice(quotes[1].speaker?.start, quotes[1].speaker?.end)).toBe('The spokesperson');
    expect(quotes[1].speaker?.actor).toBe('A1');
  });
});
