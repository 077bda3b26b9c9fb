/**
 * Seed acceptance: one statement by Hua Chunying, at least 18 by Wang Wenbin, no one else; the three
 * direct quotations are direct and Wang's; the scare-quoted phrase is not a quote. Speakers are checked
 * through actor ids when the actors stage ran, else through the speaker phrases (a pronoun or the bare
 * role must follow an earlier speaker phrase naming Wang).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readTextArticle } from '../../src/read/text-article.js';
import { defaultPipeline } from '../../src/stages.js';
import { SEED, describeShared } from '../helpers/shared.js';
import { view } from './helpers.js';

describeShared('seed', 'quotes in the seed article', () => {
  const doc = defaultPipeline().run(readTextArticle(readFileSync(SEED, 'utf8'), SEED));
  const quotes = view(doc).map((q, i) => ({ ...q, actor: doc.quotes?.[i].speaker?.actor ?? null }));
  const withActors = doc.actors !== undefined && quotes.some((q) => q.actor !== null);

  /** Who said it: the actor's name when actors ran, else the speaker phrase, pronouns taken as Wang. */
  const who = (q: (typeof quotes)[number]): string => {
    if (withActors) return doc.actors?.find((a) => a.id === q.actor)?.name ?? 'unknown';
    const s = q.speaker ?? '';
    if (/Hua Chunying/.test(s)) return 'Hua Chunying';
    if (/Wang/.test(s) || /^(he|He|the spokesperson|The spokesperson)$/.test(s)) return 'Wang Wenbin';
    return s || 'nobody';
  };

  it('attributes one quote to Hua Chunying and at least 18 to Wang Wenbin, none to anyone else', () => {
    const counts = new Map<string, number>();
    for (const q of quotes) counts.set(who(q), (counts.get(who(q)) ?? 0) + 1);
    expect(counts.get('Hua Chunying')).toBe(1);
    expect(counts.get('Wang Wenbin') ?? 0).toBeGreaterThanOrEqual(18);
    expect([...counts.keys()].sort()).toEqual(['Hua Chunying', 'Wang Wenbin']);
  });

  it('finds the three direct quotations, all by Wang Wenbin', () => {
    const direct = quotes.filter((q) => q.kind === 'direct');
    expect(direct).toHaveLength(3);
    expect(direct.map((q) => q.content.split(' ').slice(0, 3).join(' '))).toEqual([
      'China will continue',
      'He will not',
      'Fanking the flames',
    ]);
    for (const q of direct) expect(who(q)).toBe('Wang Wenbin');
  });

  it('does not take the scare-quoted phrase or the quoted heading for a quote', () => {
    expect(quotes.some((q) => q.content === 'small cliques')).toBe(false);
    expect(quotes.some((q) => q.content.startsWith('A journey of friendship'))).toBe(false);
  });

  it('never makes an actor named only inside the content the speaker', () => {
    const q = quotes.find((x) => x.content.startsWith('Xi would have'));
    expect(q?.speaker).toBe('Wang');
  });
});
