import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readTextArticle } from '../../src/read/text-article.js';
import { defaultPipeline } from '../../src/stages.js';
import { SEED, describeShared } from '../helpers/shared.js';

describeShared('seed', 'times on the seed article', () => {
  const doc = defaultPipeline().run(readTextArticle(readFileSync(SEED, 'utf8'), SEED));
  const times = doc.times ?? [];
  const find = (text: string) => times.find((t) => t.text === text);

  it('resolves `on Friday` in a past clause to the Friday before publication', () => {
    expect(find('Friday')).toMatchObject({
      type: 'DATE',
      value: '2023-03-17',
      from: '2023-03-17',
      to: '2023-03-17',
    });
  });

  it('keeps `from March 20 to 22` as one DATE interval', () => {
    const range = times.filter(
      (t) => t.start >= doc.text.indexOf('March 20') && t.end <= doc.text.indexOf('22') + 2,
    );
    expect(range).toHaveLength(1);
    expect(range[0]).toMatchObject({ type: 'DATE', from: '2023-03-20', to: '2023-03-22' });
    expect(range[0].text).toMatch(/^March 20 to 22$/);
  });

  it('gives `last month` the whole of February', () => {
    expect(find('last month')).toMatchObject({
      type: 'DATE',
      value: '2023-02',
      from: '2023-02-01',
      to: '2023-02-28',
    });
  });

  it('gives vague and generic spans no calendar date', () => {
    const recent = times.find((t) => t.text.includes('recent years'));
    expect(recent?.value).toBe('PAST_REF');
    expect(recent?.from).toBeUndefined();
    for (const t of times.filter((t) => /generations|century/.test(t.text))) expect(t.from).toBeUndefined();
  });

  it('points every expression at its text and names the stage and rule', () => {
    for (const t of times) {
      expect(doc.text.slice(t.start, t.end)).toBe(t.text);
      expect(t.stage).toBe('times');
      expect(t.rule).toBeTruthy();
    }
  });
});
