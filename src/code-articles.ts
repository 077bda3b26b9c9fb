/**
 * The core that reads and codes articles, in input order, on every core.
 *
 * With `workers` > 1 the articles are spread over a pool of worker threads, each of which loads the
 * pipeline once; at most `maxInFlight` articles are read ahead of the consumer, so memory stays flat on
 * inputs of any length, and results come out in input order. A failing article is that article's error;
 * the others still come out.
 */
import { availableParallelism } from 'node:os';
import type { Doc, RawDocument } from './doc.js';
import { ReadError } from './errors.js';
import type { OutputOptions } from './output/document-json.js';
import type { Pipeline } from './pipeline.js';
import { readSources, type ReadOptions, type ReadResult } from './read/sources.js';
import { codeBatchTask, loadPipeline, pipelineError, type TaskResult } from './workers/code-task.js';
import { orderedPool, type PoolItem } from './workers/ordered-pool.js';
import { sharedModels } from './workers/shared-models.js';
import { spawnCodeWorker } from './workers/spawn.js';
import { plainError, rebuildDoc, rebuildError, type ClonedDoc } from './workers/transfer.js';

export { codeArticle } from './workers/code-task.js';

export type CodeResult = { ok: true; doc: Doc } | { ok: false; error: ReadError };

/** One article's output line (`toOutput` as JSON, then a newline) in UTF-8, for `--format jsonl`. */
export type LineResult = { ok: true; id: string; line: Uint8Array } | { ok: false; error: ReadError };

export interface CodeOptions extends ReadOptions {
  /** Worker threads; 1 codes in this thread. Default: the number of cores. */
  workers?: number;
  /** Articles read and not yet yielded, at most. Default: 16 per worker. */
  maxInFlight?: number;
  /** A pipeline object to use instead of the default; a Pipeline cannot cross threads, so this codes in this thread. */
  pipeline?: Pipeline;
  /** URL of a module whose `createPipeline()` gives the pipeline, loaded in each worker (or in this thread). */
  pipelineModule?: string;
  /**
   * False: Docs come without their token layer. Tokens are most of a Doc's size and of the cost of
   * handing it from a worker to this thread; callers that do not read them (the store) should say so.
   */
  tokens?: boolean;
}

/** The default number of workers: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Reads and codes every article under `paths`, in input order. One bad article never stops the batch. */
export async function* codeArticles(
  paths: readonly string[],
  options: CodeOptions = {},
): AsyncGenerator<CodeResult> {
  for await (const r of codeReadResults(readSources(paths, options), options)) {
    if (!r.ok) yield { ok: false, error: rebuildError(r.error) };
    else if (r.doc) yield { ok: true, doc: r.doc };
  }
}

/**
 * Like `codeArticles`, but yields each article's output line already serialized (in a worker, when there
 * are workers): the fast path for `annals code --format jsonl|json`.
 */
export async function* codeArticleLines(
  paths: readonly string[],
  options: CodeOptions & { output: OutputOptions },
): AsyncGenerator<LineResult> {
  for await (const r of codeReadResults(readSources(paths, options), options, options.output)) {
    if (!r.ok) yield { ok: false, error: rebuildError(r.error) };
    else if (r.line !== undefined) yield { ok: true, id: r.id, line: r.line };
  }
}

/**
 * Codes already-read articles (read errors pass through in place). Yields plain task results: a Doc, or
 * with `output` a serialized line, or an error as plain data.
 */
export async function* codeReadResults(
  source: AsyncIterable<ReadResult>,
  options: CodeOptions,
  output?: OutputOptions,
): AsyncGenerator<TaskResult> {
  const workers = options.pipeline ? 1 : (options.workers ?? defaultWorkers());
  const maxInFlight = options.maxInFlight ?? 16 * workers;
  const input = workers > 1 ? await peek(source, Math.min(SMALL_INPUT + 1, maxInFlight)) : null;
  if (!input || input.ended) {
    const pipeline = options.pipeline ?? (await loadPipeline(options.pipelineModule));
    // In this thread, articles are coded in batches (stage by stage, which is faster); read errors keep
    // their place among them.
    const task = codeBatchTask(pipeline, { output, tokens: options.tokens });
    let batch: ReadResult[] = [];
    const flush = function* (): Generator<TaskResult> {
      const articles = batch.flatMap((item) => (item.ok ? [item.article] : []));
      const coded = task(articles);
      let next = 0;
      for (const item of batch) yield item.ok ? coded[next++] : { ok: false, error: plainError(item.error) };
      batch = [];
    };
    for await (const item of input?.items ?? source) {
      batch.push(item);
      if (batch.length >= BATCH) yield* flush();
    }
    yield* flush();
    return;
  }
  const items = async function* (): AsyncGenerator<PoolItem<RawDocument, TaskResult>> {
    for await (const item of input.items)
      yield item.ok ? { run: item.article } : { ready: { ok: false, error: plainError(item.error) } };
  };
  const results = orderedPool<RawDocument, TaskResult>(items(), {
    workers,
    maxInFlight,
    spawn: () =>
      spawnCodeWorker({
        mode: { output, tokens: options.tokens },
        pipelineModule: options.pipelineModule,
        models: sharedModels(),
      }),
    crashed: (article, reason) => ({ ok: false, error: plainError(pipelineError(article, reason)) }),
  });
  for await (const r of results)
    yield r.ok && r.doc ? { ok: true, doc: rebuildDoc(r.doc as unknown as ClonedDoc) } : r;
}

/**
 * Articles coded together, stage by stage, in this thread: past about 16 the gain levels off, and each
 * batch holds back its first result until the whole batch is read and coded.
 */
export const BATCH = 16;

/** Inputs of at most this many articles are coded in this thread: starting a worker costs more. */
export const SMALL_INPUT = 8;

/**
 * Reads up to `n` items ahead: `ended` tells whether the source ended within them, and `items` gives
 * them back followed by the rest of the source.
 */
async function peek<T>(
  source: AsyncIterable<T>,
  n: number,
): Promise<{ ended: boolean; items: AsyncIterable<T> }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: T[] = [];
  let ended = false;
  while (head.length < n) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
  }
  async function* items(): AsyncGenerator<T> {
    try {
      yield* head;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) ended = true;
        else yield next.value;
      }
    } finally {
      if (!ended) await iterator.return?.();
    }
  }
  return { ended, items: items() };
}
