/**
 * Ingest, retry and reprocess with the real reader and pipeline, into a SQLite file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPipeline, type Stage } from '../../src/pipeline.js';
import { DEFAULT_STAGES } from '../../src/stages.js';
import { countArticles, ingestPaths } from '../../src/store/ingest.js';
import { reprocessStale, retryFailed } from '../../src/store/maintenance.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { pipelineVersion } from '../../src/version.js';

const FIXTURES = new URL('../fixtures/articles/', import.meta.url).pathname;
const STORE_FIXTURES = new URL('../fixtures/store/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'annals-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => new SqliteStore(join(dir, `i${n++}.db`));
const code = { workers: 1 };

describe('ingest', () => {
  it('stores every fixture article, and a second ingest changes no count', async () => {
    const store = fresh();
    try {
      const expected = await countArticles([FIXTURES]);
      const first = await ingestPaths(store, [FIXTURES], { code, batchSize: 4 });
      expect(first.read).toBe(expected);
      expect(first.inserted + first.failed).toBe(expected);
      const stats = await store.stats();
      expect(stats.articles).toBe(first.inserted);
      expect(stats.versions).toEqual({ [pipelineVersion()]: first.inserted });
      const again = await ingestPaths(store, [FIXTURES], { code });
      expect(again).toMatchObject({ read: expected, inserted: 0, unchanged: first.inserted });
      expect(await store.stats()).toEqual(stats);
    } finally {
      await store.close();
    }
  });

  it('one bad article never stops the batch; it is stored with its error and input', async () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'good-1', date: '2023-05-02', text: 'The council met on Tuesday in Geneva.' }),
        '{"id": "broken", "date": ',
        JSON.stringify({
          id: 'good-2',
          date: '2023-05-03',
          text: 'Ministers from both countries spoke by phone.',
        }),
      ].join('\n'),
    );
    const store = fresh();
    try {
      const seen: string[] = [];
      const c = await ingestPaths(store, [file], { code, onFailure: (f) => seen.push(f.reason) });
      expect(c).toMatchObject({ read: 3, inserted: 2, failed: 1 });
      expect(seen).toHaveLength(1);
      const [f] = await store.listFailed();
      expect(f).toMatchObject({ code: 'bad-json', file, line: 2, input: '{"id": "broken", "date": ' });
      expect((await store.queryArticles({ status: 'ok' })).map((a) => a.id)).toEqual(['good-1', 'good-2']);
    } finally {
      await store.close();
    }
  });

  it('the same text under a new id is a duplicate, not a second article', async () => {
    const file = join(dir, 'dup.jsonl');
    const text = 'Diplomats from the two neighbours met in Vienna to discuss water rights.';
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'first', date: '2023-05-02', text }),
        JSON.stringify({ id: 'second', date: '2023-05-02', text: ` ${text}\n` }),
      ].join('\n'),
    );
    const store = fresh();
    try {
      expect(await ingestPaths(store, [file], { code })).toMatchObject({ inserted: 1, duplicate: 1 });
    } finally {
      await store.close();
    }
  });

  it('counts articles in files and JSONL lines for the progress bar', async () => {
    const file = join(dir, 'count.jsonl');
    writeFileSync(file, '{"a":1}\n{"a":2}\n{"a":3}');
    expect(await countArticles([file, join(FIXTURES, '01-state-visit.txt')])).toBe(4);
    expect(await countArticles(['-'])).toBeNull();
  });
});

describe('retry', () => {
  it('a file that failed is read again from disk once fixed', async () => {
    const file = join(dir, 'undated.txt');
    writeFileSync(file, 'Troops withdrew from the border town overnight, residents said.\n');
    const store = fresh();
    try {
      expect(await ingestPaths(store, [file], { code })).toMatchObject({ failed: 1 });
      const [failed] = await store.listFailed();
      expect(failed.code).toBe('no-date');
      // Still broken: retried, still failing, attempts counted.
      expect(await retryFailed(store, { code })).toMatchObject({ total: 1, failed: 1 });
      expect((await store.listFailed())[0].attempts).toBe(2);
      writeFileSync(file, 'date 2023-08-09\n' + readFileSync(file, 'utf8'));
      expect(await retryFailed(store, { code })).toMatchObject({ total: 1, failed: 0, replaced: 1 });
      expect(await store.listFailed()).toEqual([]);
      const [a] = await store.queryArticles({});
      expect(a).toMatchObject({ status: 'ok', date: '2023-08-09' });
    } finally {
      await store.close();
    }
  });

  it('an article the pipeline failed on is coded again from the input kept with it', async () => {
    const explode: Stage = {
      name: 'explode',
      requires: ['text'],
      adds: [],
      run(doc) {
        if (doc.text.includes('volcano')) throw new Error('boom');
        return doc;
      },
    };
    const file = join(dir, 'pipeline.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'calm', date: '2023-01-05', text: 'Parliament passed the budget on Thursday.' }),
        JSON.stringify({ id: 'volcanic', date: '2023-01-06', text: 'The volcano erupted near the capital.' }),
      ].join('\n'),
    );
    const store = fresh();
    try {
      const pipeline = buildPipeline([...DEFAULT_STAGES, explode]);
      expect(await ingestPaths(store, [file], { code: { pipeline } })).toMatchObject({
        inserted: 1,
        failed: 1,
      });
      const [failed] = await store.listFailed();
      expect(failed).toMatchObject({ id: 'volcanic', code: 'pipeline' });
      rmSync(file); // the kept input is enough
      expect(await retryFailed(store, { code })).toMatchObject({ replaced: 1, failed: 0 });
      expect((await store.getArticle('volcanic'))!.status).toBe('ok');
    } finally {
      await store.close();
    }
  });
});

describe('reprocess', () => {
  it('re-codes articles stored under an older pipeline version, and only those', async () => {
    const store = fresh();
    try {
      const file = join(STORE_FIXTURES, 'two-outlets.jsonl');
      await ingestPaths(store, [file], { code, pipelineVersion: '0+old' });
      expect(await store.listStale(pipelineVersion())).toHaveLength(2);
      const c = await reprocessStale(store, { code });
      expect(c).toMatchObject({ total: 2, replaced: 2 });
      expect(await store.listStale(pipelineVersion())).toEqual([]);
      expect((await store.stats()).versions).toEqual({ [pipelineVersion()]: 2 });
      expect(await reprocessStale(store, { code })).toMatchObject({ total: 0, read: 0 });
    } finally {
      await store.close();
    }
  });
});
