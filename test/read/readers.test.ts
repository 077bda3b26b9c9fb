/** Readers: dates, the dated-text format, plain text with a given date, JSONL records, decoding. */
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/errors.js';
import { checkDate } from '../../src/read/date.js';
import { decodeText, firstInvalidUtf8 } from '../../src/read/decode.js';
import { readJsonlArticle } from '../../src/read/jsonl-article.js';
import { readTextArticle } from '../../src/read/text-article.js';

function readError(f: () => unknown): ReadError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}

describe('checkDate', () => {
  it.each([
    ['2023-03-18', '2023-03-18'],
    ['2024-02-29', '2024-02-29'],
    ['2023-03-18T09:30:00Z', '2023-03-18'],
    ['2023-03-18T09:30:00.123+08:00', '2023-03-18'],
    [' 2023-03-18 ', '2023-03-18'],
  ])('accepts %s', (value, date) => {
    expect(checkDate(value)).toEqual({ ok: true, date });
  });

  it.each([
    ['2023-02-30', /impossible date '2023-02-30'/],
    ['2023-02-29', /impossible date/],
    ['2023-13-01', /impossible date/],
    ['18/03/2023', /is not YYYY-MM-DD/],
    ['', /missing date/],
    [null, /missing date/],
    [20230318, /date must be a string, got number/],
  ])('rejects %s', (value, reason) => {
    const r = checkDate(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('readTextArticle', () => {
  it('reads the dated format; text is the body exactly as read', () => {
    const a = readTextArticle('date 2023-03-18\n\nBody line.\n', 'f.txt');
    expect(a).toEqual({ date: '2023-03-18', text: '\nBody line.\n', origin: { file: 'f.txt' } });
  });

  it('allows leading whitespace before `date` and the body on the same line', () => {
    const a = readTextArticle('  \n date 2024-04-09 ISTANBUL - Police said.', 'f.txt');
    expect(a.date).toBe('2024-04-09');
    expect(a.text).toBe('ISTANBUL - Police said.');
  });

  it('reads CRLF headers', () => {
    expect(readTextArticle('date 2024-06-17\r\nBody.', 'f.txt').text).toBe('Body.');
  });

  it('uses the given date for plain text, and the date line wins over it', () => {
    expect(readTextArticle('Plain body.', 'p.txt', '2024-05-01')).toMatchObject({
      date: '2024-05-01',
      text: 'Plain body.',
    });
    expect(readTextArticle('date 2024-01-01\nBody.', 'd.txt', '2024-05-01').date).toBe('2024-01-01');
  });

  it('fails with the file, the reason and the input', () => {
    const nodate = readError(() => readTextArticle('Plain body.', 'p.txt'));
    expect(nodate.code).toBe('no-date');
    expect(nodate.message).toMatch(/^p\.txt: no date/);
    expect(nodate.input).toBe('Plain body.');
    const bad = readError(() => readTextArticle('date 2023-02-30\nBody.', 'b.txt'));
    expect([bad.code, bad.message]).toEqual(['bad-date', "b.txt:1: impossible date '2023-02-30'"]);
    const empty = readError(() => readTextArticle('date 2023-02-03\n \n', 'e.txt'));
    expect([empty.code, empty.message]).toEqual(['empty', 'e.txt: empty text']);
  });
});

describe('readJsonlArticle', () => {
  it('reads id, date, title, text and source (or url)', () => {
    const line = JSON.stringify({
      id: 7,
      date: '2024-03-11T14:05:00Z',
      title: 'T',
      text: 'Body.',
      url: 'https://x.example/a',
    });
    expect(readJsonlArticle(line, 'a.jsonl', 3)).toEqual({
      id: '7',
      date: '2024-03-11',
      title: 'T',
      text: 'Body.',
      source: 'https://x.example/a',
      origin: { file: 'a.jsonl', line: 3 },
    });
  });

  it.each([
    ['{"date": "2024-01-01", "text": "x"', 'bad-json', /^a\.jsonl:4: not JSON \(/],
    ['"just a string"', 'bad-record', /a line must be a JSON object/],
    ['{"date": "2024-01-01"}', 'bad-record', /missing field 'text'/],
    ['{"date": "2024-01-01", "text": ["x"]}', 'bad-record', /field 'text' must be a string, got object/],
    ['{"date": "2024-01-01", "text": "  "}', 'empty', /empty text/],
    ['{"text": "x"}', 'no-date', /missing date/],
    ['{"date": "2023-02-30", "text": "x"}', 'bad-date', /impossible date/],
    ['{"date": "2024-01-01", "text": "x", "id": {"a": 1}}', 'bad-record', /'id' must be a string or number/],
    ['{"date": "2024-01-01", "text": "x", "title": 5}', 'bad-record', /'title' must be a string/],
  ])('rejects %s', (line, code, message) => {
    const e = readError(() => readJsonlArticle(line, 'a.jsonl', 4));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.line).toBe(4);
    expect(e.input).toBe(line);
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(Buffer.from('\ufeffCafé “quoted”', 'utf8'), 'f')).toBe('Café “quoted”');
  });

  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('abc', 'utf8'))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xe9, 0x62]))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x80]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
  });

  it('refuses binary and non-UTF-8 bytes, naming the line', () => {
    expect(readError(() => decodeText(Buffer.from([0x41, 0x00, 0x42]), 'b.bin')).code).toBe('binary');
    const e = readError(() => decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xff]), 'l.txt'));
    expect([e.code, e.message]).toEqual([
      'not-utf8',
      'l.txt:2: bytes that are not UTF-8 (byte 0xFF at offset 3)',
    ]);
  });
});
