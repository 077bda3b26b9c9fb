import { parseArgs } from 'node:util';
import { retryFailed } from '../../store/maintenance.js';
import { DEFAULT_DB, openExistingStore } from '../../store/open.js';
import { parseCount } from '../format.js';
import { write, type CliIO, type Command } from '../io.js';

export const retryCommand: Command = {
  name: 'retry',
  summary: 'read and code again the articles that failed',
  usage: `annals retry [options]

  --db FILE       the database (default: ${DEFAULT_DB})
  --workers N     worker threads for coding (default: one per core)
  --verbose       print each article that fails again on stderr

Each failed article is read again (from the input kept with it, or its file when it still exists) and
coded with the current pipeline; a success replaces the failure.`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        workers: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
    });
    const workers = values.workers === undefined ? undefined : parseCount(values.workers, 'workers', 1) || 1;
    const store = openExistingStore(values.db);
    try {
      const c = await retryFailed(store, {
        code: { workers },
        onFailure: values.verbose
          ? (f) =>
              io.stderr.write(
                `annals: ${f.file ?? f.id}${f.line !== null ? `:${f.line}` : ''}: ${f.reason}\n`,
              )
          : undefined,
      });
      const fixed = c.inserted + c.replaced + c.duplicate + c.unchanged;
      await write(
        io.stderr,
        `annals retry: ${c.total} failed articles retried, ${fixed} now stored, ${c.failed} still failing\n`,
      );
      return c.failed ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
