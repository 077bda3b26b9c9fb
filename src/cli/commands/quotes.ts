import { parseArgs } from 'node:util';
import { DEFAULT_DB } from '../../store/open.js';
import type { StoredQuote } from '../../store/store.js';
import { parseCount, parseFormat, writeRows, type Column } from '../format.js';
import type { CliIO, Command } from '../io.js';
import { dateRangeOf, QUERY_OPTIONS, withStore } from '../query.js';

const speakerOf = (q: StoredQuote) => q.speaker?.name ?? q.speaker?.text ?? '';

const COLUMNS: Column<StoredQuote>[] = [
  { header: 'date', value: (q) => q.date },
  { header: 'article', value: (q) => q.article, max: 24 },
  { header: 'speaker', value: speakerOf, max: 28 },
  { header: 'code', value: (q) => q.speaker?.code },
  { header: 'kind', value: (q) => q.kind },
  { header: 'quote', value: (q) => q.text, max: 100 },
];

const CSV_COLUMNS: Column<StoredQuote>[] = [
  { header: 'date', value: (q) => q.date },
  { header: 'article', value: (q) => q.article },
  { header: 'speaker', value: speakerOf },
  { header: 'speaker_code', value: (q) => q.speaker?.code },
  { header: 'kind', value: (q) => q.kind },
  { header: 'cue', value: (q) => q.cue },
  { header: 'start', value: (q) => q.start },
  { header: 'end', value: (q) => q.end },
  { header: 'quote', value: (q) => q.text },
];

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'list stored quotes by speaker and text',
  usage: `annals quotes [options]

  --speaker X              speaker name (or a word of it: Putin), actor code or prefix, country code
  --text WORDS             words that all occur in the quote (full-text search)
  --from, --to DATE        article date range
  --format table|jsonl|csv output (default: table)
  --limit N                at most N quotes (default: 100; 0 for all)
  --db FILE                the database (default: ${DEFAULT_DB})`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        ...QUERY_OPTIONS,
        speaker: { type: 'string' },
        text: { type: 'string' },
        limit: { type: 'string' },
      },
    });
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    return withStore(values.db, async (store) => {
      const quotes = await store.queryQuotes({
        ...dateRangeOf(values),
        speaker: values.speaker,
        text: values.text,
        limit: parseCount(values.limit, 'limit', 100) || undefined,
      });
      await writeRows(io.stdout, quotes, format, format === 'csv' ? CSV_COLUMNS : COLUMNS, (q) => q);
      if (format === 'table' && quotes.length === 0) io.stderr.write('annals quotes: no quotes match\n');
      return 0;
    });
  },
};
