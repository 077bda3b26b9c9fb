import type { RawDocument } from '../doc.js';
import { ReadError } from '../errors.js';
import { checkDate } from './date.js';

/** Reads one JSONL line `{id, date, title?, text, source?|url?}` into an article. */
export function readJsonlArticle(line: string, file: string, lineNo: number): RawDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new ReadError('bad-json', file, `not JSON (${(e as Error).message})`, lineNo, line);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ReadError('bad-record', file, 'a line must be a JSON object', lineNo, line);
  const rec = value as Record<string, unknown>;
  const fail = (reason: string, code: 'bad-record' | 'bad-date' | 'empty' | 'no-date' = 'bad-record') =>
    new ReadError(code, file, reason, lineNo, line);

  if (rec.text === undefined || rec.text === null) throw fail("missing field 'text'");
  if (typeof rec.text !== 'string') throw fail(`field 'text' must be a string, got ${typeof rec.text}`);
  if (rec.text.trim() === '') throw fail('empty text', 'empty');
  const date = checkDate(rec.date);
  if (!date.ok) throw fail(date.reason, rec.date === undefined || rec.date === null ? 'no-date' : 'bad-date');
  if (rec.id !== undefined && typeof rec.id !== 'string' && typeof rec.id !== 'number')
    throw fail("field 'id' must be a string or number");
  if (rec.title !== undefined && rec.title !== null && typeof rec.title !== 'string')
    throw fail("field 'title' must be a string");
  const source =
    typeof rec.source === 'string' ? rec.source : typeof rec.url === 'string' ? rec.url : undefined;
  const doc: RawDocument = { date: date.date, text: rec.text, origin: { file, line: lineNo } };
  if (rec.id !== undefined) doc.id = String(rec.id);
  if (typeof rec.title === 'string') doc.title = rec.title;
  if (source !== undefined) doc.source = source;
  return doc;
}
