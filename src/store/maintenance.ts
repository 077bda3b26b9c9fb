/**
 * Keeping a store current: `reprocess` re-codes articles stored under another pipeline version, and
 * `retry` reads and codes again the articles that failed. Both go through ingest's atomic batches.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { CodeOptions } from '../code-articles.js';
import type { RawDocument } from '../doc.js';
import { ReadError } from '../errors.js';
import { readJsonlArticle } from '../read/jsonl-article.js';
import { readSources, type ReadResult } from '../read/sources.js';
import { readTextArticle } from '../read/text-article.js';
import { pipelineVersion } from '../version.js';
import { codeRead, ingestResults, toItem, type IngestCounts, type IngestOptions } from './ingest.js';
import type { ArticleStore, FailedArticle } from './store.js';

export type MaintenanceOptions = Omit<IngestOptions, 'replace' | 'toItem'> & { code?: CodeOptions };

function versionOf(options: MaintenanceOptions): string {
  return options.pipelineVersion ?? pipelineVersion(options.code?.pipeline?.stages.map((s) => s.name));
}

/**
 * Re-codes every article stored under another pipeline version, from the text as first read. An article
 * that now fails keeps its earlier coding (and counts as unchanged).
 */
export async function reprocessStale(
  store: ArticleStore,
  options: MaintenanceOptions = {},
): Promise<IngestCounts & { total: number }> {
  const version = versionOf(options);
  const ids = await store.listStale(version);
  async function* inputs(): AsyncGenerator<ReadResult> {
    for (let i = 0; i < ids.length; i += 256)
      for (const article of await store.getInputs(ids.slice(i, i + 256))) yield { ok: true, article };
  }
  const counts = await ingestResults(store, codeRead(inputs(), { tokens: false, ...options.code }), {
    ...options,
    pipelineVersion: version,
    replace: true,
  });
  return { ...counts, total: ids.length };
}

/** Reads and codes every failed article again; a success replaces the failure, a new failure updates it. */
export async function retryFailed(
  store: ArticleStore,
  options: MaintenanceOptions = {},
): Promise<IngestCounts & { total: number }> {
  const failed = await store.listFailed();
  // Results carry their origin, not the failure they came from: map origins back to failure ids.
  const byOrigin = new Map<string, string>();
  async function* inputs(): AsyncGenerator<ReadResult> {
    for (const f of failed) {
      for (const r of await reread(f)) {
        const origin = r.ok ? r.article.origin : { file: r.error.file, line: r.error.line };
        byOrigin.set(originKey(origin?.file, origin?.line), f.id);
        if (r.ok) byOrigin.set(`id:${r.article.id ?? ''}`, f.id);
        yield r;
      }
    }
  }
  const counts = await ingestResults(store, codeRead(inputs(), { tokens: false, ...options.code }), {
    ...options,
    pipelineVersion: versionOf(options),
    replace: true,
    toItem(result) {
      const item = toItem(result);
      if (item.ok) {
        const o = item.doc.origin;
        item.supersedes = byOrigin.get(originKey(o?.file, o?.line)) ?? byOrigin.get(`id:${item.doc.id}`);
      } else {
        item.failure.id = byOrigin.get(originKey(item.failure.file, item.failure.line)) ?? item.failure.id;
      }
      return item;
    },
  });
  return { ...counts, total: failed.length };
}

const originKey = (file: string | null | undefined, line: number | null | undefined) =>
  `${file ?? ''}:${line ?? ''}`;

/**
 * A failed article read again: the article kept with a pipeline failure, the kept JSONL line, its file
 * when it still exists, or else the kept text.
 */
async function reread(f: FailedArticle): Promise<ReadResult[]> {
  const file = f.file ?? '<input>';
  const line = f.line ?? undefined;
  try {
    if (f.code === 'pipeline' && f.input) return [{ ok: true, article: JSON.parse(f.input) as RawDocument }];
    if (f.input && line !== undefined && /^\.(jsonl|ndjson)$/i.test(extname(file)))
      return [{ ok: true, article: readJsonlArticle(f.input, file, line) }];
    if (f.file && existsSync(f.file)) {
      const out: ReadResult[] = [];
      for await (const r of readSources([f.file])) {
        const at = r.ok ? r.article.origin?.line : r.error.line;
        if (line === undefined || at === line) out.push(r);
      }
      if (out.length) return out;
    }
    if (f.input) return [{ ok: true, article: readTextArticle(f.input, file) }];
    return [{ ok: false, error: new ReadError(f.code, file, f.reason, line) }];
  } catch (e) {
    const error =
      e instanceof ReadError
        ? e
        : new ReadError('bad-record', file, (e as Error).message, line, f.input ?? undefined);
    return [{ ok: false, error }];
  }
}
