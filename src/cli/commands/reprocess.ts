import { parseArgs } from 'node:util';
import { reprocessStale } from '../../store/maintenance.js';
import { DEFAULT_DB, openExistingStore } from '../../store/open.js';
import { pipelineVersion } from '../../version.js';
import { parseCount, ProgressBar } from '../format.js';
import { write, type CliIO, type Command } from '../io.js';

export const reprocessCommand: Command = {
  name: 'reprocess',
  summary: 're-code stored articles coded by an older pipeline version',
  usage: `annals reprocess [options]

  --db FILE       the database (default: ${DEFAULT_DB})
  --workers N     worker threads for coding (default: one per core)

Re-codes, from the text as first read, every article stored under a pipeline version other than the
current one (${pipelineVersion()}). An article that now fails keeps its earlier coding.`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string', default: DEFAULT_DB }, workers: { type: 'string' } },
    });
    const workers = values.workers === undefined ? undefined : parseCount(values.workers, 'workers', 1) || 1;
    const store = openExistingStore(values.db);
    const bar = (io.stderr as { isTTY?: boolean }).isTTY ? new ProgressBar(io.stderr, null) : null;
    try {
      const stale = (await store.listStale(pipelineVersion())).length;
      bar?.setTotal(stale);
      const c = await reprocessStale(store, { code: { workers }, onProgress: (p) => bar?.update(p.read) });
      bar?.done();
      await write(
        io.stderr,
        `annals reprocess: ${c.total} articles stale, ${c.replaced} re-coded, ${c.unchanged + c.duplicate} kept (failed to re-code)\n`,
      );
      return c.unchanged + c.duplicate ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
