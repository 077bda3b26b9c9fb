import { describe, expect, it } from 'vitest';
import { StampedTable } from '../../src/actors/ner/stamped-table.js';

describe('StampedTable (per-document facts by word hash)', () => {
  it('sets, reads and adds bits; a missing hash reads 0', () => {
    const t = new StampedTable(3);
    t.reset(10);
    t.set(0xdeadbeef, 4);
    t.or(12345, 1);
    t.or(12345, 2);
    expect(t.get(0xdeadbeef)).toBe(4);
    expect(t.get(12345)).toBe(3);
    expect(t.get(777)).toBe(0);
    t.set(0xdeadbeef, 2);
    expect(t.get(0xdeadbeef)).toBe(2);
  });

  it('keeps hashes that collide apart, and holds a whole document', () => {
    const t = new StampedTable(2);
    const n = 5000;
    t.reset(n);
    for (let i = 0; i < n; i++) t.set(Math.imul(i, 0x9e3779b1), (i % 3) + 1);
    for (let i = 0; i < n; i++) expect(t.get(Math.imul(i, 0x9e3779b1))).toBe((i % 3) + 1);
  });

  it('is empty again for each document, also when the stamp wraps round', () => {
    // 30 value bits leave one stamp, so every reset after the first wraps and clears.
    for (const bits of [2, 30]) {
      const t = new StampedTable(bits);
      t.reset(4);
      t.set(42, 1);
      t.reset(4);
      expect(t.get(42)).toBe(0);
      t.or(42, 1);
      expect(t.get(42)).toBe(1);
    }
  });
});
