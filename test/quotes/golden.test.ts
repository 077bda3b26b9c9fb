/**
 * Golden files for the quote fixtures (articles written for these tests, one pattern family each).
 * Rewrite with `UPDATE_GOLDEN=1 npx vitest run test/quotes` and review every diff by eye.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runFile, view } from './helpers.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const dir = fileURLToPath(FIXTURES);
const articles = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('quote golden files', () => {
  it('has a fixture for each pattern family', () => {
    expect(articles.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of articles) {
    it(`${file} matches its golden file`, () => {
      const doc = runFile(dir + file);
      const actual = view(doc);
      const golden = dir + file.replace(/\.txt$/, '.expected.json');
      if (UPDATE) writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
      expect(existsSync(golden), `missing ${golden}: run UPDATE_GOLDEN=1 npx vitest run test/quotes`).toBe(
        true,
      );
      expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
      // Every record carries its provenance, and offsets point into the text.
      for (const q of doc.quotes ?? []) {
        expect(q.stage).toBe('quotes');
        expect(q.rule).toBeTruthy();
        expect(q.start).toBeLessThan(q.end);
        expect(q.end).toBeLessThanOrEqual(doc.text.length);
      }
    });
  }
});
