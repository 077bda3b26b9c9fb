import { describe, expect, it } from 'vitest';
import { emptyObjectArray } from '../src/object-arrays.js';

describe('emptyObjectArray', () => {
  it('is empty, a new array each time, and takes objects', () => {
    const a = emptyObjectArray<{ n: number }>();
    const b = emptyObjectArray<{ n: number }>();
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
    a.push({ n: 1 });
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toHaveLength(0);
  });
});
