/**
 * Ingest: coded articles into a store, in batches. A batch is one transaction for speed, and every
 * article in it is whole, so stopping at any point (Ctrl-C, kill) loses at most the batch in flight and
 * never leaves half an article. One bad article never stops the batch: it is stored as failed.
 */
import { createReadStream } from 'node:fs';
import { codeArticles, codeReadResults, type CodeOptions, type CodeResult } from '../code-articles.js';
import { contentId } from '../pipeline.js';
import { expandPaths, readSources, type ReadResult } from '../read/sources.js';
import { rebuildError } from '../workers/transfer.js';
import { contentHash } from './content-hash.js';
import { pipelineVersion } from '../version.js';
import { failureOf } from './failures.js';
import type { ArticleStore, FailureInput, WriteItem, WriteOutcome } from './store.js';

export interface IngestCounts {
  /** Articles read (good and bad). */
  read: number;
  inserted: number;
  replaced: number;
  unchanged: number;
  duplicate: number;
  failed: number;
}

export interface IngestOptions {
  pipelineVersion?: string;
  /** Replace articles already stored under the same id. */
  replace?: boolean;
  /** Articles per transaction (default 256): larger batches rewrite fewer index pages per article. */
  batchSize?: number;
  /** Commit a smaller batch when it has waited this long (default 2 s), so progress is saved steadily: a kill loses at most that much work. */
  maxBatchMs?: number;
  /** Called after each committed batch. */
  onProgress?: (counts: IngestCounts) => void;
  /** Called for each article that failed, once it is stored. */
  onFailure?: (failure: FailureInput) => void;
  /** Checked between articles: true stops reading after committing what has been read. */
  shouldStop?: () => boolean;
  /** How a result becomes a write (default: a coded article, or its failure). */
  toItem?: (result: CodeResult) => WriteItem;
}

export function emptyCounts(): IngestCounts {
  return { read: 0, inserted: 0, replaced: 0, unchanged: 0, duplicate: 0, failed: 0 };
}

/** Stores results as they come, in input order. */
export async function ingestResults(
  store: ArticleStore,
  results: AsyncIterable<CodeResult>,
  options: IngestOptions = {},
  counts: IngestCounts = emptyCounts(),
): Promise<IngestCounts> {
  const version = options.pipelineVersion ?? pipelineVersion();
  const size = options.batchSize ?? 256;
  const maxMs = options.maxBatchMs ?? 2000;
  let batch: WriteItem[] = [];
  let started = Date.now();

  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const outcomes = await store.write(items, { pipelineVersion: version, replace: options.replace });
    tally(counts, outcomes);
    items.forEach((item, i) => {
      if (!item.ok && outcomes[i] === 'failed') options.onFailure?.(item.failure);
    });
    options.onProgress?.({ ...counts });
  };

  for await (const result of results) {
    counts.read++;
    if (batch.length === 0) started = Date.now();
    batch.push((options.toItem ?? toItem)(result));
    if (batch.length >= size || Date.now() - started >= maxMs) await flush();
    if (options.shouldStop?.()) break;
  }
  await flush();
  return counts;
}

/** Reads, codes and stores every article under `paths` (files, directories, `-`). */
export async function ingestPaths(
  store: ArticleStore,
  paths: readonly string[],
  options: IngestOptions & { code?: CodeOptions } = {},
): Promise<IngestCounts> {
  // The store reads no tokens: leaving them in the worker makes each Doc's copy to this thread 5x cheaper.
  if (options.replace)
    return ingestResults(store, codeArticles(paths, { tokens: false, ...options.code }), options);
  const counts = emptyCounts();
  const code = { tokens: false, ...options.code };
  return ingestResults(
    store,
    codeRead(skipStored(store, readSources(paths, code), counts), code),
    options,
    counts,
  );
}

/**
 * Leaves out the articles already stored (same id, or same text), counting them, so that a re-ingest
 * does not code them again only to throw the result away.
 */
async function* skipStored(
  store: ArticleStore,
  source: AsyncIterable<ReadResult>,
  counts: IngestCounts,
): AsyncGenerator<ReadResult> {
  for await (const r of source) {
    if (r.ok) {
      const id = r.article.id ?? contentId(r.article.text);
      const [found] = await store.findStored([{ id, hash: contentHash(r.article.text) }]);
      if (found) {
        counts.read++;
        counts[found === 'id' ? 'unchanged' : 'duplicate']++;
        continue;
      }
    }
    yield r;
  }
}

/** Codes already-read articles in input order, on the workers `options` asks for (read errors pass through). */
export async function* codeRead(
  source: AsyncIterable<ReadResult>,
  options: CodeOptions,
): AsyncGenerator<CodeResult> {
  for await (const r of codeReadResults(source, options)) {
    if (!r.ok) yield { ok: false, error: rebuildError(r.error) };
    else if (r.doc) yield { ok: true, doc: r.doc };
  }
}

export function toItem(result: CodeResult): WriteItem {
  return result.ok ? { ok: true, doc: result.doc } : { ok: false, failure: failureOf(result.error) };
}

export function tally(counts: IngestCounts, outcomes: readonly WriteOutcome[]): void {
  for (const o of outcomes) counts[o]++;
}

/**
 * How many articles `paths` hold, for a progress bar: one per text file, one per line of JSONL (counted
 * by scanning bytes, without parsing). Null when a path is standard input.
 */
export async function countArticles(paths: readonly string[]): Promise<number | null> {
  let n = 0;
  for await (const entry of expandPaths(paths)) {
    if (entry === '-') return null;
    if (typeof entry !== 'string') continue;
    if (!/\.(jsonl|ndjson)$/i.test(entry)) {
      n++;
      continue;
    }
    let lines = 0;
    let lastWasNewline = true;
    for await (const chunk of createReadStream(entry) as AsyncIterable<Buffer>) {
      let at = chunk.indexOf(10);
      while (at !== -1) {
        lines++;
        at = chunk.indexOf(10, at + 1);
      }
      if (chunk.length) lastWasNewline = chunk[chunk.length - 1] === 10;
    }
    n += lines + (lastWasNewline ? 0 : 1);
  }
  return n;
}
