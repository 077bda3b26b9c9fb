import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readTextArticle } from '../../src/read/text-article.js';
import { SEED, describeShared } from '../helpers/shared.js';
import { eventsPipeline } from './pipeline.js';

describeShared('seed', 'events on the seed article', () => {
  const doc = eventsPipeline().run(readTextArticle(readFileSync(SEED, 'utf8'), SEED));
  const events = doc.events ?? [];

  it('codes the state visit: 042, China to Russia, 20 to 22 March, planned', () => {
    const visit = events.find((e) => e.code === '042');
    expect(visit).toBeDefined();
    expect(visit!.source.code.startsWith('CHN')).toBe(true);
    expect(visit!.target?.code).toBe('RUS');
    expect(visit!.date).toBe('2023-03-20');
    expect(visit!.dateTo).toBe('2023-03-22');
    expect(visit!.modality).toBe('planned');
    expect(visit!.negated).toBe(false);
    expect(doc.text.slice(visit!.start, visit!.end)).toMatch(
      /^Chinese President Xi Jinping will pay a state visit to Russia/,
    );
  });

  it('tells the visit once, with its retellings as evidence', () => {
    const visits = events.filter((e) => e.code === '042');
    expect(visits).toHaveLength(1);
    expect((visits[0]!.evidence ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it("codes China's criticism of other countries (11x)", () => {
    expect(events.some((e) => e.root === '11' && e.source.code.startsWith('CHN'))).toBe(true);
  });

  it('codes at least five Chinese events of verbal cooperation (roots 01-05)', () => {
    const verbal = events.filter((e) => e.source.code.startsWith('CHN') && Number(e.root) <= 5);
    expect(verbal.length).toBeGreaterThanOrEqual(5);
  });

  it('gives the intent to cooperate between the two countries its other party, Russia, as target', () => {
    const intents = events.filter((e) => e.root === '03' && e.source.code.startsWith('CHN'));
    expect(intents.some((e) => e.target?.code === 'RUS')).toBe(true);
    // No event of China's has China's own pair partner resolved to China.
    expect(intents.some((e) => e.target?.code.startsWith('CHN'))).toBe(false);
  });

  it("dates each statement by its own clause: the article's day or the day before, never last month", () => {
    const statements = events.filter((e) => e.root === '01');
    expect(statements.length).toBeGreaterThan(0);
    const day = Date.parse(doc.date!);
    for (const e of statements) {
      const d = Date.parse(e.date!);
      expect(d).toBeLessThanOrEqual(day);
      expect(day - d).toBeLessThanOrEqual(86_400_000);
    }
  });

  it('codes no violence (roots 18-20)', () => {
    expect(events.filter((e) => Number(e.root) >= 18)).toEqual([]);
  });

  it('gives every event a source code, a Goldstein weight and evidence inside the text', () => {
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.source.code).toMatch(/^[A-Z-]{3}/);
      expect(Number.isFinite(e.goldstein)).toBe(true);
      for (const span of [e, ...(e.evidence ?? [])]) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(doc.text.length);
        expect(span.start).toBeLessThan(span.end);
      }
      expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    }
  });
});
