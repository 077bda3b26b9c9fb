import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timesPipeline } from '../../eval/time-run.js';

interface Expected {
  text: string;
  type: string;
  value?: string;
  from?: string;
  to?: string;
}
interface Case {
  rule: string;
  date: string | null;
  text: string;
  expect: Expected[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/time/cases.json', import.meta.url), 'utf8')) as {
  cases: Case[];
  negatives: { why: string; text: string }[];
};

// The stages `times` reads from, then `times` (other stages are not this suite's business).
const pipeline = timesPipeline();
const times = (text: string, date: string | null = '2023-03-18') =>
  pipeline.run({ id: 't', date, text }).times ?? [];

describe('times: one rule per sentence', () => {
  it.each(fixture.cases.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const got = times(c.text, c.date);
    expect(got.map((t) => t.text)).toEqual(c.expect.map((e) => e.text));
    c.expect.forEach((e, k) => {
      const t = got[k];
      expect(t.type).toBe(e.type);
      if (e.value !== undefined) expect(t.value).toBe(e.value);
      if (e.from !== undefined) expect([t.from, t.to]).toEqual([e.from, e.to]);
      expect(c.text.slice(t.start, t.end)).toBe(e.text);
      expect(t.stage).toBe('times');
      expect(t.rule).toBeTruthy();
    });
  });

  it.each(fixture.negatives.map((n) => [n.why, n.text] as const))('negative: %s', (_why, text) => {
    expect(times(text).map((t) => `${t.text} ${t.value}`)).toEqual([]);
  });

  it('gives no from/to to durations, sets and vague references', () => {
    for (const t of times(
      'Over the past year ties grew; the group meets weekly and recently agreed to talk for two days.',
    )) {
      if (t.type !== 'DATE' || /_REF$/.test(t.value)) expect(t.from).toBeUndefined();
    }
  });
});
