import { parseArgs } from 'node:util';
import { EXPORT_COLUMNS, exportRecord } from '../../store/export.js';
import { parseCount, parseFormat, writeRows, type Column } from '../format.js';
import type { CliIO, Command } from '../io.js';
import { withStore } from '../query.js';
import { EVENT_FILTER_OPTIONS, EVENT_FILTER_USAGE, eventFilterOf } from './events.js';
import type { CanonicalEvent } from '../../store/store.js';

const COLUMNS: Column<CanonicalEvent>[] = EXPORT_COLUMNS.map((c) => ({ header: c.name, value: c.value }));

export const exportCommand: Command = {
  name: 'export',
  summary: 'export canonical events as CSV or JSONL, with GDELT-style columns',
  usage: `annals export [options]

  --format csv|jsonl    output (default: csv)
  --limit N             at most N events (default: all)
${EVENT_FILTER_USAGE}

Columns, in order:
${EXPORT_COLUMNS.map((c) => `  ${c.name.padEnd(20)} ${c.doc}`).join('\n')}`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({ args, options: EVENT_FILTER_OPTIONS });
    const format = parseFormat(values.format, ['csv', 'jsonl'] as const, 'csv');
    const filter = eventFilterOf(values);
    filter.limit = parseCount(values.limit, 'limit', 0) || undefined;
    return withStore(values.db, async (store) => {
      await writeRows(io.stdout, store.exportEvents(filter), format, COLUMNS, exportRecord);
      return 0;
    });
  },
};
