import { parseArgs } from 'node:util';
import { ingestPaths, countArticles, type IngestCounts } from '../../store/ingest.js';
import { DEFAULT_DB, openStore } from '../../store/open.js';
import { AnnalsError } from '../../errors.js';
import { parseCount, ProgressBar } from '../format.js';
import { write, type CliIO, type Command } from '../io.js';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'code articles and store them in a database for querying',
  usage: `annals ingest [options] <path|dir|-> ...

  --db FILE           the database (default: ${DEFAULT_DB}; created when absent)
  --date YYYY-MM-DD   publication date for plain-text files without a date line
  --workers N         worker threads for coding (default: one per core)
  --batch N           articles per transaction (default: 256)
  --verbose           print each failed article on stderr

Re-ingesting an id or a text already stored changes nothing. Failed articles are stored with their error
(see 'annals articles --status failed') and 'annals retry' tries them again.`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string', default: DEFAULT_DB },
        date: { type: 'string' },
        workers: { type: 'string' },
        batch: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new AnnalsError('usage', 'no input: give files, directories or -');
    const workers = values.workers === undefined ? undefined : parseCount(values.workers, 'workers', 1) || 1;
    const batchSize = parseCount(values.batch, 'batch', 256) || 256;
    const tty = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
    const bar = tty ? new ProgressBar(io.stderr, null) : null;
    if (bar) bar.setTotal(await countArticles(positionals));

    const store = openStore(values.db);
    let stop = false;
    const onSigint = () => (stop = true);
    process.once('SIGINT', onSigint);
    const started = Date.now();
    let counts: IngestCounts;
    try {
      counts = await ingestPaths(store, positionals, {
        batchSize,
        code: { date: values.date, stdin: io.stdin, workers },
        onProgress: (c) => bar?.update(c.read),
        onFailure: values.verbose
          ? (f) =>
              io.stderr.write(
                `annals: ${f.file ?? f.id}${f.line !== null ? `:${f.line}` : ''}: ${f.reason}\n`,
              )
          : undefined,
        shouldStop: () => stop,
      });
    } finally {
      process.off('SIGINT', onSigint);
      await store.close();
    }
    bar?.done();
    const secs = (Date.now() - started) / 1000;
    const parts = [
      `${counts.read} read`,
      `${counts.inserted} new`,
      counts.replaced ? `${counts.replaced} replaced` : '',
      `${counts.unchanged + counts.duplicate} already stored`,
      `${counts.failed} failed`,
    ].filter(Boolean);
    const rate = secs > 0 ? Math.round(counts.read / secs) : counts.read;
    await write(
      io.stderr,
      `annals ingest: ${parts.join(', ')} in ${secs.toFixed(1)}s (${rate} articles/s) into ${values.db}${stop ? ' (interrupted)' : ''}\n`,
    );
    return stop ? 130 : counts.failed ? 1 : 0;
  },
};
