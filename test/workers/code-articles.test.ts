import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeArticleLines, codeArticles, codeReadResults, type CodeResult } from '../../src/code-articles.js';
import { Alignment } from '../../src/clean/alignment.js';
import type { RawDocument } from '../../src/doc.js';
import { toOutput } from '../../src/output/document-json.js';
import type { ReadResult } from '../../src/read/sources.js';
import { SHARED, sharedPresent } from '../helpers/shared.js';

const FIXTURES = new URL('../fixtures/workers/', import.meta.url);
const ARTICLES = new URL('articles.jsonl', FIXTURES).pathname;
const FAILING = new URL('failing-pipeline.ts', FIXTURES).href;
const BROKEN = new URL('broken-pipeline.ts', FIXTURES).href;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A line result's bytes as text. */
const text = (line: Uint8Array) => new TextDecoder().decode(line);

function docs(results: CodeResult[]) {
  return results.map((r) => {
    if (!r.ok) throw new Error(`unexpected failure: ${r.error.message}`);
    return r.doc;
  });
}

/** The fixture articles with extra lines put at the given (1-based, final) line numbers. */
function fixtureWith(insert: Record<number, string>): string {
  const lines = readFileSync(ARTICLES, 'utf8').trimEnd().split('\n');
  for (const [at, line] of Object.entries(insert).sort((a, b) => Number(a[0]) - Number(b[0])))
    lines.splice(Number(at) - 1, 0, line);
  const dir = mkdtempSync(join(tmpdir(), 'annals-workers-'));
  const file = join(dir, 'batch.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const article = (id: string, text: string) => JSON.stringify({ id, date: '2024-06-01', text });

describe('codeArticles with worker threads', () => {
  it('gives the same documents, in the same order, as coding in this thread', async () => {
    const inProcess = docs(await collect(codeArticles([ARTICLES], { workers: 1 })));
    const threaded = docs(await collect(codeArticles([ARTICLES], { workers: 2 })));
    expect(inProcess.map((d) => d.id)).toEqual([
      'w01',
      'w02',
      'w03',
      'w04',
      'w05',
      'w06',
      'w07',
      'w08',
      'w09',
      'w10',
      'w11',
      'w12',
    ]);
    expect(threaded).toStrictEqual(inProcess);
  });

  it('rebuilds the alignment, so offsets still map back to the raw text', async () => {
    const [doc] = docs(await collect(codeArticles([ARTICLES], { workers: 2 })));
    expect(doc.alignment).toBeInstanceOf(Alignment);
    for (const s of doc.sentences ?? []) {
      const start = doc.alignment.toRaw(s.start, 'start');
      expect(doc.raw.slice(start, start + 4)).toBe(doc.text.slice(s.start, s.start + 4));
    }
  });

  it('tokens: false leaves out the token layer and nothing else', async () => {
    const full = docs(await collect(codeArticles([ARTICLES], { workers: 1 })));
    for (const workers of [1, 2]) {
      const lean = docs(await collect(codeArticles([ARTICLES], { workers, tokens: false })));
      expect(lean.every((d) => d.tokens === undefined)).toBe(true);
      expect(lean).toStrictEqual(full.map(({ tokens: _, ...rest }) => rest));
    }
  });

  it('line mode gives each document’s output line, serialized in the worker', async () => {
    const expected = docs(await collect(codeArticles([ARTICLES], { workers: 1 }))).map((d) =>
      JSON.stringify(toOutput(d, { offsets: 'raw' })),
    );
    for (const workers of [1, 2]) {
      const lines = await collect(codeArticleLines([ARTICLES], { workers, output: { offsets: 'raw' } }));
      expect(lines.map((l) => (l.ok ? text(l.line) : l.error.message))).toEqual(
        expected.map((e) => e + '\n'),
      );
    }
  });

  it('reports a bad line and a failing article in the middle of a batch, and codes the others', async () => {
    const file = fixtureWith({
      4: '{"id": "broken", "date": ',
      8: article('boom', 'This one says FAIL-THIS-ARTICLE.'),
    });
    for (const workers of [1, 2]) {
      const results = await collect(codeArticles([file], { workers, pipelineModule: FAILING }));
      expect(results).toHaveLength(14);
      const failed = results.flatMap((r, i) => (r.ok ? [] : [{ i, code: r.error.code, line: r.error.line }]));
      expect(failed).toEqual([
        { i: 3, code: 'bad-json', line: 4 },
        { i: 7, code: 'pipeline', line: 8 },
      ]);
      const failure = results[7];
      expect(!failure.ok && failure.error.reason).toMatch(/tripwire: asked to fail/);
      expect(docs(results.filter((r) => r.ok)).map((d) => d.id)).toEqual([
        'w01',
        'w02',
        'w03',
        'w04',
        'w05',
        'w06',
        'w07',
        'w08',
        'w09',
        'w10',
        'w11',
        'w12',
      ]);
    }
  });

  it('a worker that dies fails only the article it was coding; the rest are coded by a fresh worker', async () => {
    const file = fixtureWith({ 6: article('crash', 'This one says CRASH-THIS-WORKER.') });
    const results = await collect(codeArticles([file], { workers: 2, pipelineModule: FAILING }));
    expect(results).toHaveLength(13);
    const crashed = results[5];
    expect(crashed.ok).toBe(false);
    expect(!crashed.ok && crashed.error.reason).toMatch(/worker stopped \(exit code 9\)/);
    expect(!crashed.ok && crashed.error.line).toBe(6);
    expect(results.filter((r) => r.ok)).toHaveLength(12);
  });

  it('a pipeline that cannot load stops the run with one clear error', async () => {
    await expect(collect(codeArticles([ARTICLES], { workers: 2, pipelineModule: BROKEN }))).rejects.toThrow(
      /a worker could not start: .*broken-pipeline: this module fails on load/,
    );
  });
});

describe('bounded work in flight', () => {
  const N = 120;
  /** A source that counts how many articles have been taken from it. */
  function countingSource() {
    const state = { taken: 0 };
    async function* source(): AsyncGenerator<ReadResult> {
      for (let i = 0; i < N; i++) {
        state.taken++;
        const a: RawDocument = {
          id: `a${i}`,
          date: '2024-06-01',
          text: `Article number ${i} says little. It ends here.`,
        };
        yield { ok: true, article: a };
      }
    }
    return { state, source };
  }

  it('never reads more than maxInFlight articles ahead of the consumer, and keeps order', async () => {
    const { state, source } = countingSource();
    const maxInFlight = 6;
    let consumed = 0;
    let worstLead = 0;
    const ids: string[] = [];
    for await (const r of codeReadResults(source(), { workers: 2, maxInFlight })) {
      worstLead = Math.max(worstLead, state.taken - consumed);
      consumed++;
      if (r.ok && r.doc) ids.push(r.doc.id);
      // A slow consumer: the workers finish early, and must wait rather than read on.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(ids).toEqual(Array.from({ length: N }, (_, i) => `a${i}`));
    expect(worstLead).toBeLessThanOrEqual(maxInFlight);
    expect(worstLead).toBeGreaterThan(1);
  });

  it('stops reading when the consumer stops', async () => {
    const { state, source } = countingSource();
    let seen = 0;
    for await (const _ of codeReadResults(source(), { workers: 2, maxInFlight: 4 })) if (++seen === 3) break;
    expect(state.taken).toBeLessThanOrEqual(3 + 4);
  });
});

describe.runIf(sharedPresent('corpora'))('on the wire corpus', () => {
  it('worker output is identical to in-process output on 300 wire stories', async () => {
    const { corpusJsonl } = await import('../../bench/corpora.js');
    const lines = readFileSync(corpusJsonl('wire', { corporaDir: SHARED + 'corpora' }), 'utf8')
      .split('\n')
      .slice(0, 300);
    const dir = mkdtempSync(join(tmpdir(), 'annals-wire-'));
    const file = join(dir, 'wire300.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const one = await collect(codeArticleLines([file], { workers: 1, output: {} }));
    const two = await collect(codeArticleLines([file], { workers: 2, output: {} }));
    expect(one.length).toBe(300);
    expect(two).toEqual(one);
  });
});
