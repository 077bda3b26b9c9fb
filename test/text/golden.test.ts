/**
 * Golden files: the foundation fields (id, date, title, text, sentences, repairs) of every fixture article,
 * as `annals code --format jsonl` prints them. Later stages add layers but must not change these.
 * Rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/text` and review each diff by eye.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toOutput } from '../../src/output/document-json.js';
import { codeFixtures, GOLDEN_DIR } from '../cli/fixtures.js';

const FOUNDATION_FIELDS = ['id', 'date', 'title', 'text', 'sentences', 'repairs'] as const;
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function foundation(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FOUNDATION_FIELDS.map((k) => [k, doc[k]]));
}

const fixtures = await codeFixtures();

describe('golden foundation output of the fixture articles', () => {
  it('repairs nothing in the article of legitimate look-alikes (14-no-repairs)', () => {
    const negative = fixtures.find((f) => f.name === '14-no-repairs');
    expect(negative?.docs[0].repairs).toEqual([]);
    expect(negative?.docs[0].text).toBe(negative?.docs[0].raw.trim());
  });

  it('has at least twelve fixture articles', () => {
    expect(fixtures.reduce((n, f) => n + f.docs.length, 0)).toBeGreaterThanOrEqual(12);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name} matches its golden file`, () => {
      const actual = fixture.docs.map((d) => foundation(toOutput(d)));
      const path = join(GOLDEN_DIR, `${fixture.name}.expected.json`);
      if (UPDATE) writeFileSync(path, JSON.stringify(actual, null, 2) + '\n');
      expect(existsSync(path), `missing ${path}: run UPDATE_GOLDEN=1 npx vitest run test/text`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
