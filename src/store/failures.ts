import type { RawDocument } from '../doc.js';
import type { ReadError } from '../errors.js';
import { contentId } from '../pipeline.js';
import type { FailureInput } from './store.js';

/**
 * A failed article as the store keeps it. A pipeline failure carries the article it failed on, so it
 * keeps that article's id; a read failure has no article yet, so its id comes from where it was read.
 */
export function failureOf(error: ReadError): FailureInput {
  let id: string | null = null;
  if (error.code === 'pipeline' && error.input) {
    try {
      const article = JSON.parse(error.input) as RawDocument;
      id = article.id ?? contentId(article.text);
    } catch {
      id = null;
    }
  }
  const where = `${error.file}:${error.line ?? ''}`;
  return {
    id: id ?? `failed-${contentId(error.input ? `${where}\n${error.input}` : where)}`,
    code: error.code,
    reason: error.reason,
    file: error.file,
    line: error.line ?? null,
    input: error.input ?? null,
  };
}
