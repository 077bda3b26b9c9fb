/**
 * Ingest speed and database size: reads, codes and stores ../shared/corpora (converted to JSONL by
 * bench/corpora.ts) into a fresh SQLite file, and reports
 * - articles per second end to end (read + code + store), wall clock and per CPU second;
 * - the store's own share: CPU time inside `ArticleStore.write` (exact with one worker, the default);
 * - database size per thousand articles, and the number of rows of each kind;
 * - the time of a few queries on the result (events by dyad and code, a dyad series, full-text search);
 * - a second ingest of the same files (everything already stored: the re-ingest path).
 *
 *   npm run bench:ingest -- [--corpus all|reuters|wire|bbc|every] [--limit N] [--workers N (default 1)] [--db FILE] [--batch N]
 *
 * `every` (the default) is every corpus under ../shared/corpora: Reuters-21578, the TempEval-3 wire
 * stories and BBC news. Absolute figures depend on the machine and its load; CPU seconds are the steadier.
 */
import { rmSync, statSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestPaths } from '../src/store/ingest.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ArticleStore } from '../src/store/store.js';
import { corporaPresent, corpusJsonl, DEFAULT_OUT_DIR, type CorpusName } from './corpora.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'every' },
    limit: { type: 'string' },
    workers: { type: 'string', default: '1' },
    batch: { type: 'string', default: '256' },
    db: { type: 'string', default: join(DEFAULT_OUT_DIR, 'ingest-bench.db') },
  },
});

if (!corporaPresent()) {
  console.error(
    'bench:ingest: ../shared/corpora is absent (it sits beside the checkout); nothing to measure',
  );
  process.exit(0);
}

const names: CorpusName[] = values.corpus === 'every' ? ['all', 'bbc'] : [values.corpus as CorpusName];
let files = names.map((n) => corpusJsonl(n));
if (values.limit) {
  // A prefix of the corpora, as one file.
  const limit = Number(values.limit);
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean)).slice(0, limit);
  mkdirSync(DEFAULT_OUT_DIR, { recursive: true });
  const prefix = join(DEFAULT_OUT_DIR, `ingest-bench-${limit}.jsonl`);
  writeFileSync(prefix, lines.join('\n') + '\n');
  files = [prefix];
}
const workers = Number(values.workers ?? '1');
const batchSize = Number(values.batch);

for (const suffix of ['', '-wal', '-shm']) rmSync(values.db + suffix, { force: true });

/**
 * A store that times its writes in CPU time. With one worker (the default here) coding runs in this
 * thread between writes, so the CPU time inside `write` is the store's alone; with more workers it
 * also counts what the workers did meanwhile.
 */
function timed(store: ArticleStore): { store: ArticleStore; ms: () => number } {
  let ms = 0;
  const write: ArticleStore['write'] = async (items, options) => {
    const t = process.cpuUsage();
    try {
      return await store.write(items, options);
    } finally {
      const d = process.cpuUsage(t);
      ms += (d.user + d.system) / 1000;
    }
  };
  return { store: Object.assign(Object.create(store) as ArticleStore, { write }), ms: () => ms };
}

async function ingestOnce(label: string) {
  const sqlite = new SqliteStore(values.db);
  const { store, ms } = timed(sqlite);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const counts = await ingestPaths(store, files, { batchSize, code: { workers } });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  const stats = await sqlite.stats();
  await sqlite.close();
  return { label, counts, wall, cpuSec, storeSec: ms() / 1000, stats };
}

const first = await ingestOnce('ingest');
const size = ['', '-wal'].reduce((s, x) => {
  try {
    return s + statSync(values.db + x).size;
  } catch {
    return s;
  }
}, 0);

// Queries on the result.
const q = new SqliteStore(values.db);
const time = async (label: string, f: () => Promise<unknown[]>) => {
  const t = performance.now();
  const rows = await f();
  return { label, ms: performance.now() - t, rows: rows.length };
};
const queries = [
  await time('events --source USA --code 04', () => q.queryEvents({ source: 'USA', code: '04', limit: 100 })),
  await time('events --keyword oil --limit 100', () => q.queryEvents({ keyword: 'oil', limit: 100 })),
  await time('dyad USA JPN --by month', () => q.dyad('USA', 'JPN', 'month')),
  await time('articles --search "trade deficit"', () =>
    q.queryArticles({ search: 'trade deficit', limit: 100 }),
  ),
  await time('quotes --speaker minister', () => q.queryQuotes({ speaker: 'minister', limit: 100 })),
];
await q.close();

const again = await ingestOnce('re-ingest');

const n = first.counts.read;
const rate = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(
  `corpora: ${names.join(' + ')}${values.limit ? ` (first ${values.limit})` : ''}; workers: ${workers}; batch ${batchSize}`,
);
console.log(
  `${n} articles read: ${first.counts.inserted} stored, ${first.counts.duplicate} duplicate texts, ${first.counts.failed} failed`,
);
for (const r of [first, again]) {
  console.log(
    `${r.label.padEnd(10)} ${r.wall.toFixed(1)} s wall (${rate(n / r.wall)} articles/s), ${r.cpuSec.toFixed(1)} CPU s ` +
      `(${rate(n / r.cpuSec)} articles per CPU s); store writes ${r.storeSec.toFixed(1)} CPU s` +
      (r.storeSec > 0.05 ? ` (${rate(n / r.storeSec)} articles per CPU s)` : ''),
  );
}
const s = first.stats;
console.log(
  `database: ${(size / 1e6).toFixed(1)} MB, ${(((size / 1e6) * 1000) / s.articles).toFixed(2)} MB per 1,000 articles; ` +
    `${s.events} events in ${s.canonicalEvents} canonical events, ${s.quotes} quotes, ${s.actors} actors`,
);
for (const x of queries)
  console.log(`query ${x.label.padEnd(36)} ${x.ms.toFixed(1).padStart(7)} ms  ${x.rows} rows`);
