import { describe, expect, it } from 'vitest';
import { outletOf, similarity, sketchText, DUPLICATE_THRESHOLD } from '../../src/store/near-duplicates.js';
import { periodOf } from '../../src/store/periods.js';
import { original, ownWords, syndicated } from './docs.js';

describe('near-duplicate sketches', () => {
  const sim = (a: string, b: string) => similarity(sketchText(a).signature, sketchText(b).signature);

  it('a syndicated copy (new opening, last sentence cut) is a near-duplicate', () => {
    expect(sim(original().text, syndicated().text)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('case, punctuation and spacing do not matter', () => {
    const text = original().text;
    expect(sim(text, text.toUpperCase().replace(/[.,"]/g, ' ').replace(/ /g, '  '))).toBe(1);
  });

  it('another outlet telling the same event in its own words is not', () => {
    expect(sim(original().text, ownWords().text)).toBeLessThan(0.2);
  });

  it('near-duplicates share at least one LSH band; unrelated texts share none', () => {
    const bands = (t: string) => new Set(sketchText(t).bands);
    const a = bands(original().text);
    expect([...bands(syndicated().text)].some((b) => a.has(b))).toBe(true);
    expect([...bands(ownWords().text)].some((b) => a.has(b))).toBe(false);
  });

  it('is deterministic', () => {
    expect(sketchText(original().text)).toEqual(sketchText(original().text));
  });

  it('outlets: URL hosts without www, or names lower-cased', () => {
    expect(outletOf('https://www.Alpha-Wire.example/x?y=1')).toBe('alpha-wire.example');
    expect(outletOf('Gamma Times')).toBe('gamma times');
    expect(outletOf(null)).toBeNull();
  });
});

describe('periods', () => {
  it('days, ISO weeks and months', () => {
    expect(periodOf('2023-03-20', 'day')).toBe('2023-03-20');
    expect(periodOf('2023-03-20', 'month')).toBe('2023-03');
    expect(periodOf('2023-03-20', 'week')).toBe('2023-W12');
    expect(periodOf('2023-01-01', 'week')).toBe('2022-W52');
    expect(periodOf('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodOf('2024-12-30', 'week')).toBe('2025-W01');
  });
});
