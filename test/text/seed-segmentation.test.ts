import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readTextArticle } from '../../src/read/text-article.js';
import { defaultPipeline } from '../../src/stages.js';
import { SEED, describeShared } from '../helpers/shared.js';

describeShared('seed', 'the seed article', () => {
  const article = readTextArticle(readFileSync(SEED, 'utf8'), SEED);
  const doc = defaultPipeline().run(article);

  it('reads the date from the first line', () => {
    expect(doc.date).toBe('2023-03-18');
  });

  it('repairs the translation artifacts', () => {
    expect(doc.text).not.toMatch(/said\. (he )?declared\./);
    expect(doc.text).not.toContain('-winner');
    expect(doc.text).not.toMatch(/\. \./);
    expect(doc.repairs?.map((r) => r.rule).sort()).toEqual([
      'doubled-attribution',
      'doubled-attribution',
      'doubled-end-punctuation',
      'orphan-fragment',
    ]);
  });

  it('splits 26 to 30 sentences, none ending at Mr., three headings', () => {
    const sentences = doc.sentences ?? [];
    expect(sentences.length).toBeGreaterThanOrEqual(26);
    expect(sentences.length).toBeLessThanOrEqual(30);
    expect(sentences.some((s) => doc.text.slice(s.start, s.end).endsWith('Mr.'))).toBe(false);
    const headings = sentences.filter((s) => s.heading).map((s) => doc.text.slice(s.start, s.end));
    expect(headings).toHaveLength(3);
    expect(headings[0]).toMatch(/^“A journey .*”$/);
    expect(headings[1]).toMatch(/^New model for/);
    expect(headings[2]).toMatch(/^Promoting talks on/);
  });

  it('maps every cleaned offset back to the raw text', () => {
    for (const s of doc.sentences ?? []) {
      const start = doc.alignment.toRaw(s.start, 'start');
      expect(doc.raw[start]).toBe(doc.text[s.start]);
    }
  });
});
