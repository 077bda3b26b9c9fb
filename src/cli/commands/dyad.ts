import { parseArgs } from 'node:util';
import { AnnalsError } from '../../errors.js';
import { DEFAULT_DB } from '../../store/open.js';
import type { DyadRow, Period } from '../../store/store.js';
import { parseFormat, writeRows, type Column } from '../format.js';
import { dateRangeOf, QUERY_OPTIONS, withStore } from '../query.js';
import type { CliIO, Command } from '../io.js';

const COLUMNS: Column<DyadRow>[] = [
  { header: 'period', value: (r) => r.period },
  { header: 'source', value: (r) => r.source },
  { header: 'target', value: (r) => r.target },
  { header: 'events', value: (r) => r.events, align: 'right' },
  { header: 'q1', value: (r) => r.quad[0], align: 'right' },
  { header: 'q2', value: (r) => r.quad[1], align: 'right' },
  { header: 'q3', value: (r) => r.quad[2], align: 'right' },
  { header: 'q4', value: (r) => r.quad[3], align: 'right' },
  { header: 'gold_sum', value: (r) => r.goldsteinSum, align: 'right' },
  { header: 'gold_mean', value: (r) => r.goldsteinMean, align: 'right' },
  { header: 'articles', value: (r) => r.articles, align: 'right' },
];

export const dyadCommand: Command = {
  name: 'dyad',
  summary: 'the time series of events between two actors, both directions',
  usage: `annals dyad [options] A B

  A, B                     country code (CHN), actor code or prefix (CHNGOV), or actor name
  --by day|week|month      period (default: month; weeks are ISO weeks, 2023-W12)
  --from, --to DATE        only events starting in this range
  --format table|jsonl|csv output (default: table)
  --db FILE                the database (default: ${DEFAULT_DB})

Per period and direction: canonical events (one per real-world event) by quad class (q1 verbal
cooperation, q2 material cooperation, q3 verbal conflict, q4 material conflict), the Goldstein sum and
mean, and the distinct articles that report them.`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...QUERY_OPTIONS, by: { type: 'string', default: 'month' } },
    });
    if (positionals.length !== 2) throw new AnnalsError('usage', 'give two actors: annals dyad A B');
    if (!['day', 'week', 'month'].includes(values.by))
      throw new AnnalsError('usage', `--by must be day, week or month, not '${values.by}'`);
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    return withStore(values.db, async (store) => {
      const rows = await store.dyad(positionals[0], positionals[1], values.by as Period, dateRangeOf(values));
      await writeRows(io.stdout, rows, format, COLUMNS, (r) => r);
      if (format === 'table' && rows.length === 0) io.stderr.write('annals dyad: no events between them\n');
      return 0;
    });
  },
};
