/**
 * The fixture articles written for annals' tests, coded once per test file. Dated-text and JSONL articles
 * live in test/fixtures/articles/ (the README quick start codes that folder); plain-text articles, which
 * need `--date`, live in test/fixtures/plain/ and are coded with PLAIN_DATE.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeArticles } from '../../src/code-articles.js';
import type { Doc } from '../../src/doc.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const ARTICLES_DIR = join(FIXTURES, 'articles');
export const PLAIN_DIR = join(FIXTURES, 'plain');
export const GOLDEN_DIR = join(FIXTURES, 'golden');
/** The `--date` given to the plain-text fixtures. */
export const PLAIN_DATE = '2024-05-01';

export interface FixtureFile {
  /** Path of the input file. */
  file: string;
  /** Golden name: the file name without its extension, prefixed `plain-` for plain-text inputs. */
  name: string;
  docs: Doc[];
}

export function fixturePaths(): string[] {
  const list = (dir: string) =>
    readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .sort()
      .map((n) => join(dir, n));
  return [...list(ARTICLES_DIR), ...list(PLAIN_DIR)];
}

/** Codes every fixture with the default pipeline; throws if any fails to read. */
export async function codeFixtures(): Promise<FixtureFile[]> {
  const byFile = new Map<string, FixtureFile>();
  for (const file of fixturePaths()) {
    const plain = file.startsWith(PLAIN_DIR);
    const name = (plain ? 'plain-' : '') + basename(file).replace(/\.[^.]+$/, '');
    byFile.set(file, { file, name, docs: [] });
  }
  for await (const r of codeArticles(fixturePaths(), { date: PLAIN_DATE })) {
    if (!r.ok) throw new Error(`fixture failed: ${r.error.message}`);
    byFile.get(r.doc.origin?.file ?? '')?.docs.push(r.doc);
  }
  return [...byFile.values()];
}
