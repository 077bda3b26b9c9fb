import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/doc.js';
import { createPipeline } from '../fixtures/workers/failing-pipeline.js';

const ARTICLES = new URL('../fixtures/workers/articles.jsonl', import.meta.url);

function fixtureArticles(): RawDocument[] {
  return readFileSync(ARTICLES, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as RawDocument);
}

describe('Pipeline.runBatch', () => {
  it('gives each article the Doc that run gives it, and fails only the article that throws', () => {
    const pipeline = createPipeline();
    const articles = fixtureArticles();
    articles.splice(3, 0, { id: 'boom', date: '2024-06-01', text: 'This one says FAIL-THIS-ARTICLE.' });
    const visited: number[] = [];
    const batch = pipeline.runBatch(articles, (i) => visited.push(i));
    expect(batch).toHaveLength(articles.length);
    batch.forEach((doc, i) => {
      if (i === 3) {
        expect(doc).toBeInstanceOf(Error);
        expect((doc as Error).message).toMatch(/tripwire: asked to fail/);
      } else expect(doc).toStrictEqual(pipeline.run(articles[i]));
    });
    // Every article is visited before its Doc is made and before each stage; the failed one stops
    // being visited after its failing stage, the last.
    const stages = pipeline.stages.length;
    for (let i = 0; i < articles.length; i++) expect(visited.filter((v) => v === i)).toHaveLength(1 + stages);
  });

  it('codes an empty batch to nothing', () => {
    expect(createPipeline().runBatch([])).toEqual([]);
  });
});
