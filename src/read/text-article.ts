import type { RawDocument } from '../doc.js';
import { ReadError } from '../errors.js';
import { checkDate } from './date.js';

/** The seed's header: first line `date YYYY-MM-DD` (leading whitespace allowed; the body may follow on it). */
const DATE_LINE = /^\s*date[ \t]+(\S+)[ \t]*\r?\n?[ \t]*/;

/**
 * Reads one text article: the dated format (first line `date YYYY-MM-DD`) or plain text whose date is
 * given from outside (`--date`). The article's `text` is the body exactly as read.
 */
export function readTextArticle(content: string, file: string, givenDate?: string): RawDocument {
  let text = content;
  let date: string;
  const header = DATE_LINE.exec(content);
  if (header) {
    const check = checkDate(header[1]);
    if (!check.ok) throw new ReadError('bad-date', file, check.reason, 1, content);
    date = check.date;
    text = content.slice(header[0].length);
  } else if (givenDate !== undefined) {
    const check = checkDate(givenDate);
    if (!check.ok) throw new ReadError('bad-date', file, `--date: ${check.reason}`, undefined, content);
    date = check.date;
  } else {
    throw new ReadError(
      'no-date',
      file,
      'no date: start the file with a line `date YYYY-MM-DD` or pass --date',
      undefined,
      content,
    );
  }
  if (text.trim() === '') throw new ReadError('empty', file, 'empty text', undefined, content);
  return { date, text, origin: { file } };
}
