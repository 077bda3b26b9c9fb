import { parseArgs } from 'node:util';
import type { Modality } from '../../doc.js';
import { AnnalsError } from '../../errors.js';
import { DEFAULT_DB } from '../../store/open.js';
import { QUAD_NAMES, type CanonicalEvent, type EventFilter } from '../../store/store.js';
import { parseCount, parseFormat, writeRows, type Column } from '../format.js';
import type { CliIO, Command } from '../io.js';
import { dateRangeOf, QUERY_OPTIONS, withStore } from '../query.js';

/** The event filter options, shared by `events` and `export`. */
export const EVENT_FILTER_OPTIONS = {
  ...QUERY_OPTIONS,
  source: { type: 'string' },
  target: { type: 'string' },
  code: { type: 'string' },
  quad: { type: 'string' },
  modality: { type: 'string' },
  keyword: { type: 'string' },
  limit: { type: 'string' },
} as const;

export const EVENT_FILTER_USAGE = `  --from, --to DATE     events whose dates meet this range (YYYY-MM-DD, YYYY-MM or YYYY)
  --source, --target X  country code (CHN), actor code or prefix (CHNGOV), or actor name (Putin)
  --code C              CAMEO code or prefix: --code 04 is every 04x consultation
  --quad Q              quad class 1-4 or verbal-cooperation, material-cooperation, verbal-conflict,
                        material-conflict
  --modality M          asserted, planned or hypothetical
  --keyword WORDS       words that all occur in an evidence sentence
  --db FILE             the database (default: ${DEFAULT_DB})`;

export function eventFilterOf(
  values: Partial<Record<keyof typeof EVENT_FILTER_OPTIONS, string>>,
): EventFilter {
  const f: EventFilter = {
    ...dateRangeOf(values),
    source: values.source,
    target: values.target,
    keyword: values.keyword,
  };
  if (values.code !== undefined) {
    if (!/^\d{1,4}$/.test(values.code))
      throw new AnnalsError('usage', `--code must be 1-4 digits, not '${values.code}'`);
    f.code = values.code;
  }
  if (values.quad !== undefined) {
    const named = QUAD_NAMES.indexOf(values.quad as (typeof QUAD_NAMES)[number]);
    const q = /^[1-4]$/.test(values.quad) ? Number(values.quad) : named + 1;
    if (q < 1)
      throw new AnnalsError('usage', `--quad must be 1-4 or ${QUAD_NAMES.join(', ')}, not '${values.quad}'`);
    f.quad = q as 1 | 2 | 3 | 4;
  }
  if (values.modality !== undefined) {
    if (!['asserted', 'planned', 'hypothetical'].includes(values.modality))
      throw new AnnalsError(
        'usage',
        `--modality must be asserted, planned or hypothetical, not '${values.modality}'`,
      );
    f.modality = values.modality as Modality;
  }
  return f;
}

const when = (e: CanonicalEvent) =>
  e.dateTo && e.dateTo !== e.date ? `${e.date}..${e.dateTo}` : (e.date ?? '');

const COLUMNS: Column<CanonicalEvent>[] = [
  { header: 'date', value: when },
  { header: 'source', value: (e) => e.source.code },
  { header: 'target', value: (e) => e.target?.code ?? '' },
  { header: 'code', value: (e) => e.code },
  { header: 'quad', value: (e) => e.quad, align: 'right' },
  { header: 'gold', value: (e) => e.goldstein, align: 'right' },
  { header: 'mod', value: (e) => (e.negated ? `not ${e.modality}` : e.modality) },
  { header: 'arts', value: (e) => e.numArticles, align: 'right' },
  { header: 'srcs', value: (e) => e.numSources, align: 'right' },
  { header: 'evidence', value: (e) => e.sentence, max: 100 },
];

const CSV_COLUMNS: Column<CanonicalEvent>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'date', value: (e) => e.date },
  { header: 'date_to', value: (e) => e.dateTo },
  { header: 'source', value: (e) => e.source.code },
  { header: 'source_name', value: (e) => e.source.name },
  { header: 'target', value: (e) => e.target?.code },
  { header: 'target_name', value: (e) => e.target?.name },
  { header: 'code', value: (e) => e.code },
  { header: 'quad', value: (e) => e.quad },
  { header: 'goldstein', value: (e) => e.goldstein },
  { header: 'modality', value: (e) => e.modality },
  { header: 'negated', value: (e) => e.negated },
  { header: 'articles', value: (e) => e.numArticles },
  { header: 'sources', value: (e) => e.numSources },
  { header: 'article', value: (e) => e.article },
  { header: 'evidence', value: (e) => e.sentence },
];

export const eventsCommand: Command = {
  name: 'events',
  summary: 'list stored events, one per real-world event, with article counts and evidence',
  usage: `annals events [options]

${EVENT_FILTER_USAGE}
  --format table|jsonl|csv   output (default: table; jsonl includes every evidence span)
  --limit N                  at most N events (default: 100; 0 for all)

One row per real-world event: the same source, target, CAMEO code and overlapping dates across articles
merge. 'arts' counts articles, 'srcs' distinct sources (syndicated copies count once).`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({ args, options: EVENT_FILTER_OPTIONS });
    const format = parseFormat(values.format, ['table', 'jsonl', 'csv'] as const, 'table');
    const filter = eventFilterOf(values);
    filter.limit = parseCount(values.limit, 'limit', 100) || undefined;
    return withStore(values.db, async (store) => {
      const events = await store.queryEvents(filter, { withEvidence: format === 'jsonl' });
      await writeRows(io.stdout, events, format, format === 'csv' ? CSV_COLUMNS : COLUMNS, (e) => e);
      if (format === 'table' && events.length === 0) io.stderr.write('annals events: no events match\n');
      return 0;
    });
  },
};
