import { parseArgs } from 'node:util';
import { AnnalsError } from '../../errors.js';
import { DEFAULT_DB } from '../../store/open.js';
import type { ArticleSummary } from '../../store/store.js';
import { parseCount, parseFormat, writeRows, type Column } from '../format.js';
import type { CliIO, Command } from '../io.js';
import { dateRangeOf, QUERY_OPTIONS, withStore } from '../query.js';

const COLUMNS: Column<ArticleSummary>[] = [
  { header: 'id', value: (a) => a.id, max: 40 },
  { header: 'date', value: (a) => a.date },
  { header: 'status', value: (a) => a.status },
  { header: 'actors', value: (a) => a.actors, align: 'right' },
  { header: 'quotes', value: (a) => a.quotes, align: 'right' },
  { header: 'events', value: (a) => a.events, align: 'right' },
  { header: 'source', value: (a) => a.source, max: 30 },
  { header: 'title / error', value: (a) => (a.status === 'failed' ? a.error : a.title), max: 70 },
];

const CSV_COLUMNS: Column<ArticleSummary>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'date', value: (a) => a.date },
  { header: 'status', value: (a) => a.status },
  { header: 'title', value: (a) => a.title },
  { header: 'source', value: (a) => a.source },
  { header: 'actors', value: (a) => a.actors },
  { header: 'quotes', value: (a) => a.quotes },
  { header: 'events', value: (a) => a.events },
  { header: 'pipeline_version', value: (a) => a.pipelineVersion },
  { header: 'error', value: (a) => a.error },
];

export const articlesCommand: Command = {
  name: 'articles',
  summary: 'list stored articles by full-text search, date and actor',
  usage: `annals articles [options]

  --search WORDS           words that all occur in the title or text (full-text search)
  --from, --to DATE        article date range
  --actor X                articles naming an actor: name (or a word of it), code or prefix, country
  --status ok|failed       only stored or only failed articles (default: both)
  --format table|jsonl|csv output (default: table)
  --limit N                at most N articles (default: 100; 0 for all)
  --db FILE                the database (default: ${DEFAULT_DB})`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        ...QUERY_OPTIONS,
        search: { type: 'string' },
        actor: { type: 'string' },
        status: { type: 'string' },
        limit: { type: 'string' },
      },
    });
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    if (values.status !== undefined && values.status !== 'ok' && values.status !== 'failed')
      throw new AnnalsError('usage', `--status must be ok or failed, not '${values.status}'`);
    return withStore(values.db, async (store) => {
      const articles = await store.queryArticles({
        ...dateRangeOf(values),
        search: values.search,
        actor: values.actor,
        status: values.status as 'ok' | 'failed' | undefined,
        limit: parseCount(values.limit, 'limit', 100) || undefined,
      });
      await writeRows(io.stdout, articles, format, format === 'csv' ? CSV_COLUMNS : COLUMNS, (a) => a);
      if (format === 'table' && articles.length === 0)
        io.stderr.write('annals articles: no articles match\n');
      return 0;
    });
  },
};
