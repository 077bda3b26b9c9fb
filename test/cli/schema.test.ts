/** Every document the tests produce validates against docs/annals-doc.schema.json. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toOutput } from '../../src/output/document-json.js';
import { readTextArticle } from '../../src/read/text-article.js';
import { defaultPipeline } from '../../src/stages.js';
import { SEED, describeShared } from '../helpers/shared.js';
import { codeFixtures } from './fixtures.js';
import { schemaErrors } from './validate-output.js';

const VARIANTS = [
  { offsets: 'clean', tokens: false },
  { offsets: 'clean', tokens: true },
  { offsets: 'raw', tokens: true },
] as const;

describe('output schema', () => {
  it('validates every fixture article, in clean and raw offsets, with and without tokens', async () => {
    const fixtures = await codeFixtures();
    let checked = 0;
    for (const f of fixtures)
      for (const doc of f.docs)
        for (const v of VARIANTS) {
          const out = JSON.parse(JSON.stringify(toOutput(doc, v)));
          expect(schemaErrors(out), `${f.name} ${JSON.stringify(v)}`).toEqual([]);
          checked++;
        }
    expect(checked).toBeGreaterThanOrEqual(12 * VARIANTS.length);
  });

  it('rejects documents that break the contract', () => {
    const good = { id: 'a', date: '2024-01-01', title: null, text: 'x', offsets: 'clean', stages: [] };
    expect(schemaErrors(good)).toEqual([]);
    expect(schemaErrors({ ...good, date: '1 Jan 2024' })).not.toEqual([]);
    expect(schemaErrors({ ...good, offsets: 'other' })).not.toEqual([]);
    expect(schemaErrors({ ...good, sentences: [{ start: 0, end: 1 }] })).not.toEqual([]);
    const sentence = {
      start: 0,
      end: 1,
      paragraph: 0,
      heading: false,
      stage: 'segment',
      rule: 'paragraph-end',
    };
    expect(schemaErrors({ ...good, sentences: [sentence] })).toEqual([]);
    expect(schemaErrors({ ...good, sentences: [{ ...sentence, rule: 'guess' }] })).not.toEqual([]);
    expect(
      schemaErrors({ ...good, sentences: [{ start: -1, end: 1, paragraph: 0, heading: false }] }),
    ).not.toEqual([]);
    expect(
      schemaErrors({ ...good, repairs: [{ start: 0, end: 1, original: 'a', replacement: '' }] }),
    ).not.toEqual([]);
    const { id: _id, ...noId } = good;
    expect(schemaErrors(noId)).not.toEqual([]);
  });
});

describeShared('seed', 'output schema on the seed', () => {
  it('validates the seed in every variant', () => {
    const doc = defaultPipeline().run(readTextArticle(readFileSync(SEED, 'utf8'), SEED));
    for (const v of VARIANTS) expect(schemaErrors(JSON.parse(JSON.stringify(toOutput(doc, v))))).toEqual([]);
  });
});
