import { readFileSync } from 'node:fs';
import type { Doc, Quote } from '../../src/doc.js';
import { readTextArticle } from '../../src/read/text-article.js';
import { defaultPipeline } from '../../src/stages.js';

export const FIXTURES = new URL('../fixtures/quotes/', import.meta.url);

export function runFile(path: string): Doc {
  return defaultPipeline().run(readTextArticle(readFileSync(path, 'utf8'), path));
}

export function runText(text: string, date = '2025-01-01'): Doc {
  return defaultPipeline().run({ date, text });
}

/** A quote as readable text, for golden files and assertions (actor ids are checked separately, so the
 * golden files do not change with the actors stage). */
export interface QuoteView {
  kind: Quote['kind'];
  content: string;
  cue: string;
  speaker: string | null;
  rule: string;
}

export function view(doc: Doc): QuoteView[] {
  return (doc.quotes ?? []).map((q) => ({
    kind: q.kind,
    content: doc.text.slice(q.start, q.end),
    cue: q.cue.text,
    speaker:
      q.speaker && q.speaker.start !== undefined ? doc.text.slice(q.speaker.start, q.speaker.end) : null,
    rule: q.rule ?? '',
  }));
}
