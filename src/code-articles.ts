import type { Doc, RawDocument } from './doc.js';
import { ReadError } from './errors.js';
import type { Pipeline } from './pipeline.js';
import { readSources, type ReadOptions } from './read/sources.js';
import { defaultPipeline } from './stages.js';

export type CodeResult = { ok: true; doc: Doc } | { ok: false; error: ReadError };

/** Runs the pipeline on one article; a failure inside a stage becomes an error naming the article. */
export function codeArticle(article: RawDocument, pipeline: Pipeline = defaultPipeline()): CodeResult {
  try {
    return { ok: true, doc: pipeline.run(article) };
  } catch (e) {
    const file = article.origin?.file ?? article.id ?? '<input>';
    const reason = `pipeline failed: ${(e as Error).message}`;
    return {
      ok: false,
      error: new ReadError('pipeline', file, reason, article.origin?.line, JSON.stringify(article)),
    };
  }
}

/** Reads and codes every article under `paths`, in input order. One bad article never stops the batch. */
export async function* codeArticles(
  paths: readonly string[],
  options: ReadOptions & { pipeline?: Pipeline } = {},
): AsyncGenerator<CodeResult> {
  for await (const item of readSources(paths, options)) {
    yield item.ok ? codeArticle(item.article, options.pipeline) : item;
  }
}
