import { describe, expect, it } from 'vitest';
import { csvField, csvLine, formatDuration, formatTable, parseDateBound } from '../../src/cli/format.js';

describe('output helpers', () => {
  it('CSV quotes fields with commas, quotes or line breaks, and ends lines with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvLine(['x', 1, true, 'two\nlines'])).toBe('x,1,true,"two\nlines"\r\n');
  });

  it('tables align columns, right-align numbers when asked, and cut long cells', () => {
    const rows = [
      { a: 'one', n: 5, t: 'short' },
      { a: 'three', n: 120, t: 'a much longer text than fits' },
    ];
    const out = formatTable(rows, [
      { header: 'a', value: (r) => r.a },
      { header: 'n', value: (r) => r.n, align: 'right' },
      { header: 'text', value: (r) => r.t, max: 10 },
    ]);
    expect(out).toBe('a        n  text\none      5  short\nthree  120  a much lo…\n');
  });

  it('date bounds: a year or a month stands for its first or last day', () => {
    expect(parseDateBound('2023', 'from', 'from')).toBe('2023-01-01');
    expect(parseDateBound('2023', 'to', 'to')).toBe('2023-12-31');
    expect(parseDateBound('2024-02', 'to', 'to')).toBe('2024-02-29');
    expect(parseDateBound('2023-03-05', 'to', 'to')).toBe('2023-03-05');
    expect(parseDateBound(undefined, 'from', 'from')).toBeUndefined();
    expect(() => parseDateBound('March', 'from', 'from')).toThrow(/--from must be a date/);
  });

  it('durations', () => {
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Infinity)).toBe('?');
  });
});
