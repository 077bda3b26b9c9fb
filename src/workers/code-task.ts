/**
 * Coding one article, the same way in this thread and in a worker: run the pipeline, then hand back the
 * Doc, or (line mode) the article's output line already serialized, which is all `annals code --format
 * jsonl` needs and spares the main thread both the copy of the Doc and the JSON encoding.
 */
import type { Doc, RawDocument } from '../doc.js';
import { ReadError } from '../errors.js';
import { toOutput, type OutputOptions } from '../output/document-json.js';
import type { Pipeline } from '../pipeline.js';
import { plainError, type PlainError } from './transfer.js';

/** Runs the pipeline on one article; a failure inside a stage becomes an error naming the article. */
export function codeArticle(
  article: RawDocument,
  pipeline: Pipeline,
): { ok: true; doc: Doc } | { ok: false; error: ReadError } {
  try {
    return { ok: true, doc: pipeline.run(article) };
  } catch (e) {
    return { ok: false, error: pipelineError(article, `pipeline failed: ${(e as Error).message}`) };
  }
}

export function pipelineError(article: RawDocument, reason: string): ReadError {
  const file = article.origin?.file ?? article.id ?? '<input>';
  return new ReadError('pipeline', file, reason, article.origin?.line, JSON.stringify(article));
}

/**
 * What a task hands back: a Doc, a serialized output line, or the error as plain data. The line is the
 * UTF-8 bytes of the article's JSON and a newline, in a buffer of its own, so that a worker can hand it
 * over without a copy (`transferables`) and the main thread writes it as it is: no string of the whole
 * line is made or re-encoded there.
 */
export type TaskResult =
  | { ok: true; doc: Doc; line?: undefined }
  | { ok: true; line: Uint8Array; id: string; doc?: undefined }
  | { ok: false; error: PlainError };

/** The buffers of a task result that can move to another thread instead of being copied. */
export function transferables(result: TaskResult): ArrayBuffer[] {
  return result.ok && result.line ? [result.line.buffer as ArrayBuffer] : [];
}

const utf8 = new TextEncoder();

/** How a task hands its result back. */
export interface TaskMode {
  /** Line mode: the article's output line (`toOutput` as JSON) instead of the Doc. */
  output?: OutputOptions;
  /** False: the Doc comes back without its token layer (copying it between threads then takes a fifth of the time). */
  tokens?: boolean;
}

/** The task function: codes one article and hands back the result as `mode` asks. */
export function codeTask(pipeline: Pipeline, mode: TaskMode = {}): (article: RawDocument) => TaskResult {
  const shape = resultShaper(mode);
  return (article) => {
    const result = codeArticle(article, pipeline);
    return shape(article, result.ok ? result.doc : result.error);
  };
}

/**
 * The batch task function: codes articles stage by stage (`Pipeline.runBatch`, faster than one at a time)
 * and hands back one result per article, in order, each as `codeTask` would.
 */
export function codeBatchTask(
  pipeline: Pipeline,
  mode: TaskMode = {},
): (articles: readonly RawDocument[], visit?: (i: number) => void) => TaskResult[] {
  const shape = resultShaper(mode);
  return (articles, visit) =>
    pipeline
      .runBatch(articles, visit)
      .map((doc, i) =>
        shape(
          articles[i],
          doc instanceof Error ? pipelineError(articles[i], `pipeline failed: ${doc.message}`) : doc,
        ),
      );
}

/** Turns a coded Doc (or the error that stopped it) into what the task hands back. */
function resultShaper(mode: TaskMode): (article: RawDocument, coded: Doc | ReadError) => TaskResult {
  const { output, tokens = true } = mode;
  return (article, coded) => {
    if (coded instanceof ReadError) return { ok: false, error: plainError(coded) };
    if (!output) {
      if (!tokens) delete coded.tokens;
      return { ok: true, doc: coded };
    }
    try {
      // `TextEncoder` gives the line a buffer of its own (`Buffer.from` may share a pooled one).
      return { ok: true, id: coded.id, line: utf8.encode(JSON.stringify(toOutput(coded, output)) + '\n') };
    } catch (e) {
      const error = pipelineError(article, `output failed: ${(e as Error).message}`);
      return { ok: false, error: plainError(error) };
    }
  };
}

/** The pipeline a task uses: the default one, or `createPipeline()` from a module (tests, experiments). */
export async function loadPipeline(pipelineModule?: string): Promise<Pipeline> {
  if (pipelineModule) {
    const mod = (await import(pipelineModule)) as { createPipeline(): Pipeline };
    return mod.createPipeline();
  }
  const { defaultPipeline } = await import('../stages.js');
  return defaultPipeline();
}
